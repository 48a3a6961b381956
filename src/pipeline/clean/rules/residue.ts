import { gaps, trimmed } from '../gaps.ts';
import type { Hit, TailRule } from '../rule.ts';

/** Most characters the leftovers may add up to: a ticker chip or a stray mark, never a sentence. */
const RESIDUE_MAX_CHARS = 24;
/** A word of running text: three letters of lower case, or of a script without case (Chinese, Japanese, …). */
const PROSE_WORD = /[\p{Ll}\p{Lo}]{3}/u;

/**
 * Residue: when the rules have removed everything but a few characters with no word of running text in them
 * ("." or "KCS11.8" left of a page whose article was never there), those characters are not a story either.
 * Runs last, on what every other rule left; a text with nothing removed is never touched.
 */
export const residue: TailRule = {
  name: 'residue',
  category: 'other',
  find(text, removed) {
    if (!removed.length) return [];
    const pieces: Hit[] = [];
    let chars = 0;
    for (const g of gaps(text, removed)) {
      const piece = trimmed(text, g.start, g.end);
      if (!piece) continue;
      chars += piece.end - piece.start;
      if (chars > RESIDUE_MAX_CHARS || PROSE_WORD.test(text.slice(piece.start, piece.end))) return [];
      pieces.push(piece);
    }
    return pieces;
  },
};
