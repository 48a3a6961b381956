import { holds } from '../alternation.ts';
import { matchAll, type Rule } from '../rule.ts';

/**
 * Ad slot labels: "Advertisement", "ADVERTISEMENT", "SponsoredSponsored", "Paid content", and "Anzeige",
 * "Werbung", "Publicidad" or "Publicité" standing alone on a line.
 * A capitalised label glued to the text around it is a slot; the lower-case word in prose is left alone.
 */
const AD = new RegExp(
  [
    String.raw`Advertisement(?![a-z])`,
    String.raw`ADVERTISEMENT`,
    String.raw`(?:Sponsored\s?){2,}`,
    String.raw`(?<![\p{L}])(?:Paid (?:content|partnership|promotion))(?![\p{L}])`,
  ].join('|'),
  'gu',
);

/** The label in other languages, on a line of its own: "Anzeige", "Werbung", "Publicidad", "Publicité". */
const AD_LINE = /^[ \t]*(?:Anzeige|Werbung|Publicidad|Publicité)[ \t]*:?(?=[ \t]*$)/gm;

/** Words every label holds: texts without them are not scanned. */
const AD_WORDS = ['Advertisement', 'ADVERTISEMENT', 'Sponsored', 'Paid '];
const AD_LINE_WORDS = ['Anzeige', 'Werbung', 'Publicidad', 'Publicité'];

export const advertisement: Rule = {
  name: 'advertisement',
  category: 'advertisement',
  find: (text) => [...(holds(text, AD_WORDS) ? matchAll(text, AD) : []), ...(holds(text, AD_LINE_WORDS) ? matchAll(text, AD_LINE) : [])],
};
