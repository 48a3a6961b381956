import { holdsLiteral, literalId } from './literals.ts';
import { isSurrogatePair, type Hit } from './rule.ts';

/**
 * Big alternations, run branch by branch. V8 tries every branch of `a|b|c` at every position of the text, and a
 * branch that opens with a lookbehind or a lazy run cannot be skipped to by a fast literal search, so one such
 * branch slows the whole regex. Run apart, each branch is searched at its own speed, a branch whose trigger (a
 * piece every match of it holds) is not in the text is not run at all, and a branch whose matches can only start
 * near a literal is tried at those places alone. `alternation` merges the branches' matches into exactly the ones
 * the single regex finds: at each position the leftmost match, the earliest branch on a tie.
 */

/** One branch prepared for one text: its leftmost match starting at or after `from`, or null. `from` never decreases. */
type Seek = (from: number) => RegExpExecArray | null;

/** A branch of an alternation: prepares itself for a text, or says it cannot match anywhere in it (null). */
export type Branch = (text: string) => Seek | null;

/**
 * A piece every match of a branch holds: a literal, one of several literals, a regex without the g or y flag, or such a
 * regex behind literals (`gated`). Literals are found by a plain substring search, many times faster than a regex scan.
 */
export type Trigger = string | readonly string[] | RegExp | Gated;

/** A regex trigger tried only on texts that hold one of `literals`: every match of `pattern` must hold one of them. */
export interface Gated {
  readonly literals: readonly string[];
  readonly pattern: RegExp;
}

/**
 * `pattern` as a trigger that is tested only where one of `literals` stands in the text (found in the one scan for all
 * literals, literals.ts). A regex trigger is a scan of the whole text each time it is asked; most texts lack the
 * literal every match of it needs ("ource" of "Source:"), and for them the answer is the same without the scan. The
 * literals must be such that every match of `pattern` holds one: then the answer is exactly `pattern.test(text)`.
 */
export function gated(literals: readonly string[], pattern: RegExp): Gated {
  return { literals, pattern };
}

/**
 * Whether the text holds the trigger. Literals are answered from one scan of the text for all of them (literals.ts),
 * not one search each, so a whole literal costs no more to look for than a piece of it, and lets fewer texts through.
 */
export function holds(text: string, trigger: Trigger): boolean {
  if (typeof trigger === 'string') return holdsLiteral(text, idOf(trigger));
  if (trigger instanceof RegExp) return trigger.test(text);
  if (isGated(trigger)) return holds(text, trigger.literals) && trigger.pattern.test(text);
  for (const literal of trigger) if (holdsLiteral(text, idOf(literal))) return true;
  return false;
}

function isGated(trigger: readonly string[] | Gated): trigger is Gated {
  return !Array.isArray(trigger);
}

/** Fewest characters a literal needs to be looked up in the one-scan index (literals.ts's window). */
const INDEXED_MIN_CHARS = 4;
const ids = new Map<string, number>(); // literal -> its id in literals.ts

function idOf(literal: string): number {
  let id = ids.get(literal);
  if (id === undefined) ids.set(literal, (id = literalId(literal)));
  return id;
}

/**
 * `holds` for one trigger, its literals registered once (ahead of the first text, so that the first scan covers
 * them) and looked up by id from then on.
 */
function prepare(trigger: Trigger): (text: string) => boolean {
  if (trigger instanceof RegExp) return (text) => trigger.test(text);
  if (typeof trigger !== 'string' && isGated(trigger)) {
    const has = prepare(trigger.literals);
    const pattern = trigger.pattern;
    return (text) => has(text) && pattern.test(text);
  }
  const literalIds = (typeof trigger === 'string' ? [trigger] : trigger).map(idOf);
  return (text) => {
    for (const id of literalIds) if (holdsLiteral(text, id)) return true;
    return false;
  };
}

