import { matchAll, type Rule } from '../rule.ts';

/**
 * Feed back-links: "The post <title> appeared first on <site>.", "This post … first appeared on …",
 * "This article … originally appeared on …", with or without the feed's <a> markup.
 * The title may hold any character; the site name is short and ends the line or the text.
 */
const APPEARED_FIRST =
  /(?:The|This)\s?(?:post|article)\s?[\s\S]{1,400}?\s?(?:appeared first|first appeared|originally appeared)\s?on\s?(?:<a\b[^>]*>[^<]{1,80}<\/a>|[^\n.<]{1,60}?(?:\.(?:com|net|org|io|co)\b)?)\s?\.?(?=\s*(?:<\/p>|\n|$)|[A-Z])/g;

export const appearedFirst: Rule = {
  name: 'appeared-first',
  category: 'appeared_first',
  find: (text) => matchAll(text, APPEARED_FIRST),
};
