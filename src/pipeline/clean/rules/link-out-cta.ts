import { alternationHits, searched, type Branch } from '../alternation.ts';
import type { Rule } from '../rule.ts';

/** Labels of link blocks in promoted pieces: "Website: https://…", "Telegram: https://…". */
const LINK_LABEL = String.raw`(?:Website|Site|Whitepaper|Linktree|Access|Telegram|Twitter\/X|Twitter|X|Discord|Buy|Presale|Audit|Medium|Instagram)\s?:\s?(?:https?:\/\/\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\/\S*)?)`;

/**
 * Imperative link-outs: "Continue Reading: <title>", "Read The Full Article … On Coin Edition .",
 * promo link blocks ("For more information about X visit the links below: Website: …", or two labelled
 * links in a row, bare domains too: "Website: example.io Telegram: t.me/example"), and button
 * labels standing alone ("Visit Website", "Trade on Kraken", "Get Started with Kraken", "Learn more about X"), and a press
 * release's contact line ("Media Contacts press@example.io").
 */
const LINK_OUT: Branch[] = [
  searched(String.raw`Continue [Rr]eading(?::\s?[^\n]{1,200}?(?=\s?(?:The post|This post)\b|\s*\n|\s*$)|(?=[A-Z]|\s*$))`, 'u', ['Continue reading', 'Continue Reading']),
  searched(String.raw`Read [Tt]he [Ff]ull (?:[Aa]rticle|[Ss]tory)\b[^\n]{0,220}?\b[Oo]n [A-Z][\w .]{1,30}?\s?\.`, 'u', ['Read the full ', 'Read the Full ', 'Read The full ', 'Read The Full ']),
  searched(String.raw`(?:For more information|To learn more|Learn more)[^:\n]{0,80}?(?:visit(?: the links below)?|links below|here)\s?:?\s?(?:${LINK_LABEL}\s*)+`, 'u', ['For more information', 'To learn more', 'Learn more']),
  // a bare block of two or more labelled links
  searched(String.raw`(?<![\p{L}])(?:${LINK_LABEL}\s*){2,}`, 'u', /:\s?(?:https?:\/\/|www\.|[\w-]+\.[a-z]{2,})/),
  searched(String.raw`(?:Visit Website|Trade on [A-Z]\w+|Get Started with [A-Z]\w+|Sign up now|Buy \$[A-Z]{2,10} Here\.?)(?=\s*(?:[A-Z\n]|$))`, 'u', ['Visit Website', 'Trade on ', 'Get Started with ', 'Sign up now', 'Buy $']),
  // a promo's button label standing between two blocks, no stop of its own: "Learn more about Quarkex"; the next
  // block glued on after it opens with a capital. ("How to buy $QRX" is left: in a sponsored piece it heads the
  // piece's own steps.)
  searched(String.raw`(?<=^|\n|[.!?”")]\s)Learn more about [A-Z][\w-]+(?: \(\$[A-Z]{2,10}\))?(?=\s+[A-Z]|\s*$)`, 'u', 'Learn more about '),
  // a press release's contact line: a contact label and an e-mail address, "Media Contact: press@quarkex.io"
  searched(String.raw`(?<![\p{L}])(?:(?:Media|Press|PR|Business|Investor|Partnership)\s)?(?:Contacts?|Enquiries|Inquiries|E-?mail)\s?:?\s?(?:[A-Z][\p{L}.'-]+\s){0,3}[\w.+-]+@[\w-]+(?:\.[\w-]+)+`, 'u', '@'),
];

export const linkOutCta: Rule = {
  name: 'link-out-cta',
  category: 'cta',
  find: (text) => alternationHits(text, LINK_OUT, true),
};
