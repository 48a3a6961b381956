import { gaps, trimmed } from '../gaps.ts';
import type { Hit, TailRule } from '../rule.ts';
import { lastIndexOfAny } from '../sentences.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const SPACES = /\s+/;
const CAPITALISED = /^[\p{Lu}\p{N}]/u;
const CAPITAL_START = /^\p{Lu}/u;

/** Most words a tag strip may have ("House of RepresentativesStablecoinsCBDCBitwiseNewsletters" is three). */
const TAG_STRIP_MAX_WORDS = 12;
const TAG_STRIP_MAX_CHARS = 120;
/** What ends the article's last sentence: . ! ? a line break and the ideographic full stop (character codes). */
const LAST_STOPS = [0x2e, 0x21, 0x3f, 0x0a, 0x3002];
/**
 * Tag strips: topic links printed after the article's last sentence, glued to it ("…he added.DollarBitcoin"),
 * when nothing but removed noise follows them to the end of the text. A fragment without end punctuation
 * after the last full stop, and only noise after it, is not article text.
 */
export const tagStrip: TailRule = {
  name: 'tag-strip',
  category: 'hashtags',
  find(text, removed) {
    const hits: Hit[] = [];
    const all = gaps(text, removed);
    // Walk back from the end: each strip taken makes the gap before it part of the noisy tail too.
    for (let i = all.length - 1; i >= 0; i--) {
      const g = all[i];
      if (!text.slice(g.start, g.end).trim()) continue;
      if (!g.after) break;
      const lastStop = lastIndexOfAny(text, LAST_STOPS, g.start, g.end);
      const frag = trimmed(text, lastStop < 0 ? g.start : lastStop + 1, g.end);
      if (!frag || (lastStop < 0 && !g.before) || !isTagStrip(text.slice(frag.start, frag.end))) break;
      hits.push(frag);
      if (text.slice(g.start, frag.start).trim()) break;
    }
    return hits;
  },
};

/** Tags are a few capitalised names without commas; a truncated sentence ("However, demand") is not. */
function isTagStrip(strip: string): boolean {
  const words = strip.split(SPACES);
  const capitalised = words.filter((w) => CAPITALISED.test(w)).length;
  return (
    words.length <= TAG_STRIP_MAX_WORDS &&
    strip.length <= TAG_STRIP_MAX_CHARS &&
    !strip.includes(',') &&
    capitalised * 2 >= words.length &&
    CAPITAL_START.test(strip)
  );
}
