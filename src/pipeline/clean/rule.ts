import type { NoiseCategory } from '../types.ts';

/** One piece of noise a rule found: offsets into the text given to `clean`. */
export interface Hit {
  start: number;
  end: number;
  /** Removed from inside a sentence (an inline price chip): the text closes up with a space, not a paragraph break. */
  inline?: boolean;
  /** The evidence, where the rule's name does not say it all (e.g. "repeats in 14 of this outlet's last 20 items"). */
  why?: string;
}

export interface RuleContext {
  title: string | null;
  source?: string | null; // the outlet's display name, when the caller knows it
}

/**
 * How a hit grows once every rule has run, for noise whose end cannot be read off the text alone
 * (flattened pages glue blocks together): 'to-next-noise' grows up to the next removed span or the end
 * of the text, 'list' does the same but stops where running prose (article sentences) begins again.
 */
export type Extend = 'to-next-noise' | 'list';

export interface Rule {
  name: string; // kebab-case, shown by the inspector beside each removed span
  category: NoiseCategory;
  extend?: Extend;
  /** Longest a hit may grow to under `extend` (characters): a bound on how much one marker can take. */
  maxLength?: number;
  find(text: string, ctx: RuleContext): Hit[];
}

/**
 * Every match of a global regex, as `text.matchAll(re)` yields them, but run on `re` itself. matchAll runs on a
 * copy of the regex, and V8 compiles that copy afresh (up to ~0.1 ms for the big alternations here) whenever a
 * garbage collection has emptied its regex cache, which a busy isolate does every few pages. The position is
 * kept here, not in `re.lastIndex`, so the loop body may use the same regex.
 */
export function* matches(text: string, re: RegExp): Generator<RegExpExecArray> {
  let at = 0;
  for (;;) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return;
    at = re.lastIndex;
    // An empty match moves on one character (a whole code point under the u flag), as matchAll does.
    if (m[0] === '') at += re.unicode && isSurrogatePair(text, at) ? 2 : 1;
    yield m;
  }
}

/** Whether a surrogate pair (one code point) starts at `at`. */
export function isSurrogatePair(text: string, at: number): boolean {
  const hi = text.charCodeAt(at);
  const lo = text.charCodeAt(at + 1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/** Every match of a global regex as a hit; `group` picks a capture group instead of the whole match. */
export function matchAll(text: string, re: RegExp, group = 0): Hit[] {
  const hits: Hit[] = [];
  for (const m of matches(text, re)) {
    const whole = m.index;
    const part = m[group];
    if (!part) continue;
    const start = group === 0 ? whole : whole + m[0].indexOf(part);
    hits.push({ start, end: start + part.length });
  }
  return hits;
}

/** A span removed so far, with its category, as tail rules see it. */
export interface RemovedHit extends Hit {
  category: NoiseCategory;
}

/** A rule that runs last and reads what the others removed: leftovers between removed spans. */
export interface TailRule {
  name: string;
  category: NoiseCategory;
  find(text: string, removed: readonly RemovedHit[], ctx: RuleContext): Hit[];
}
