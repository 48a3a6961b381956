import { gaps, trimmed } from '../gaps.ts';
import type { Hit, TailRule } from '../rule.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const SPACES = /\s+/;
const CAPITAL_START = /^\p{Lu}/u;
const END_PUNCTUATION = /[.!?:;,"”]$/;

/** Most words a stray label may have ("Markets", "News Analysis"): a dek or a sub-heading is longer. */
const LABEL_MAX_WORDS = 3;
const LABEL_MAX_CHARS = 40;

/**
 * Stray labels: a word or two standing alone between removed spans, before the first one or after the last one
 * ("Markets", "News Analysis", "POLITICS", "Original Post"): section labels, widget captions and link labels left by
 * the page.
 */
export const strayLabel: TailRule = {
  name: 'stray-label',
  category: 'site_chrome',
  find(text, removed) {
    const hits: Hit[] = [];
    for (const g of gaps(text, removed)) {
      // a label closing the text right after a removed block ("Original Post" under a disclaimer) is one too
      if (!g.after && !g.before) continue;
      const frag = trimmed(text, g.start, g.end);
      if (!frag) continue;
      const s = text.slice(frag.start, frag.end);
      if (s.length <= LABEL_MAX_CHARS && s.split(SPACES).length <= LABEL_MAX_WORDS && CAPITAL_START.test(s) && !END_PUNCTUATION.test(s)) hits.push(frag);
    }
    return hits;
  },
};
