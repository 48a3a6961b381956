import { matchAll, type Rule } from '../rule.ts';

/**
 * Ad slot labels: "Advertisement", "ADVERTISEMENT", "SponsoredSponsored", "Paid content".
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

export const advertisement: Rule = {
  name: 'advertisement',
  category: 'advertisement',
  find: (text) => matchAll(text, AD),
};
