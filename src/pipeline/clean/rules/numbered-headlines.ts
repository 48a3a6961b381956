import type { Hit, Rule } from '../rule.ts';

/**
 * A "most read" list flattened into the text: headlines numbered 1, 2, 3 … with each number glued to the headline
 * it leads ("News1Insider Trading Alert: …2Is Kratos Defense Stock a Buy?3As Palantir …"). The form is the count
 * itself: three or more glued numbers in order, each within a headline's length of the one before.
 */
const GLUED_ONE = /(?<=^|[\p{L}?!.:"”’)\s])1(?=\p{Lu})/gu;
/** Longest headline between two numbers (characters). */
const HEADLINE_MAX_CHARS = 200;
const MIN_ITEMS = 3;
/** A label glued before the list ("News", "Most Read", "Trending"): one or two capitalised words. */
const LABEL_BEFORE = /(?:\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)$/u;

export const numberedHeadlines: Rule = {
  name: 'numbered-headlines',
  category: 'related_links',
  find(text) {
    const hits: Hit[] = [];
    for (const m of text.matchAll(GLUED_ONE)) {
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
      hits.push({ start: label && !/\s$/.test(text.slice(0, start)) ? start - label[0].length : start, end: headlineEnd(text, at) });
    }
    return hits;
  },
};

/** Where number `n` stands glued to a capital within a headline's length after `from`, or -1. */
function nextNumber(text: string, from: number, n: number): number {
  const digits = String(n);
  const window = text.slice(from, from + HEADLINE_MAX_CHARS);
  const re = new RegExp(`(?<=[\\p{L}?!.:"”’)])${digits}(?=\\p{Lu})`, 'u');
  const m = re.exec(window);
  return m ? from + m.index : -1;
}

/** The last headline ends at its question mark or full stop, its line's end, or a headline's length on. */
function headlineEnd(text: string, at: number): number {
  const rest = text.slice(at, at + HEADLINE_MAX_CHARS);
  const stop = rest.search(/[?!.](?=\s|$|\p{Lu})|\n/u);
  return at + (stop >= 0 ? stop + (rest[stop] === '\n' ? 0 : 1) : rest.length);
}
