import type { Hit, TailRule } from '../rule.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const SPACES = /\s+/;

/** Longest caption taken under a byline (words): a lede paragraph is longer. */
const CAPTION_MAX_WORDS = 25;
/**
 * A caption that ends in a one-token credit in parentheses, "(Ripple)", "DYdX founder Antonio Juliano (dYdX)",
 * with the next block glued on after it (or the stretch ending there).
 */
const CAPTION = /^[^()\n]{1,200}?\(([\p{L}\p{N}.&'’-]{2,40})\)(?=\p{Lu}|\s*$)/u;

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
