import { isSurrogatePair } from './rule.ts';

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

/** Whether the text holds the trigger: a literal, or a regex without the g or y flag. */
function holds(text: string, trigger: string | RegExp): boolean {
  return typeof trigger === 'string' ? text.includes(trigger) : trigger.test(text);
}

/** A branch searched as a regex of its own, over texts that hold `trigger` (when given). */
export function searched(source: string, flags: string, trigger?: string | RegExp): Branch {
  const re = new RegExp(source, flags + 'g');
  return (text) => {
    if (trigger !== undefined && !holds(text, trigger)) return null;
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

/** Every position of `literal` in the text, ascending. */
export function positionsOf(text: string, literal: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + 1)) out.push(i);
  return out;
}
