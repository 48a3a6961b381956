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
        return copies(text, words, ctx.title);
      }
    }
    return [];
  },
};

/**
 * Copies of the title's words in order, with the title's leading and closing punctuation ("$…", "…?")
 * when the text has it. The regex only runs where the first word stands (a plain search finds those fast).
 */
function copies(text: string, words: string[], title: string): Hit[] {
  const lead = /^[^\p{L}\p{N}\s]+/u.exec(title.trim())?.[0] ?? '';
  const close = /[^\p{L}\p{N}\s]+$/u.exec(title.trim())?.[0] ?? '';
  const re = new RegExp(words.map(escape).join(GAP) + (close ? `(?:${escape(close)})?` : ''), 'iuy');
  const lower = text.toLowerCase();
  const first = words[0].toLowerCase();
  const hits: Hit[] = [];
  for (let at = lower.indexOf(first); at >= 0; at = lower.indexOf(first, at + 1)) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) continue;
    const start = lead && text.slice(at - lead.length, at) === lead ? at - lead.length : at;
    hits.push({ start, end: at + m[0].length });
    at += m[0].length - 1;
  }
  return hits;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
