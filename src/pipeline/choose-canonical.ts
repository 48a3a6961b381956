/**
 * choose-canonical: which member of a cluster readers get. An explained score, every part stored and shown
 * (inspector, API), so "why this one" is always answerable:
 *   tier          original outlets over aggregators over content farms
 *   firstReport   who had it first (full marks for the first, fading over FIRST_REPORT_FADE_MS)
 *   completeness  a full article over a standfirst (saturates at COMPLETE_WORDS)
 *   penalty       sponsored, press-release, price-prediction
 * A sponsored or press-release member is never canonical while a member of another kind exists; a member listing
 * another outlet's article URL is never canonical beside that outlet's own item of the same URL.
 * Recomputed whenever a member joins, so a late original takes over if it scores best, unless an editor pinned a
 * member (overrides.ts): the pinned member is canonical whatever the scores, which are still shown.
 */
import type { Kind, Tier } from './types.ts';

export interface CanonicalCandidate {
  id: string;
  publishedAt: number; // ms since epoch
  tier: Tier;
  kind: Kind | null; // null: not labelled, treated as news
  words: number; // cleaned body length
  url?: string | null;
  ownsUrl?: boolean; // the URL lies on the member's own source's site
}

export interface ScoreParts {
  tier: number;
  firstReport: number;
  completeness: number;
  penalty: number;
}

export interface MemberScore {
  id: string;
  score: number; // sum of the parts
  parts: ScoreParts;
  eligible: boolean;
  notes: string[]; // human-readable reasons, e.g. 'sponsored: never canonical beside a news member'
}

export interface CanonicalChoice {
  canonicalId: string;
  members: MemberScore[]; // best first (the pinned member first when one is)
  why: string;
  pinned?: string; // the override that pinned the canonical, when an editor did
}

/** An editor's pin: this member is canonical. */
export interface CanonicalPin {
  itemId: string;
  overrideId: string;
}

const TIER_SCORE: Record<Tier, number> = { original: 0.4, aggregator: 0.15, content_farm: 0 };
const FIRST_REPORT_MAX = 0.3;
/** Six hours: rewrites follow within minutes to hours, so a report that late is no longer "first". */
const FIRST_REPORT_FADE_MS = 6 * 3600_000;
const COMPLETENESS_MAX = 0.3;
/** 300 words: a full news article; a one-line standfirst or feed description scores a fraction. */
const COMPLETE_WORDS = 300;
const PENALTY: Partial<Record<Kind, number>> = { sponsored: -1, 'press-release': -0.6, 'price-prediction': -0.3 };
const PROMOTIONAL: ReadonlySet<Kind | null> = new Set<Kind | null>(['sponsored', 'press-release']);

export function chooseCanonical(members: CanonicalCandidate[], pin: CanonicalPin | null = null): CanonicalChoice {
  if (members.length === 0) throw new Error('chooseCanonical: a cluster has at least one member');
  const first = Math.min(...members.map((m) => m.publishedAt));
  const anyEditorial = members.some((m) => !PROMOTIONAL.has(m.kind));
  const owned = new Set(members.filter((m) => m.ownsUrl && m.url).map((m) => m.url));
  const scored = members.map((m): MemberScore => {
    const parts: ScoreParts = {
      tier: TIER_SCORE[m.tier],
      firstReport: round(FIRST_REPORT_MAX * Math.max(0, 1 - (m.publishedAt - first) / FIRST_REPORT_FADE_MS)),
      completeness: round(COMPLETENESS_MAX * Math.min(1, m.words / COMPLETE_WORDS)),
      penalty: (m.kind && PENALTY[m.kind]) ?? 0,
    };
    const listsOthers = !!m.url && owned.has(m.url) && !m.ownsUrl;
    const eligible = !(anyEditorial && PROMOTIONAL.has(m.kind)) && !listsOthers;
    const notes = [`${m.tier} source`, m.publishedAt === first ? 'first report' : `${lagText(m.publishedAt - first)} after the first`];
    notes.push(`${m.words} words`);
    if (m.kind && PENALTY[m.kind]) notes.push(`${m.kind}: penalty ${PENALTY[m.kind]}`);
    if (anyEditorial && PROMOTIONAL.has(m.kind)) notes.push(`${m.kind}: never canonical beside an editorial member`);
    if (listsOthers) notes.push("lists another outlet's article: that outlet's own item is canonical");
    return { id: m.id, score: round(parts.tier + parts.firstReport + parts.completeness + parts.penalty), parts, eligible, notes };
  });
  const byPublished = new Map(members.map((m) => [m.id, m.publishedAt]));
  scored.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      b.score - a.score ||
      byPublished.get(a.id)! - byPublished.get(b.id)! ||
      (a.id < b.id ? -1 : 1),
  );
  const pinned = pin ? scored.find((m) => m.id === pin.itemId) : undefined;
  if (pinned) {
    pinned.notes.unshift('pinned by an editor');
    scored.sort((a, b) => Number(b === pinned) - Number(a === pinned));
    return { canonicalId: pinned.id, members: scored, why: `${pinned.id}: pinned by an editor (override ${pin!.overrideId}); score ${pinned.score}`, pinned: pin!.overrideId };
  }
  const win = scored[0];
  return { canonicalId: win.id, members: scored, why: `${win.id}: score ${win.score} (${win.notes.join(', ')})` };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function lagText(ms: number): string {
  const min = Math.round(ms / 60_000);
  return min < 120 ? `${min} min` : `${Math.round(min / 60)} h`;
}
