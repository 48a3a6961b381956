import { alternationHits, anchored } from '../alternation.ts';
import { gluedCapitals } from '../glued-capitals.ts';
import type { Rule } from '../rule.ts';

/**
 * Author bio boxes: the author's name as a heading glued (no space: a flattened page) to a bio that
 * starts with the same first name ("Jamie CrawleyJamie has been part of …", "Ananda BanerjeeREAD FULL BIOAnanda …").
 * The box runs on to the next removed block (bios come in the tail, among other widgets). Name words
 * are bounded (20 letters): an unbounded run would rescan long letter runs from every capital.
 */
const VERB = String.raw`(?:is|has|was|writes|covers|joined|holds|leads|reports|indicates)\b`;
const BIO_BOX_SOURCE = [
  // "Jamie CrawleyJamie has …": the heading, then the first name opening the bio
  String.raw`(?<!\p{Lu})([A-Z][a-z]{1,20})(?: [A-Z][\p{Ll}'’-]{1,20}){1,2}(?:READ FULL BIO|About the author)?\1 ${VERB}`,
  // "Omkar GodboleOmkar Godbole is …", "AI BoostAI Boost indicates …", "CD AnalyticsCoinDesk Analytics is …"
  String.raw`(?<!\p{Lu})([A-Z][A-Za-z]{1,20}) ([A-Z][\p{Ll}'’-]{1,20})(?:READ FULL BIO|About the author)?(?:\2|[A-Z][\p{L}]{1,20}) \3 ${VERB}`,
].join('|');

/**
 * Both forms glue a capital (of "READ FULL BIO", "About the author" or the repeated name) straight onto the heading's
 * last lower-case letter, at most GLUE_MAX_CHARS after the box's start (a first name and two name words of 21
 * characters each, with their blanks). Prose puts a blank before its capitals, so glues are few: the box is tried
 * only at the capitals shortly before one, not at every character of every text.
 */
const GLUE_MAX_CHARS = 64;
const BIO_BOX = [anchored(BIO_BOX_SOURCE, 'u', boxStarts)];

/** Every place a box may start: an ASCII capital at most GLUE_MAX_CHARS before a glue, ascending. */
function boxStarts(text: string): number[] {
  const out: number[] = [];
  let from = 0; // capitals before this were listed already
  // a glue: a capital after [\p{Ll}'’-] (the shared walk's glued capitals)
  for (const g of gluedCapitals(text)) {
    for (let i = Math.max(from, g - GLUE_MAX_CHARS); i < g; i++) {
      const d = text.charCodeAt(i);
      if (d >= 65 && d <= 90) out.push(i);
    }
    from = g;
  }
  return out;
}

export const authorBio: Rule = {
  name: 'author-bio',
  category: 'author_bio',
  extend: 'to-next-noise',
  maxLength: 1_600,
  find: (text) => alternationHits(text, BIO_BOX, true).filter((hit) => !HEADLINE_WORD.test(text.slice(hit.start, hit.end))),
};

/**
 * A word no one's name holds but a headline does: a sub-heading glued to a first sentence that opens with its first
 * word ("Bitcoin Is StabilizingBitcoin is currently trading …") has the form of a bio box and is the story. Not
 * TITLE_CASE_MINOR (title-case.ts): these are the words a headline capitalises, auxiliaries and "Not" among them,
 * looked for capitalised, where that list holds the words a headline leaves in lower case.
 */
const HEADLINE_WORD = /(?<![\p{L}])(?:Is|Are|Was|Were|Has|Have|Had|Be|Not|The|Of|To|In|On|For|And|Or|As|At|By|With|From|Into|Amid|Its)(?= )/u;
