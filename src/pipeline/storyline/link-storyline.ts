/**
 * linkStoryline: after placeStory has put a story into its event, links that event to the storyline of its matter.
 * Events stay as placeStory makes them (one happening each, the unit of deduplication); a storyline is the second
 * level: the exploit, the refund plan, the arrest. Incremental, in any arrival order:
 *   1. the event's storyline is its own, or (when this story bridged events into one) the oldest of theirs: the
 *      others merge into it, their ids still resolve
 *   2. the story's anchors (names and large figures, anchors.ts) -> stories of other events within the window
 *      sharing them (one indexed lookup); another outlet's story, not a hook kind
 *   3. verify: at least `minThings` distinct names or figures shared with `minAnchorWeight`, then the cosine of
 *      same-event features at `eventBarShare` of the event bar for this crowd (one more lookup, a second for the
 *      crowd): the same matter shares actors AND subject, while one actor's unrelated news shares only the actor
 *   4. the best such story's event and this one share a storyline: the one either has, or a new one; when both
 *      have one already, nothing changes (no merge on a single link: chains of one shared name would grow
 *      storylines into topics)
 *   5. store the story's anchors for later stories, every change in one batch of writes
 * Storyline ids are stable: a new one is named after its two founding events, joining never changes it, and a merge
 * keeps the storyline first published (ties: smaller id).
 */
import { DEFAULT_CONFIG as CLUSTER_CONFIG, type ClusterConfig } from '../cluster/config.ts';
import { cosine, decodeFingerprint } from '../fingerprint/index.ts';
import { stableId } from '../ids.ts';
import type { Kind } from '../types.ts';
import { anchorOverlap, headlineKeys, headlineNames, storyAnchors, type Anchor, type Overlap } from './anchors.ts';
import { DEFAULT_STORYLINE_CONFIG, type StorylineConfig } from './config.ts';
import { nameTokens } from './names.ts';
import type { AnchorHit, LinkWhy, StoredStoryline, StorylineStore, StorylineWrite } from './store.ts';

export interface StorylineInput {
  id: string; // the story just placed
  title: string;
  text: string; // its cleaned body
  kind: Kind | null;
  sourceId: string;
  publishedAt: number;
  clusterId: string; // its event, as placeStory returned it
  merged: string[]; // events placeStory merged into clusterId
}

export interface StorylineLink {
  storylineId: string | null; // the event's storyline after this story (null: none yet)
  link: LinkWhy | null; // the match that linked two events, if this story made one
  merged: string[]; // storylines merged into storylineId
  why: string;
}

