import type { Hit, Rule } from '../rule.ts';

/** Tags that break a block; other tags (<a>, <strong>) sit inside a sentence. */
const BLOCK_TAG = /^<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|figure|figcaption|table|tr|td|section|article)\b/i;
const TAG = /<\/?[a-zA-Z][^<>]{0,500}>/g;

/** HTML tags that feed bodies still carry. Entities are left as they are: decoding is the normalizer's job. */
export const htmlMarkup: Rule = {
  name: 'html-markup',
  category: 'other',
  find(text) {
    const hits: Hit[] = [];
    for (const m of text.matchAll(TAG)) {
      const start = m.index ?? 0;
      hits.push({ start, end: start + m[0].length, inline: !BLOCK_TAG.test(m[0]) });
    }
    return hits;
  },
};
