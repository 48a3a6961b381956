import type { Hit, TailRule } from '../rule.ts';

/** Most words a tag strip may have ("House of RepresentativesStablecoinsCBDCBitwiseNewsletters" is three). */
const TAG_STRIP_MAX_WORDS = 12;
const TAG_STRIP_MAX_CHARS = 120;
/** Most words a stray label may have ("Markets", "News Analysis"): a dek or a sub-heading is longer. */
const LABEL_MAX_WORDS = 3;
const LABEL_MAX_CHARS = 40;

/** The stretches of text between removed spans; `before`/`after` say whether a removed span precedes/follows the stretch. */
function gaps(text: string, removed: readonly Hit[]): { start: number; end: number; before: boolean; after: boolean }[] {
  const out = [];
  let at = 0;
  // Inline removals (price chips) sit inside sentences: the text around them is one stretch.
  for (const r of removed.filter((x) => !x.inline)) {
    if (r.start > at) out.push({ start: at, end: r.start, before: at > 0, after: true });
    at = Math.max(at, r.end);
  }
  if (at < text.length) out.push({ start: at, end: text.length, before: at > 0, after: false });
  return out;
}

function trimmed(text: string, start: number, end: number): Hit | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

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
      const region = text.slice(g.start, g.end);
      const lastStop = Math.max(...['.', '!', '?', '\n', '。'].map((p) => region.lastIndexOf(p)));
      const frag = trimmed(text, g.start + lastStop + 1, g.end);
      if (!frag || (lastStop < 0 && !g.before) || !isTagStrip(text.slice(frag.start, frag.end))) break;
      hits.push(frag);
      if (text.slice(g.start, frag.start).trim()) break;
    }
    return hits;
  },
};

/** Tags are a few capitalised names without commas; a truncated sentence ("However, demand") is not. */
function isTagStrip(strip: string): boolean {
  const words = strip.split(/\s+/);
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return (
    words.length <= TAG_STRIP_MAX_WORDS &&
    strip.length <= TAG_STRIP_MAX_CHARS &&
    !strip.includes(',') &&
    capitalised * 2 >= words.length &&
    /^\p{Lu}/u.test(strip)
  );
}

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
