import type { NoiseCategory } from '../types.ts';

/** One piece of noise a rule found: offsets into the text given to `clean`. */
export interface Hit {
  start: number;
  end: number;
  /** Removed from inside a sentence (an inline price chip): the text closes up with a space, not a paragraph break. */
  inline?: boolean;
}

export interface RuleContext {
  title: string | null;
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

/** Every match of a global regex as a hit; `group` picks a capture group instead of the whole match. */
export function matchAll(text: string, re: RegExp, group = 0): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(re)) {
    const whole = m.index ?? 0;
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
