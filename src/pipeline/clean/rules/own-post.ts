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
/** A post's length bound: 280 characters and its links. */
const POST_MAX_CHARS = 400;
const SENTENCE_START = /[.!?]["”]?\s(?=\p{Lu})|\n/gu;
const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export const ownPost: Rule = {
  name: 'own-post',
  category: 'read_also',
  find(text, ctx) {
    const outlet = ctx.source ? letters(ctx.source.replace(/\s*\(.*\)$/, '')) : '';
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
      let start = from;
      for (const s of window.matchAll(SENTENCE_START)) if ((s.index ?? 0) < (firstLink.index ?? 0)) start = from + (s.index ?? 0) + s[0].length;
      hits.push({ start, end: at + m[0].length });
    }
    return hits;
  },
};
