import { matchAll, type Rule } from '../rule.ts';

/** Below this many words a title is too generic to hunt for in the body ("Markets", "Bitcoin"). */
const TITLE_MIN_WORDS = 3;
/** Characters allowed between two title words in the text: punctuation, an HTML entity, or nothing when a source stripped `$`, `%` or `'`. */
const GAP = String.raw`(?:[^\p{L}\p{N}<]|&#?\w{1,8};){0,8}?`;

/**
 * Every in-text copy of the headline (the aggregator already has it from the feed). Matching is on
 * words, so copies whose `$`, `%`, quotes or entities differ from the feed title still match.
 * Without a title, `headlineLine` (a tail rule) finds the headline by its shape.
 */
export const duplicateTitle: Rule = {
  name: 'duplicate-title',
  category: 'duplicate_title',
  find(text, ctx) {
    if (ctx.title) {
      const words = ctx.title.match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length >= TITLE_MIN_WORDS) {
        const re = new RegExp(words.map(escape).join(GAP), 'giu');
        return matchAll(text, re);
      }
    }
    return [];
  },
};

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
