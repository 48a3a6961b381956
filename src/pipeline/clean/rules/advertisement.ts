import { holds } from '../alternation.ts';
import { matchAll, type Rule } from '../rule.ts';

/**
 * Ad slot labels: "Advertisement", "ADVERTISEMENT" (with the slot's "continue reading below" note), "SponsoredSponsored", "Paid content", and "Anzeige",
 * "Werbung", "Publicidad" or "Publicité" standing alone on a line.
 * A capitalised label glued to the text around it is a slot; the lower-case word in prose is left alone.
 */
/** The slot's own note that the story goes on after it: "ADVERTISEMENT - CONTINUE READING BELOW", "Advertisement · Scroll to continue". */
const GOES_ON = String.raw`(?:\s?[-–—:|·]?\s?(?:CONTINUE READING BELOW|SCROLL TO CONTINUE(?: WITH CONTENT)?|Continue [Rr]eading [Bb]elow|Scroll to continue(?: with content| reading)?|Story continues below))?`;
const AD = new RegExp(
  [
    String.raw`Advertisement(?![a-z])${GOES_ON}`,
    String.raw`ADVERTISEMENT${GOES_ON}`,
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
