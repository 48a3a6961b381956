import { alternation, anchored, holds, positionsOf } from '../alternation.ts';
import type { Hit, Rule } from '../rule.ts';

const ROLES = ['journalist', 'writer', 'reporter', 'editor', 'author', 'analyst', 'contributor', 'correspondent', 'columnist', 'researcher', 'trader', 'blogger', 'strategist', 'economist'];
const ROLE = `(?:${ROLES.join('|')})`;

/** Tried at the text's start and after each line break (where its lookbehind lets it start), on texts naming a role. */
const BIO_PARAGRAPH = anchored(
  String.raw`(?<=^|\n)[ \t]*(?:About the author:?\s*)?[A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+){0,2} (?:is|has been|was) (?:a|an|the)\b[^\n]{0,80}?\b${ROLE}s?\b[^\n]*`,
  'u',
  (text) => (holds(text, ROLES) ? [0, ...positionsOf(text, '\n').map((at) => at + 1)] : []),
);

/** A paragraph introducing the writer ("Manisha is a freelance journalist with a passion for …"): the whole line. */
export const authorBlurb: Rule = {
  name: 'author-blurb',
  category: 'author_bio',
  find(text) {
    const hits: Hit[] = [];
    for (const m of alternation(text, [BIO_PARAGRAPH], true)) hits.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    return hits;
  },
};
