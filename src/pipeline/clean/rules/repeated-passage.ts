import type { Hit, Rule } from '../rule.ts';
import { sentences } from '../sentences.ts';

/** Shorter sentences repeat by chance ("Prices fell."); only longer ones count as copies. */
const MIN_WORDS = 8;
/** An article may repeat one sentence on purpose (a forecast restated); a second copy repeats several in a row. */
const MIN_RUN = 2;

/**
 * Second copies of article text: pages that render the article twice (mobile and desktop), a lede
 * repeated in a summary widget. Runs of sentences that already appeared earlier in the text go.
 */
export const repeatedPassage: Rule = {
  name: 'repeated-passage',
  category: 'other',
  find(text) {
    const seen = new Set<string>();
    const hits: Hit[] = [];
    for (const [s, e] of sentences(text)) {
      const words = text.slice(s, e).trim().split(/\s+/);
      if (words.length < MIN_WORDS) continue;
      // Keyed on the sentence's last words: a copy often has a section label glued to its first sentence.
      const key = words.slice(-MIN_WORDS).join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        continue;
      }
      const last = hits[hits.length - 1];
      if (last && !text.slice(last.end, s).trim()) last.end = e;
      else hits.push({ start: s, end: e });
    }
    return hits.filter((h) => [...sentences(text, h.start, h.end)].length >= MIN_RUN);
  },
};