export async function linkStoryline(
  input: StorylineInput,
  store: StorylineStore,
  config: Partial<StorylineConfig> = {},
  clusterConfig: Partial<ClusterConfig> = {},
): Promise<StorylineLink> {
  const cfg = { ...DEFAULT_STORYLINE_CONFIG, ...config };
  const ccfg = { ...CLUSTER_CONFIG, ...clusterConfig };
  const [self] = await store.stories([input.id]);
  if (!self) throw new Error(`story ${input.id} is not placed`);
  const fp = decodeFingerprint(self.fingerprint);
  const hook = cfg.hookKinds.includes((input.kind ?? 'news') as Kind);
  const anchors = hook ? [] : storyAnchors(nameTokens(input.title, input.text), fp.features);
  // 1. the event's own storyline, after the merges this story made (an event this story just founded has none), and
  // 2-3. stories of other events of the same matter, the best of each event, best first: independent lookups
  const founded = input.clusterId === input.id && !input.merged.length;
  const [current, matches] = await Promise.all([
    founded ? new Map<string, string | null>() : store.eventStorylines([input.clusterId, ...input.merged]),
    anchors.length ? verifiedMatches(input, anchors, fp.features, store, cfg, ccfg) : [],
  ]);
  const lineIds = [...new Set([...current.values()].filter((s): s is string => s !== null))];
  const joined = joinStorylines(input.clusterId, current, lineIds.length ? await store.storylines(lineIds) : []);
  let own = joined.own;
  const write: StorylineWrite = { story: { id: input.id, publishedAt: input.publishedAt, anchors }, ...joined.write };
  const mergedLines = joined.merged;
  const best = matches[0] ?? null;

  // 4. their events share this event's storyline: the one it has, else the best match's, else a new one
  const said: string[] = [];
  if (own) said.push(`in storyline ${own.id}`);
  else if (best?.hit.storylineId) {
    const [line] = await store.storylines([best.hit.storylineId]);
    own = { ...(line ?? { id: best.hit.storylineId, mergedInto: null, firstPublishedAt: best.hit.publishedAt, lastPublishedAt: best.hit.publishedAt }) };
    write.links.push({ clusterId: input.clusterId, storylineId: own.id, why: best.why });
    said.push(`joined storyline ${own.id} through ${best.hit.itemId}`);
  } else if (best) {
    const [first, second] = [
      { id: input.clusterId, at: input.publishedAt },
      { id: best.hit.clusterId, at: best.hit.publishedAt },
    ].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    own = { id: stableId(`storyline\n${first.id}\n${second.id}`), mergedInto: null, firstPublishedAt: first.at, lastPublishedAt: second.at };
    write.links.push({ clusterId: input.clusterId, storylineId: own.id, why: best.why });
    said.push(`started storyline ${own.id}`);
  }
  const brought: string[] = [];
  const apart: string[] = [];
  for (const m of own ? matches : []) {
    if (m.hit.storylineId === own!.id) continue;
    // no merge on a single link: chains of one shared name would grow storylines into topics
    if (m.hit.storylineId) apart.push(`${m.hit.itemId} (storyline ${m.hit.storylineId})`);
    else {
      write.links.push({ clusterId: m.hit.clusterId, storylineId: own!.id, why: { ...m.why, itemId: m.hit.itemId, toItemId: input.id, toClusterId: input.clusterId } });
      brought.push(m.hit.itemId);
      own!.firstPublishedAt = Math.min(own!.firstPublishedAt, m.hit.publishedAt);
      own!.lastPublishedAt = Math.max(own!.lastPublishedAt, m.hit.publishedAt);
    }
  }
  if (brought.length) said.push(`brought in the event${brought.length > 1 ? 's' : ''} of ${brought.join(', ')}`);
  if (apart.length) said.push(`matched ${apart.join(', ')}: left apart`);
  if (!own) said.push(hook ? `no storyline: a ${input.kind} story links none` : 'no storyline: no other event matched');
  else if (!matches.length) said.push('no other event matched');
  if (own) {
    own.firstPublishedAt = Math.min(own.firstPublishedAt, input.publishedAt);
    own.lastPublishedAt = Math.max(own.lastPublishedAt, input.publishedAt);
    write.storylines.unshift(own);
  }
  await store.commit(write);
  const detail = best ? ` (best: ${best.hit.itemId}, cosine ${best.why.event} >= ${best.why.bar}; shares ${best.why.shared.map(label).join(', ')})` : '';
  return { storylineId: own?.id ?? null, link: best?.why ?? null, merged: mergedLines, why: said.join('; ') + detail };
}

/**
 * Step 1 on its own: the storyline of event `clusterId` once other events merged into it, given the storyline each of
 * them had (`current`, the event itself included) and those storylines. The oldest survives; the others merge into it
 * (their ids resolve there, their events move to it). Placement calls it through linkStoryline; an editor's merge of
 * two stories calls it directly (src/ingest/overrides.ts). `own` is returned for the caller to widen and write.
 */
export function joinStorylines(
  clusterId: string,
  current: ReadonlyMap<string, string | null>,
  lines: StoredStoryline[],
): { own: StoredStoryline | null; write: Omit<StorylineWrite, 'story'>; merged: string[] } {
  const ordered = [...lines].sort(olderFirst);
  const own: StoredStoryline | null = ordered[0] ? { ...ordered[0] } : null;
  const write: Omit<StorylineWrite, 'story'> = { links: [], storylines: [], moves: [] };
  if (!own) return { own, write, merged: [] };
  for (const gone of ordered.slice(1)) {
    write.storylines.push({ ...gone, mergedInto: own.id });
    write.moves.push({ from: gone.id, to: own.id });
    own.firstPublishedAt = Math.min(own.firstPublishedAt, gone.firstPublishedAt);
    own.lastPublishedAt = Math.max(own.lastPublishedAt, gone.lastPublishedAt);
  }
  if (current.get(clusterId) !== own.id) write.links.push({ clusterId, storylineId: own.id, why: null });
  return { own, write, merged: ordered.slice(1).map((s) => s.id) };
}

