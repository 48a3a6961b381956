import { matchAll, type Rule } from '../rule.ts';

/** Excerpt truncation markers at the end of a feed body or paragraph: "[…]", "[&#8230;]", a trailing "…" or "...". */
const MARKER = /\s?\[(?:…|&#8230;|&hellip;|\.\.\.)\]|(?<=\S ?)(?:…|\.\.\.)(?=\s*(?:<\/p>|\n|$))/g;

export const truncationMarker: Rule = {
  name: 'truncation-marker',
  category: 'other',
  find: (text) => matchAll(text, MARKER).map((h) => ({ ...h, inline: true })),
};
