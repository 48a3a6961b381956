import { alternationHits, anchored, holds, searched, type Branch } from '../alternation.ts';
import type { Rule } from '../rule.ts';

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
const HEADER_LINE_SOURCE = String.raw`^[ \t]*(?:Related(?: [Cc]overage| [Rr]eading| [Cc]ontent)?|You (?:may|might) also like|(?:Ähnliche|Verwandte) (?:Beiträge|Artikel)|Auch interessant|Das (?:Thema )?könnte (?:Sie|dich|euch) auch interessieren|Lesen Sie auch(?: die folgenden Beiträge)?|Zum Weiterlesen|Neueste (?:Artikel|Beiträge)|Schon gelesen\?|Veja [Tt]ambém|Le puede interesar|Lea también|Vea también|VEA TAMBIÉN|À lire aussi|Lire aussi)[ \t]*[:!]?(?=[ \t]*$)`;
/** A piece each header above holds: a text without any has no such line. */
const HEADER_LINE_WORDS = ['Related', 'also like', 'Ähnliche ', 'Verwandte ', 'Auch interessant', 'könnte ', 'Lesen Sie auch', 'Zum Weiterlesen', 'Neueste ', 'Schon gelesen?', 'Veja ', 'Le puede interesar', 'Lea también', 'Vea también', 'VEA TAMBIÉN', 'À lire aussi', 'Lire aussi'];
/** Tried only where a line starts (where ^ holds under the m flag), in texts holding a header's words; most texts are one line. */
const HEADER_LINE = [anchored(HEADER_LINE_SOURCE, 'mu', (text) => (holds(text, HEADER_LINE_WORDS) ? lineStarts(text) : []))];

/** The text's start and every place after a line terminator (\n, \r, U+2028, U+2029), ascending. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) out.push(i + 1);
  }
  return out;
}

export const relatedLinks: Rule = {
  name: 'related-links',
  category: 'related_links',
  extend: 'list',
  maxLength: 2_000,
  find: (text) => [...alternationHits(text, HEADER, false), ...alternationHits(text, HEADER_LINE, true)].sort((a, b) => a.start - b.start),
};
