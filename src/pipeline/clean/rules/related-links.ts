import { matchAll, type Rule } from '../rule.ts';

/**
 * Headers of lists of other stories: "Latest Crypto News", "Related articles", "HOT Stories",
 * "More on this story", "Most Read from Bloomberg", "More From GOBankingRates", "RELATED NEWS",
 * "Most Popular News", "You may also like", "📍相關報導📍". The list runs until article prose resumes.
 */
const HEADER = new RegExp(
  [
    String.raw`Latest (?:Crypto )?News(?=[A-Z])`,
    String.raw`Related (?:articles|Articles|posts|Posts|stories|Stories)(?!:)`,
    String.raw`(?:HOT|Hot|Top|Trending|Popular) Stories(?!:)`,
    String.raw`More on (?:this story|the subject|this topic)`,
    String.raw`Most (?:Read|Popular)(?: News| Stories| Articles)?(?: from [A-Z][\w.]+)?(?=[A-Z\s])`,
    String.raw`More (?:From|from) [A-Z][\w.]+(?=[A-Z\s:])`,
    String.raw`RELATED (?:NEWS|ARTICLES|STORIES)`,
    String.raw`Recommended (?:for you|articles|stories|reading)`,
    String.raw`📍?相關報導📍?`,
  ].join('|'),
  'g',
);

export const relatedLinks: Rule = {
  name: 'related-links',
  category: 'related_links',
  extend: 'list',
  maxLength: 2_000,
  find: (text) => matchAll(text, HEADER),
};
