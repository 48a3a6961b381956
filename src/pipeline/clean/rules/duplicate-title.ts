import type { Hit, Rule } from '../rule.ts';

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
        return copies(text, words);
      }
    }
    return [];
  },
};

/** Copies of the title's words in order; the regex only runs where the first word stands (a plain search finds those fast). */
function copies(text: string, words: string[]): Hit[] {
  const re = new RegExp(words.map(escape).join(GAP), 'iuy');
  const lower = text.toLowerCase();
  const first = words[0].toLowerCase();
  const hits: Hit[] = [];
  for (let at = lower.indexOf(first); at >= 0; at = lower.indexOf(first, at + 1)) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) continue;
    hits.push({ start: at, end: at + m[0].length });
    at += m[0].length - 1;
  }
  return hits;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
