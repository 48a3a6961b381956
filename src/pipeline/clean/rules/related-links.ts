import { alternationHits, searched, type Branch } from '../alternation.ts';
import { matchAll, type Rule } from '../rule.ts';

/**
 * Headers of lists of other stories: "Latest Crypto News", "Related articles", "HOT Stories",
 * "More on this story", "Most Read from Bloomberg", "More From GOBankingRates", "RELATED NEWS",
 * "Most Popular News", "📍相關報導📍", and on a line of their own "Related", "You may also like" and their
 * German, Spanish, Portuguese and French peers. The list runs until article prose resumes.
 */
const HEADER: Branch[] = [
  searched(String.raw`Latest (?:Crypto )?News(?=[A-Z])`, '', 'Latest '),
  searched(String.raw`Related (?:articles|Articles|posts|Posts|stories|Stories)(?!:)`, '', 'Related '),
  searched(String.raw`(?:HOT|Hot|Top|Trending|Popular) Stories(?!:)`, '', ' Stories'),
  searched(String.raw`More on (?:this story|the subject|this topic)`, '', 'More on '),
  // "More on markets" / "More on crypto policy" opening a unit, a capitalised headline right after it: a list header
  // named by its topic (lower-case words; "More on the Fed …" or "More on that later" is prose)
  searched(String.raw`(?<=^|\n|[.!?]\s)More on (?!(?:the|a|an|that|this|these|those|it|them|him|her)\b)[a-z][\w&-]*(?: [a-z][\w&-]*)?(?= [A-Z])`, '', 'More on '),
  searched(String.raw`Most (?:Read|Popular)(?: News| Stories| Articles)?(?: from [A-Z][\w.]+)?(?=[A-Z\s])`, '', 'Most '),
  searched(String.raw`More (?:From|from) [A-Z][\w.]+(?=[A-Z\s:])`, '', ['More From ', 'More from ']),
  searched(String.raw`RELATED (?:NEWS|ARTICLES|STORIES)`, '', 'RELATED '),
  searched(String.raw`Recommended (?:for you|articles|stories|reading)`, '', 'Recommended '),
  searched(String.raw`📍?相關報導📍?`, '', '相關報導'),
];

/**
 * A header standing alone on its line, in the languages the pages come in: "Related", "Related Coverage",
 * "You may also like", "Ähnliche Beiträge", "Das könnte Sie auch interessieren", "Veja também:". (A regex of its
 * own: a line-anchored branch in the alternation above would slow every search through it.)
 */
const HEADER_LINE = new RegExp(String.raw`^[ \t]*(?:Related(?: [Cc]overage| [Rr]eading| [Cc]ontent)?|You (?:may|might) also like|(?:Ähnliche|Verwandte) (?:Beiträge|Artikel)|Auch interessant|Das (?:Thema )?könnte (?:Sie|dich|euch) auch interessieren|Lesen Sie auch(?: die folgenden Beiträge)?|Zum Weiterlesen|Neueste (?:Artikel|Beiträge)|Schon gelesen\?|Veja [Tt]ambém|Le puede interesar|Lea también|Vea también|VEA TAMBIÉN|À lire aussi|Lire aussi)[ \t]*[:!]?(?=[ \t]*$)`, 'gmu');

export const relatedLinks: Rule = {
  name: 'related-links',
  category: 'related_links',
  extend: 'list',
  maxLength: 2_000,
  find: (text) => [...alternationHits(text, HEADER, false), ...matchAll(text, HEADER_LINE)].sort((a, b) => a.start - b.start),
};