/** A branch searched as a regex of its own, over texts that hold `trigger` (when given). */
export function searched(source: string, flags: string, trigger?: Trigger): Branch {
  const re = new RegExp(source, flags + 'g');
  const has = trigger === undefined ? null : prepare(trigger);
  return (text) => {
    if (has && !has(text)) return null;
    return (from) => {
      re.lastIndex = from;
      return re.exec(text);
    };
  };
}

/**
 * A branch tried only where it may start: `starts` gives, in ascending order, every position a match of it could
 * start at (more do no harm, fewer would lose matches), and the branch is tried at each as a sticky regex.
 */
export function anchored(source: string, flags: string, starts: (text: string) => number[]): Branch {
  const re = new RegExp(source, flags + 'y');
  return (text) => {
    const at = starts(text);
    if (at.length === 0) return null;
    let i = 0;
    return (from) => {
      while (i < at.length && at[i] < from) i++;
      for (; i < at.length; i++) {
        re.lastIndex = at[i];
        const m = re.exec(text);
        if (m) return m;
      }
      return null;
    };
  };
}

/**
 * Every match of the alternation of `branches`, in order, as `text.matchAll(new RegExp(sources.join('|'), flags))`
 * gives them. Branches must not hold capture groups that others refer to (each runs as its own regex).
 */
export function alternation(text: string, branches: readonly Branch[], unicode: boolean): RegExpExecArray[] {
  const seeks: (Seek | null)[] = branches.map((b) => b(text));
  // Each branch's next match; undefined: not searched yet, null: none left. A match starting at or after the
  // position searched from stays the branch's leftmost until the position passes its start.
  const next: (RegExpExecArray | null | undefined)[] = seeks.map((s) => (s ? undefined : null));
  const out: RegExpExecArray[] = [];
  let at = 0;
  for (;;) {
    let best: RegExpExecArray | null = null;
    for (let i = 0; i < seeks.length; i++) {
      let m = next[i];
      if (m === null) continue;
      if (m === undefined || m.index < at) m = next[i] = seeks[i]!(at);
      if (m && (!best || m.index < best.index)) best = m;
    }
    if (!best) return out;
    out.push(best);
    at = best.index + best[0].length;
    // An empty match moves on one character (a whole code point under the u flag), as matchAll does.
    if (best[0] === '') at += unicode && isSurrogatePair(text, at) ? 2 : 1;
  }
}

/** `alternation`'s matches as hits. */
export function alternationHits(text: string, branches: readonly Branch[], unicode: boolean): Hit[] {
  return alternation(text, branches, unicode).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Every position of `literal` in the text, ascending. */
export function positionsOf(text: string, literal: string): number[] {
  const out: number[] = [];
  // a literal long enough for the one-scan index is looked up there first: most texts lack it
  if (literal.length >= INDEXED_MIN_CHARS && !holds(text, literal)) return out;
  for (let i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + 1)) out.push(i);
  return out;
}

/**
 * A regex put together per text from only the pieces whose trigger the text holds, or null when it holds none. Fit
 * for regexes that take at least one piece wherever they match (an alternation of them, maybe repeated): a piece that
 * matches nowhere in the text changes no match, and most texts hold few of the triggers. Regexes are built once per
 * set of pieces.
 */
export function assembled(pieces: readonly { source: string; trigger: Trigger }[], build: (sources: string[]) => RegExp): (text: string) => RegExp | null {
  const built = new Map<string, RegExp>();
  const has = pieces.map((p) => prepare(p.trigger));
  return (text) => {
    // the present pieces' indexes as the key, in one loop (a filter, a map with an indexOf per piece and a join were
    // arrays of three element kinds meeting at one call site, where V8 dropped the optimised code)
    let key = '';
    for (let i = 0; i < pieces.length; i++) if (has[i](text)) key = key === '' ? `${i}` : `${key},${i}`;
    if (key === '') return null;
    let re = built.get(key);
    if (!re) built.set(key, (re = build(key.split(',').map((i) => pieces[Number(i)].source))));
    return re;
  };
}
