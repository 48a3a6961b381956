import { gaps, trimmed } from '../gaps.ts';
import type { Hit, TailRule } from '../rule.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const SENTENCE_MARK = /[.。]$|\.\s|\n/;
const SPACES = /\s+/;

/** Where a flattened page glued one heading to the next: a lower-case letter, digit or ?/! then a capital, no space. */
const JUNCTION = /(?<=[\p{Ll}\p{N}?!)])(?=\p{Lu})/u;
/** Fewest headings a table of contents lists. */
const MIN_HEADINGS = 2;
/** Fewest words and characters in each heading: shorter pieces repeat by chance. */
const HEADING_MIN_WORDS = 3;
const HEADING_MIN_CHARS = 15;
/** Longest block taken for a table of contents (characters). */
const TOC_MAX_CHARS = 600;
/** Most candidate blocks searched for in the text: each search reads the whole text, so a bound keeps the work linear. */
const MAX_CANDIDATES = 20;

/**
 * Tables of contents on flattened pages: a block standing alone between removed spans, without a full
 * stop, that glues together two or more headings each of which appears again elsewhere in the text (as
 * the article's own sub-headings, which stay). Other copies of the same block, a second table at the
 * foot of the article, go with it.
 */
export const tableOfContents: TailRule = {
  name: 'table-of-contents',
  category: 'site_chrome',
  find(text, removed) {
    const hits: Hit[] = [];
    let candidates = 0;
    for (const g of gaps(text, removed)) {
      if (!g.before || !g.after) continue;
      const frag = trimmed(text, g.start, g.end);
      if (!frag || frag.end - frag.start > TOC_MAX_CHARS) continue;
      const block = text.slice(frag.start, frag.end);
      if (SENTENCE_MARK.test(block)) continue;
      const headings = block.split(JUNCTION);
      if (headings.length < MIN_HEADINGS || ++candidates > MAX_CANDIDATES) continue;
      const copies: number[] = [];
      for (let at = text.indexOf(block); at >= 0; at = text.indexOf(block, at + block.length)) copies.push(at);
      // A heading must stand somewhere on its own: inside another copy of the whole block (a second render) does not count.
      const elsewhere = (h: string) => {
        for (let at = text.indexOf(h); at >= 0; at = text.indexOf(h, at + 1)) if (!copies.some((c) => at >= c && at < c + block.length)) return true;
        return false;
      };
      const listed = headings.every((h) => h.trim().split(SPACES).length >= HEADING_MIN_WORDS && h.length >= HEADING_MIN_CHARS && elsewhere(h));
      if (!listed) continue;
      hits.push(frag);
      for (const at of copies) if (at !== frag.start) hits.push({ start: at, end: at + block.length });
    }
    return hits;
  },
};
