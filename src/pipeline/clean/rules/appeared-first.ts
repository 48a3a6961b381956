import { holds } from '../alternation.ts';
import { matchAll, type Rule } from '../rule.ts';

/** The site's name: a feed link, or up to four capitalised words ("Coinpedia Fintech News", "Benzinga.com"). */
const SITE = String.raw`(?:<a\b[^>]*>[^<]{1,80}<\/a>|[\p{Lu}\p{N}][\p{L}\p{N}.-]*(?:\s[\p{Lu}][\p{L}\p{N}-]*){0,3})`;
/** After the name: the line's or text's end, the next sentence, or the next block glued on (flattened pages). */
const END = String.raw`\s?\.?(?=\s*(?:<\/p>|\n|$)|\s\p{Lu}|(?<=[\p{L}.])\p{Lu})`;

/**
 * Feed back-links: "The post <title> appeared first on <site>.", "This post … first appeared on …",
 * "This article … originally appeared on …", with or without the feed's <a> markup, leading or trailing.
 */
const APPEARED_FIRST = new RegExp(
  [
    String.raw`(?:The|This)\s?(?:post|article)\s?[\s\S]{1,400}?\s?(?:appeared first|first appeared|originally appeared)\s?on\s?${SITE}${END}`,
    // "This article was originally published on Crypto Daily.", "Originally published on Bitcoinist"
    String.raw`(?:(?:The|This) (?:post|article|story) was )?(?<![\p{L}])[Oo]riginally (?:published|posted) (?:on|at|by|in)\s?${SITE}${END}`,
  ].join('|'),
  'gu',
);

/** The back-link's verb: texts without it are not scanned (the lazy run before it is tried from every "The"/"This"). */
const VERB = ['appeared first', 'first appeared', 'originally appeared', 'riginally published', 'riginally posted'];

export const appearedFirst: Rule = {
  name: 'appeared-first',
  category: 'appeared_first',
  find: (text) => (holds(text, VERB) ? matchAll(text, APPEARED_FIRST) : []),
};
