import { matches, type Hit, type Rule } from '../rule.ts';

/** Tags that break a block; other tags (<a>, <strong>) sit inside a sentence. */
const BLOCK_TAG = /^<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|figure|figcaption|table|tr|td|section|article)\b/i;
/**
 * An HTML element's tag: a known element name (or a custom one, which has a hyphen), then attributes or the
 * close. "<config files>" or "<username>" in a technical article is prose, not markup.
 */
const ELEMENTS = [
  'a', 'abbr', 'address', 'article', 'aside', 'audio', 'b', 'bdi', 'bdo', 'blockquote', 'body', 'br', 'button', 'caption', 'center',
  'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'embed', 'figcaption', 'figure', 'font',
  'footer', 'form', 'h[1-6]', 'head', 'header', 'hr', 'html', 'i', 'iframe', 'img', 'input', 'ins', 'kbd', 'label', 'li', 'link', 'main',
  'mark', 'meta', 'nav', 'noscript', 'object', 'ol', 'option', 'p', 'picture', 'pre', 'q', 's', 'samp', 'script', 'section', 'select',
  'small', 'source', 'span', 'strike', 'strong', 'style', 'sub', 'summary', 'sup', 'svg', 'table', 'tbody', 'td', 'textarea', 'tfoot',
  'th', 'thead', 'time', 'title', 'tr', 'track', 'tt', 'u', 'ul', 'var', 'video', 'wbr',
].join('|');
const TAG = new RegExp(String.raw`<\/?(?:(?:${ELEMENTS})|[a-zA-Z][\w]*-[\w-]*)(?=[\s/>])[^<>]{0,500}>`, 'gi');

/** HTML tags that feed bodies still carry. Entities are left as they are: decoding is the normalizer's job. */
export const htmlMarkup: Rule = {
  name: 'html-markup',
  category: 'other',
  find(text) {
    const hits: Hit[] = [];
    if (!text.includes('<')) return hits;
    for (const m of matches(text, TAG)) {
      const start = m.index ?? 0;
      hits.push({ start, end: start + m[0].length, inline: !BLOCK_TAG.test(m[0]) });
    }
    return hits;
  },
};
