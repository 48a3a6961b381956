import { holds } from '../alternation.ts';
import { matches, type Hit, type Rule } from '../rule.ts';
import { sentenceRunEnd } from '../sentences.ts';

/** How consent walls and cookie banners open. */
const OPENER = /\b(?:We use cookies|This (?:site|website) uses cookies|By (?:clicking|continuing)[^.\n]{0,80}cookies|[A-Z]\w+ is part of the\s?[A-Z]\w+ family of brands|Your privacy choices|Cookie (?:settings|policy|preferences))/g;
/** Words every opener holds: texts without them are not scanned (the capitalised-name opener is tried at every capital). */
const OPENER_WORDS = ['cookies', 'family of brands', 'Your privacy choices', 'Cookie '];
const VOCABULARY = /cookie|consent|privacy|personal data|partners|advertis|preferences|settings|accept|reject|withdraw|device|information|brands|sites and apps/i;

/** Cookie notices and consent walls: the opener and the consent-worded sentences after it. */
export const cookieNotice: Rule = {
  name: 'cookie-notice',
  category: 'cookie',
  find(text) {
    const hits: Hit[] = [];
    if (!holds(text, OPENER_WORDS)) return hits;
    for (const m of matches(text, OPENER)) {
      const start = m.index ?? 0;
      if (hits.length && start < hits[hits.length - 1].end) continue;
      hits.push({ start, end: sentenceRunEnd(text, start, (s) => VOCABULARY.test(s), 40) });
    }
    return hits;
  },
};
