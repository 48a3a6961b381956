import type { Hit, TailRule } from '../rule.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const SPACES = /\s+/;

/** Longest caption taken under a byline (words): a lede paragraph is longer. */
const CAPTION_MAX_WORDS = 25;
/**
 * A caption that ends in a credit in parentheses: one token, "(Ripple)", "DYdX founder Antonio Juliano (dYdX)", or
 * a name and an agency flattened together, up to CREDIT_MAX_TOKENS capitalised tokens, "(Jesse HamiltonCoinDesk)",
 * "(CoinDeskPersonae Digital)"; with the next block glued on after it (or the stretch ending there). The place (right
 * under a byline, up to the first glued block) is the evidence; a sentence of the story never stands there.
 */
const CAPTION = /^[^()\n]{1,200}?\(([\p{L}\p{N}.&'’-]{2,40}(?: [\p{Lu}\p{N}][\p{L}\p{N}.&'’-]{0,39}){0,3})\)(?=\p{Lu}|\s*$)/u;

/**
 * The lead image's caption, printed right under the byline on many article pages. Only the stretch
 * straight after a removed byline is looked at, so a parenthesis inside the article is never taken.
 */
export const photoCaption: TailRule = {
  name: 'photo-caption',
  category: 'image_credit',
  find(text, removed) {
    const hits: Hit[] = [];
    removed.forEach((r, i) => {
      if (r.category !== 'byline') return;
      let j = i + 1;
      while (j < removed.length && removed[j].inline) j++;
      const next = removed[j];
      const stretch = text.slice(r.end, next ? next.start : text.length);
      const lead = stretch.length - stretch.trimStart().length;
      const m = CAPTION.exec(stretch.trimStart());
      if (!m || m[0].split(SPACES).length > CAPTION_MAX_WORDS) return;
      hits.push({ start: r.end + lead, end: r.end + lead + m[0].length });
    });
    return hits;
  },
};
