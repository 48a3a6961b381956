import { isRegexSpace } from '../ascii.ts';
import type { Hit, Rule } from '../rule.ts';

/**
 * A "most read" list flattened into the text: headlines numbered 1, 2, 3 … with each number glued to the headline
 * it leads ("News1Insider Trading Alert: …2Is Kratos Defense Stock a Buy?3As Palantir …"). The form is the count
 * itself: three or more glued numbers in order, each within a headline's length of the one before.
 */
const GLUED_ONE = /1(?=\p{Lu})/gu;
/** What may stand before a list's "1": a letter, a stop, a closing quote or a blank (not a digit: "21Shares"). */
const BEFORE_ONE = /[\p{L}?!.:"”’)\s]/u;
/** "2", "3", … glued to a capital after a headline's end: one regex per number, made once. */
const NUMBER_AT: RegExp[] = [];
const numberAt = (n: number) => (NUMBER_AT[n] ??= new RegExp(`(?<=[\\p{L}?!.:"”’)])${n}(?=\\p{Lu})`, 'u'));
/** Longest headline between two numbers (characters). */
const HEADLINE_MAX_CHARS = 200;
const MIN_ITEMS = 3;
/** A label glued before the list ("News", "Most Read", "Trending"): one or two capitalised words. */
const LABEL_BEFORE = /(?:\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)$/u;
/** Where a headline ends: a question mark, exclamation mark or full stop before a blank, the end or a capital; a line break. */
const HEADLINE_END = /[?!.](?=\s|$|\p{Lu})|\n/u;

export const numberedHeadlines: Rule = {
  name: 'numbered-headlines',
  category: 'related_links',
  find(text) {
    const hits: Hit[] = [];
    if (!text.includes('2')) return hits;
    for (const m of text.matchAll(GLUED_ONE)) {
      if (m.index && !BEFORE_ONE.test(text[m.index - 1])) continue;
      let at = m.index ?? 0;
      let n = 1;
      for (;;) {
        const next = nextNumber(text, at + 1, n + 1);
        if (next < 0) break;
        at = next;
        n++;
      }
      if (n < MIN_ITEMS) continue;
      const start = m.index ?? 0;
      const label = LABEL_BEFORE.exec(text.slice(Math.max(0, start - 30), start));
      hits.push({ start: label && !isRegexSpace(text.charCodeAt(start - 1)) ? start - label[0].length : start, end: headlineEnd(text, at) });
    }
    return hits;
  },
};

/** Where number `n` stands glued to a capital within a headline's length after `from`, or -1. */
function nextNumber(text: string, from: number, n: number): number {
  const window = text.slice(from, from + HEADLINE_MAX_CHARS);
  const m = numberAt(n).exec(window);
  return m ? from + m.index : -1;
}

/** The last headline ends at its question mark or full stop, its line's end, or a headline's length on. */
function headlineEnd(text: string, at: number): number {
  const rest = text.slice(at, at + HEADLINE_MAX_CHARS);
  const stop = rest.search(HEADLINE_END);
  return at + (stop >= 0 ? stop + (rest[stop] === '\n' ? 0 : 1) : rest.length);
}
