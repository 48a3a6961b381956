import { matches, type Hit, type Rule } from '../rule.ts';

const ROLE = String.raw`(?:journalist|writer|reporter|editor|author|analyst|contributor|correspondent|columnist|researcher|trader|blogger|strategist|economist)`;

const BIO_PARAGRAPH = new RegExp(
  String.raw`(?<=^|\n)[ \t]*(?:About the author:?\s*)?[A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+){0,2} (?:is|has been|was) (?:a|an|the)\b[^\n]{0,80}?\b${ROLE}s?\b[^\n]*`,
  'gu',
);

/** A paragraph introducing the writer ("Manisha is a freelance journalist with a passion for …"): the whole line. */
export const authorBlurb: Rule = {
  name: 'author-blurb',
  category: 'author_bio',
  find(text) {
    const hits: Hit[] = [];
    for (const m of matches(text, BIO_PARAGRAPH)) hits.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    return hits;
  },
};
