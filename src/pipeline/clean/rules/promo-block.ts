import { holds } from '../alternation.ts';
import { matches, type Hit, type Rule } from '../rule.ts';
import { sentenceRunEnd } from '../sentences.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const GLUED_END = /[.!?](?=[\p{Lu}“"])|\n/u;

/** Labels that open an affiliate promo block inside an article ("Don't Miss:", "Trending:"). */
const PROMO_LABEL = /(?<![\p{L}])(?:Don.?t [Mm]iss|Trending|Sponsored|Promoted)\s?:\s?/gu;
/** The labels' words: texts without them are not scanned. */
const LABEL_WORDS = ['t miss', 't Miss', 'Trending', 'Sponsored', 'Promoted'];
/** How far a promo block may run before a glued block end (characters); past it only the first sentence goes. */
const PROMO_MAX = 600;

/**
 * Affiliate promos set in the article: the label and its block. Flattened pages glue blocks together
 * ("…no obligation.Those low prices…"), so the promo ends at the first full stop a capital follows
 * without a space; with no such junction near, only the first sentence is taken.
 */
export const promoBlock: Rule = {
  name: 'promo-block',
  category: 'advertisement',
  find(text) {
    const hits: Hit[] = [];
    if (!holds(text, LABEL_WORDS)) return hits;
    for (const m of matches(text, PROMO_LABEL)) {
      const start = m.index ?? 0;
      const from = start + m[0].length;
      const window = text.slice(from, from + PROMO_MAX);
      const glued = GLUED_END.exec(window);
      hits.push({ start, end: glued ? from + glued.index + 1 : sentenceRunEnd(text, from, () => false, 1) });
    }
    return hits;
  },
};
