import { gaps, trimmed } from '../gaps.ts';
import type { Hit, TailRule } from '../rule.ts';

/** Most words a stray label may have ("Markets", "News Analysis"): a dek or a sub-heading is longer. */
const LABEL_MAX_WORDS = 3;
const LABEL_MAX_CHARS = 40;

/**
 * Stray labels: a word or two standing alone between removed spans, or before the first one
 * ("Markets", "News Analysis", "POLITICS"): section labels and widget captions left by the page.
 */
export const strayLabel: TailRule = {
  name: 'stray-label',
  category: 'site_chrome',
  find(text, removed) {
    const hits: Hit[] = [];
    for (const g of gaps(text, removed)) {
      if (!g.after) continue;
      const frag = trimmed(text, g.start, g.end);
      if (!frag) continue;
      const s = text.slice(frag.start, frag.end);
      if (s.length <= LABEL_MAX_CHARS && s.split(/\s+/).length <= LABEL_MAX_WORDS && /^\p{Lu}/u.test(s) && !/[.!?:;,"”]$/.test(s)) hits.push(frag);
    }
    return hits;
  },
};
