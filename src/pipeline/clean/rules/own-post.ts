import { DATE } from '../patterns.ts';
import type { Hit, Rule } from '../rule.ts';

/**
 * The outlet's own social posts embedded in its story, pointing to its earlier stories ("UK regulator speeds up
 * approvals #Crypto https://t.co/… — Cryptonews.com (@cryptonews) October 3, 2025"). Someone else's post is a quote
 * and stays; one signed by the outlet itself (its name or handle holds the outlet's name) is a link-out. The post
 * runs from the sentence holding its first link back from the signature.
 */
const SIGNATURE = new RegExp(String.raw`[—–]\s?([^()\n—–]{1,60}?)\s?\(@(\w{1,30})\)(?:\s?${DATE})?`, 'gu');
const LINK = /https?:\/\/t\.co\/\S+|pic\.twitter\.com\/\S+|https?:\/\/(?:x|twitter)\.com\/\S+/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;
/** An outlet name's aside in parentheses at its end, "Ledger Wire (Europe)". */
const NAME_ASIDE = /\s*\(.*\)$/;
/** A post's length bound: 280 characters and its links. */
const POST_MAX_CHARS = 400;
/** Where a sentence may start: a capital, a figure, or a post's opening handle, hashtag or cashtag ("… approval. @CMEGroup to launch …"). */
const SENTENCE_START = /[.!?]["”]?\s(?=[\p{Lu}\p{N}@#$“"])|\n/gu;
/** Some token that is not a hashtag or a cashtag. */
const WORD_BEFORE_LINK = /(?:^|\s)[^\s#$]/u;
const letters = (s: string) => s.toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');

export const ownPost: Rule = {
  name: 'own-post',
  category: 'read_also',
  find(text, ctx) {
    const outlet = ctx.source ? letters(ctx.source.replace(NAME_ASIDE, '')) : '';
    if (outlet.length < 4 || !text.includes('(@')) return [];
    const hits: Hit[] = [];
    for (const m of text.matchAll(SIGNATURE)) {
      const name = letters(m[1]);
      const handle = letters(m[2]);
      if (!name.includes(outlet) && !handle.includes(outlet) && !outlet.includes(handle)) continue;
      const at = m.index ?? 0;
      const from = Math.max(0, at - POST_MAX_CHARS);
      const window = text.slice(from, at);
      const firstLink = [...window.matchAll(LINK)][0];
      if (!firstLink) continue;
      // The post opens at the last sentence start before its first link that leaves some words before the link:
      // a run of hashtags ("#UK #Stablecoin https://…") closes the post's sentence, it does not open one.
      const link = firstLink.index ?? 0;
      const starts = [...window.matchAll(SENTENCE_START)].map((s) => (s.index ?? 0) + s[0].length).filter((p) => p < link);
      let start = from;
      for (let i = starts.length - 1; i >= 0; i--) {
        if (WORD_BEFORE_LINK.test(window.slice(starts[i], link))) {
          start = from + starts[i];
          break;
        }
      }
      hits.push({ start, end: at + m[0].length });
    }
    return hits;
  },
};
