import type { Cleaned, RemovedSpan } from '../types.ts';
import { claim, type Claim } from './claim.ts';
import { extendEnd } from './extend.ts';
import { render } from './render.ts';
import { carriesStoryFacts, historyEvidence, MIN_REPEATS, passages, type OutletHistory } from './outlet-history.ts';
import type { RemovedHit, RuleContext } from './rule.ts';
import { RULES, TAIL_RULES } from './rules/index.ts';
import { SEGMENT_MODEL, segmentModelHits, type SegmentWeights } from './segment-model.ts';

/** Removals learned from the outlet's own history (outlet-history.ts), after every rule. */
const OUTLET_BOILERPLATE = { name: 'outlet-boilerplate', category: 'other' } as const;
/** Removals of the learned segment classifier (segment-model.ts), after the rules and before the outlet history. */
const SEGMENT_MODEL_STAGE = { name: 'segment-model', category: 'other' } as const;

export interface CleanContext {
  title?: string | null;
  /** The outlet's recent items' passage counts, when the caller keeps them (the Worker, `onestory clean` on JSONL). */
  history?: OutletHistory | null;
  /** The outlet's display name: an outlet naming itself in a call to action is promoting itself. */
  source?: string | null;
  /** The segment classifier's weights; null runs the rules alone (the training script reads what they keep). */
  segmentModel?: SegmentWeights | null;
}

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const BLANK = /^\s*$/;

/** Longest a block-opening marker may grow when its rule does not say (characters): about one long bio. */
const DEFAULT_MAX_EXTEND = 1_500;

/**
 * Removes page and feed noise from article text and says what went where.
 *
 * Rules run in priority order; a later rule only gets what earlier ones left. Then markers that open a
 * block (a bio, a link list) grow to the block's end, and the tail rules look at what is left between
 * removed spans (a headline line, second copies, the caption under a byline, tag strips, stray labels).
 * Then the segment classifier (segment-model.ts) reads the text the rules kept, segment by segment, and removes what
 * its learned weights score as furniture by form; then the outlet's history, when the caller keeps one.
 * Offsets in `removed` index into `text`; spans are sorted and never overlap. Pure and DOM-free: regexes
 * over the text, linear in its length. Most rules skip a text that lacks their trigger words, and patterns that
 * cannot start at a literal are tried only where they can start (alternation.ts), so a text costs a few scans
 * per rule rather than every pattern tried at every character.
 */
export function clean(text: string, ctx: CleanContext = {}): Cleaned {
  const rc: RuleContext = { title: ctx.title ?? null, source: ctx.source ?? null };
  const claimed = ruleClaims(text, rc);
  const all = [...RULES, ...TAIL_RULES];
  const model = ctx.segmentModel === undefined ? SEGMENT_MODEL : ctx.segmentModel;
  if (model) for (const hit of segmentModelHits(text, claimed, rc, model)) claim(text, claimed, hit, all.length);
  const named = [...all, SEGMENT_MODEL_STAGE, OUTLET_BOILERPLATE];
  const history = ctx.history;
  if (history && history.items >= MIN_REPEATS) {
    for (const p of passages(text)) {
      const n = history.counts.get(p.key) ?? 0;
      if (n < MIN_REPEATS || carriesStoryFacts(text.slice(p.start, p.end), rc.title)) continue;
      claim(text, claimed, { start: p.start, end: p.end, why: historyEvidence(n, history.items) }, all.length + 1);
    }
  }
  const removed: RemovedSpan[] = merge(text, claimed).map((c) => ({
    rule: named[c.index].name,
    category: named[c.index].category,
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    ...(c.why ? { why: c.why } : {}),
  }));
  return { text: render(text, claimed), removed };
}

/**
 * What the named rules claim, in priority order, with the block markers grown and the tail rules run: sorted,
 * non-overlapping; `index` is the rule's place in RULES then TAIL_RULES.
 */
export function ruleClaims(text: string, rc: RuleContext): Claim[] {
  const claimed: Claim[] = [];
  RULES.forEach((rule, index) => {
    for (const hit of rule.find(text, rc)) claim(text, claimed, hit, index);
  });
  // A marker's block ends at the latest where the next marker of the same rule starts: that one grows
  // on from there, and no block is walked twice (many markers in a row would make the work quadratic).
  const snapshot = [...claimed];
  const nextSame = new Map<number, number>();
  const caps = snapshot.map(() => text.length);
  for (let i = snapshot.length - 1; i >= 0; i--) {
    caps[i] = nextSame.get(snapshot[i].index) ?? text.length;
    nextSame.set(snapshot[i].index, snapshot[i].start);
  }
  snapshot.forEach((c, i) => {
    const rule = RULES[c.index];
    if (!rule.extend) return;
    const maxLength = Math.min(rule.maxLength ?? DEFAULT_MAX_EXTEND, caps[i] - c.start);
    const end = extendEnd(text, claimed, c, rule.extend, maxLength);
    if (end > c.end) claim(text, claimed, { start: c.end, end }, c.index);
  });
  const all = [...RULES, ...TAIL_RULES];
  // Tail rules read the removed spans with their categories. Claims are only ever added, so the list is copied
  // again only when the one before claimed something (most find nothing).
  let removedView: RemovedHit[] = [];
  let viewOf = -1;
  TAIL_RULES.forEach((rule, i) => {
    if (viewOf !== claimed.length) {
      removedView = claimed.map((c) => ({ start: c.start, end: c.end, inline: c.inline, why: c.why, index: c.index, category: all[c.index].category }));
      viewOf = claimed.length;
    }
    for (const hit of rule.find(text, removedView, rc)) claim(text, claimed, hit, RULES.length + i);
  });
  return claimed;
}

/** Joins pieces of one rule that only white space separates (a hit and its extension) into one span. */
function merge(text: string, claimed: Claim[]): Claim[] {
  const out: Claim[] = [];
  for (const c of claimed) {
    const last = out[out.length - 1];
    if (last && last.index === c.index && BLANK.test(text.slice(last.end, c.start))) last.end = c.end;
    else out.push({ ...c });
  }
  return out;
}