interface Match {
  hit: AnchorHit;
  why: LinkWhy;
}

async function verifiedMatches(
  input: StorylineInput,
  anchors: Anchor[],
  features: ReadonlyMap<string, number>,
  store: StorylineStore,
  cfg: StorylineConfig,
  ccfg: ClusterConfig,
): Promise<Match[]> {
  const hits = await store.anchorHits(
    anchors.map((a) => a.key),
    input.publishedAt - cfg.windowMs,
    input.publishedAt + cfg.windowMs,
    cfg.hitLimit,
  );
  const byItem = new Map<string, AnchorHit[]>();
  for (const h of hits) {
    // another event, another outlet (an outlet's own series share their names: "Crypto Daybook Americas"), no hook
    if (h.clusterId === input.clusterId || input.merged.includes(h.clusterId) || h.sourceId === input.sourceId) continue;
    if (cfg.hookKinds.includes((h.kind ?? 'news') as Kind)) continue;
    byItem.set(h.itemId, [...(byItem.get(h.itemId) ?? []), h]);
  }
  const scored: { hit: AnchorHit; overlap: Overlap }[] = [];
  for (const rows of byItem.values()) {
    const overlap = anchorOverlap(anchors, rows);
    if (overlap.things >= cfg.minThings && overlap.weight >= cfg.minAnchorWeight) scored.push({ hit: rows[0], overlap });
  }
  if (!scored.length) return [];
  scored.sort((a, b) => b.overlap.weight - a.overlap.weight || (a.hit.itemId < b.hit.itemId ? -1 : 1));
  const top = scored.slice(0, cfg.candidatesVerified);
  const [stories, crowd] = await Promise.all([
    store.stories(top.map((t) => t.hit.itemId)),
    store.countPublished(input.publishedAt - ccfg.windowMs, input.publishedAt + ccfg.windowMs),
  ]);
  const bar = round(cfg.eventBarShare * (ccfg.eventJoin + ccfg.eventJoinPerLog * Math.log(1 + crowd)));
  const byId = new Map(stories.map((s) => [s.id, s]));
  const headline = headlineKeys(input.title);
  const best = new Map<string, Match>(); // event -> its best story
  for (const t of top) {
    const story = byId.get(t.hit.itemId);
    // both headlines name what they share: a matter is what headlines name, a source quoted in two bodies is not one
    if (!story || !headlineNames(headline, t.overlap.keys) || !headlineNames(headlineKeys(story.title), t.overlap.keys)) continue;
    const event = round(cosine(features, decodeFingerprint(story.fingerprint).features));
    if (event < bar || event <= (best.get(t.hit.clusterId)?.why.event ?? -1)) continue;
    best.set(t.hit.clusterId, {
      hit: t.hit,
      why: { itemId: input.id, toItemId: t.hit.itemId, toClusterId: t.hit.clusterId, event, bar, shared: t.overlap.keys, things: t.overlap.things, weight: t.overlap.weight },
    });
  }
  return [...best.values()].sort((a, b) => b.why.event - a.why.event || (a.hit.itemId < b.hit.itemId ? -1 : 1));
}

/** The older storyline first: first published, then the smaller id. */
function olderFirst(a: StoredStoryline, b: StoredStoryline): number {
  return a.firstPublishedAt - b.firstPublishedAt || (a.id < b.id ? -1 : 1);
}

/** 'w:zashi' -> 'zashi', 'n:$105m ether' -> '$105m ether'. */
function label(key: string): string {
  return key.slice(2);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
