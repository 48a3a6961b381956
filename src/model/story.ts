/**
 * The one story model. The RSS feed, the JSON Feed, the API and the inspector all render these shapes;
 * none of them reads the database on its own.
 */
import type { CoinTag, Kind, RemovedSpan, Tier } from '../pipeline/types.ts';

export interface SourceRef {
  id: string;
  name: string;
  homepage: string;
  tier: Tier;
}

/** Another outlet's copy or write-up of the same event. */
export interface Coverage {
  itemId: string;
  source: SourceRef;
  title: string;
  url: string;
  publishedAt: number;
  kind: Kind;
  similarity: number | null; // 0..1, to the canonical
}

/** One event of a storyline, as a story lists it. */
export interface StorylineEvent {
  id: string; // the event's story id
  title: string;
  publishedAt: number; // its first report
  size: number; // its stories
}

/**
 * The storyline a story's event belongs to: the events of one unfolding matter in time order. Only storylines of two
 * events or more are shown.
 */
export interface StorylineRef {
  id: string;
  title: string; // the title of its most covered event (the earliest on a tie)
  size: number; // its events, all of them
  events: StorylineEvent[]; // the newest STORYLINE_EVENTS_SHOWN of them, oldest first
}

/** Events a story lists of its storyline: a long saga shows its latest chapters; the storyline endpoint has them all. */
export const STORYLINE_EVENTS_SHOWN = 20;

export interface Story {
  id: string; // the cluster's stable id
  title: string;
  url: string;
  source: SourceRef;
  publishedAt: number;
  updatedAt: number;
  summary: string;
  coins: string[];
  kind: Kind;
  coverage: Coverage[]; // the other members, earliest first
  storyline: StorylineRef | null; // null: the event is in no storyline of two events or more
  score: number; // how much the event matters now: outlets, speed, kind, over age (src/model/score.ts); sort=top's key
  scoreReasons: string[]; // the score's parts in words
}

/** One member as the inspector and the detail API show it. */
export interface Member extends Coverage {
  isCanonical: boolean;
  author: string | null;
  textSource: string | null;
  rawText: string; // what the cleaner was given
  text: string; // what it kept
  removed: RemovedSpan[];
  coinTags: CoinTag[];
  kindReasons: string[];
  placement: unknown; // why it joined its cluster (from the cluster stage)
  score: unknown; // its canonical score parts (from choose-canonical)
  error: string | null;
}

export interface StoryDetail extends Story {
  text: string; // the cleaned text: the canonical's, or its fullest member's when the canonical is a teaser
  textFrom: { itemId: string; source: SourceRef; reason: string } | null; // set when the text is not the canonical's
  members: Member[]; // every member, canonical first
  canonicalReason: unknown;
  mergedFrom: string[]; // ids of clusters merged into this one: they still resolve here
  storylineWhy: unknown; // why this event is in its storyline (LinkWhy), null when none or it came with a merge
  hidden: boolean; // an editor hid it: left out of every list and feed (the API answers 404 for it)
  editorial: EditorialMark[]; // the editors' overrides naming its members, oldest first
}

/** A storyline on its own (GET /api/v1/storylines/:id): every event, with why each joined. */
export interface StorylineDetail {
  id: string;
  title: string;
  firstPublishedAt: number;
  lastPublishedAt: number;
  events: (StorylineEvent & { source: SourceRef; summary: string; why: unknown })[]; // oldest first
  mergedFrom: string[]; // storylines merged into this one: their ids resolve here
}

/** An editor's override as a story shows it (see src/pipeline/cluster/overrides.ts for what each does). */
export interface EditorialMark {
  id: string;
  action: 'merge' | 'split' | 'pin' | 'hide';
  storyId: string; // the story named when it was made (merge: merged away; split: the one the item left)
  intoId: string | null; // merge: the story kept; split: where the item went (null: a story of its own)
  itemId: string | null; // split, pin
  itemStory: string | null; // split: the story the item is in now
  note: string;
  createdAt: number;
  inForce: boolean; // pin: it decides this story's canonical; hide: it keeps this story hidden; merge, split: true
}

export interface SourceHealth extends SourceRef {
  feedUrl: string;
  fullText: boolean;
  enabled: boolean;
  lastFetchAt: number | null;
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
  lastError: string | null;
  lastErrorCode: string | null;
  lastMessage: string | null;
  consecutiveFailures: number;
  itemsSeen: number;
  itemsFailed: number; // items whose pipeline failed: kept with their error, never served half-processed
  entriesDeferred: number; // feed entries the last run left for later runs (over the per-run cap)
  pagesDeferred: number; // items waiting for their page (the run's budget, or a slow host)
  stories: number;
}

/** The summary shown under a title: the first sentences of the cleaned text, whole sentences only. */
export const SUMMARY_MAX_CHARS = 400; // about two sentences: enough to decide whether to click

export function summarize(text: string, fallback: string | null = null): string {
  const source = (text || fallback || '').replace(/\s+/g, ' ').trim();
  if (source.length <= SUMMARY_MAX_CHARS) return source;
  const cut = source.slice(0, SUMMARY_MAX_CHARS);
  const lastStop = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  if (lastStop > SUMMARY_MAX_CHARS / 3) return cut.slice(0, lastStop + 1);
  return cut.slice(0, cut.lastIndexOf(' ')).trimEnd() + '…';
}
