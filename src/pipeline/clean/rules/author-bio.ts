import { matches, type Hit, type Rule } from '../rule.ts';

/**
 * Author bio boxes: the author's name as a heading glued (no space: a flattened page) to a bio that
 * starts with the same first name ("Jamie CrawleyJamie has been part of …", "Ananda BanerjeeREAD FULL BIOAnanda …").
 * The box runs on to the next removed block (bios come in the tail, among other widgets). Name words
 * are bounded (20 letters): an unbounded run would rescan long letter runs from every capital.
 */
const VERB = String.raw`(?:is|has|was|writes|covers|joined|holds|leads|reports|indicates)\b`;
const BIO_BOX = new RegExp(
  [
    // "Jamie CrawleyJamie has …": the heading, then the first name opening the bio
    String.raw`(?<!\p{Lu})([A-Z][a-z]{1,20})(?: [A-Z][\p{Ll}'’-]{1,20}){1,2}(?:READ FULL BIO|About the author)?\1 ${VERB}`,
    // "Omkar GodboleOmkar Godbole is …", "AI BoostAI Boost indicates …", "CD AnalyticsCoinDesk Analytics is …"
    String.raw`(?<!\p{Lu})([A-Z][A-Za-z]{1,20}) ([A-Z][\p{Ll}'’-]{1,20})(?:READ FULL BIO|About the author)?(?:\2|[A-Z][\p{L}]{1,20}) \3 ${VERB}`,
  ].join('|'),
  'gu',
);

export const authorBio: Rule = {
  name: 'author-bio',
  category: 'author_bio',
  extend: 'to-next-noise',
  maxLength: 1_600,
  find(text) {
    const hits: Hit[] = [];
    for (const m of matches(text, BIO_BOX)) hits.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    return hits;
  },
};
