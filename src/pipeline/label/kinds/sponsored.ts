/**
 * Sponsored: paid promotion. Advertorials are written to sell a token, and they show it: a disclosure line,
 * a partner sub-domain, presale language, "best coins to buy" headlines, and a closing block of the
 * project's own links (Website / Telegram / X). A disclosure or a partner URL decides alone; the softer
 * signals must agree.
 */
import { firstMatch, firstProseMatch, type Signal } from './doc.ts';

const DISCLOSURE_RE =
  /\b(?:this (?:is a |is |article is |post is |content is )?(?:sponsored|paid|promoted)\b(?! by)|sponsored (?:article|post|content|story|press release)|paid (?:post|content|press release|promotion|partnership|advertorial)|advertorial|promoted content|partner content|this (?:article|post|content) (?:is|was) (?:sponsored|paid for|produced in partnership|provided by a sponsor|brought to you by))/gi;
// A label above the piece: "Sponsored", "[Partner content]", "Advertorial |".
const SPONSORED_LABEL_RE = /^\W{0,3}(?:sponsored(?: content| post| article)?|partner content|paid (?:post|content)|advertorial|promoted)\b/i;
const PARTNER_HOST_RE = /^(?:partner|partners|sponsored|promo|branded)\./;
const PARTNER_PATH_RE = /\/(?:sponsored|partner-content|partner-news|partnered|promoted|paid-content|advertorial)s?\//;
const PRESALE_RE = /\bpre-?sales?\b/gi;
const BUY_LIST_TITLE_RE =
  /\b(?:best|top)\b[^.?!]{0,40}\b(?:casinos?|betting sites?|sportsbooks?|gambling sites?)\b|\b(?:casinos?|betting sites?|sportsbooks?)\b[^.?!]{0,40}\b(?:compared|reviewed|reviews?|ranked|rankings?)\b|\b(?:best|top|next|cheap|cheapest|hidden|promising)\b[^.?!]{0,40}\b(?:crypto(?:currenc(?:y|ies))?s?|altcoins?|coins?|tokens?|presales?|gems?)\b[^.?!]{0,25}\b(?:to (?:buy|invest|watch|hold)|under \$|right now|this (?:week|month|year)|for 20\d\d)|\b(?:\d{2,4}x|1000x|100x)\b|\bpresale\b|\bhidden gem\b/i;
// The project's own link block closing the piece: "Website: https://... Telegram: https://t.me/..."
const PROJECT_LINKS_RE =
  /\b(?:website|site|access|buy now|presale)\s*:\s*(?:https?:\/\/)?[\w.-]+\.[a-z]{2,}[^\n]{0,300}?(?:\b(?:telegram|linktree|discord|twitter|x|socials?)\s*(?:\(twitter\))?\s*:|\bt\.me\/|\blinktr\.ee\/)/i;
// Community links a token sale sends buyers to; news may link a post on X, but not a Telegram group and a Linktree.
const SALE_LINK_RES: RegExp[] = [/\bt\.me\/\w/i, /\blinktr\.ee\/\w/i, /\bdiscord\.(?:gg|com\/invite)\/\w/i, /\bgleam\.io\/\w/i];
const PROFILE_LINK_RE = /\b(?:x|twitter)\.com\/\w+(?!\/status)\b/i;
const SALE_LINKS_MIN = 2; // distinct kinds of community link, at least one of them a sale link
const BUY_CALL_RE = /\b(?:buy|join|get) (?:\$[A-Z][A-Z0-9]{1,9}|the [A-Z][\w ]{1,30} presale)\b[^.!]{0,20}\b(?:here|now|today)\b/;
const FOLLOWING_LINKS_RE = /\b(?:please use the following links|visit the links below|find out more about [^.:]{2,40}:|to learn more about [^.:]{2,40}, visit|discover the future of [^.]{2,40} by checking out)\b/i;
// "You can find more information about Zexpire ($ZX) here: Site: https://..." closes a paid placement.
const MORE_ABOUT_HERE_RE = /\b(?:find|get|learn)(?: out)? more(?: information)? about [^.:]{2,40} here\s*:\s*(?:website|site|https?:)/i;
// Distributors' boilerplate on placed articles; editorial copy carries it too, so it is weak.
const PLACEMENT_DISCLAIMER_RE = /\bnot offered or intended to be used as legal, tax, investment, financial,? or other advice\b/i;
const GIVEAWAY_RE = /\bgleam\.io\b|\$[\d,.]+[kKmM]? giveaway\b/i;
const ROI_HYPE_RE = /\b\d{3,}% (?:APY|APR|staking rewards|returns?)\b|\b\d{2,3}(?:,\d{3})*% ROI\b|\b\d{2,4}x (?:gains|returns|potential|upside)\b|\bPhase \d+ of (?:its|the) presale\b|\bstage \d+ of (?:its|the) presale\b/i;
const GAMBLING_TITLE_RE = /\b(?:casinos?|betting sites?|sportsbooks?|gambling sites?|slots?)\b/i;

export const SPONSORED_SIGNALS: Signal[] = [
  { name: 'sponsored disclosure', weight: 2, test: (d) => firstProseMatch(DISCLOSURE_RE, d.tail) ?? firstProseMatch(DISCLOSURE_RE, d.head) ?? firstProseMatch(DISCLOSURE_RE, d.notices) },
  { name: 'sponsored label', weight: 2, test: (d) => firstMatch(SPONSORED_LABEL_RE, d.head) ?? firstMatch(SPONSORED_LABEL_RE, d.title) },
  { name: 'partner URL', weight: 2, test: (d) => (PARTNER_HOST_RE.test(d.host) || PARTNER_PATH_RE.test(d.path) ? d.host + d.path : null) },
  { name: 'more-about-here plug', weight: 2, test: (d) => firstMatch(MORE_ABOUT_HERE_RE, d.tail) },
  { name: 'placement disclaimer', weight: 1, test: (d) => firstMatch(PLACEMENT_DISCLAIMER_RE, d.tail) },
  {
    name: 'presale pitch',
    weight: 1,
    test: (d) => {
      const n = (d.text.match(PRESALE_RE) ?? []).length;
      return n >= 2 ? `presale x${n}` : null;
    },
  },
  { name: 'buy-list headline', weight: 1, test: (d) => firstMatch(BUY_LIST_TITLE_RE, d.title) },
  // A news story does not end by handing the reader a token's website and Telegram.
  { name: 'project link block', weight: 2, test: (d) => firstMatch(PROJECT_LINKS_RE, d.tail) ?? saleLinks(d.tail) },
  { name: 'call to buy', weight: 1, test: (d) => firstMatch(BUY_CALL_RE, d.tail) },
  { name: 'follow-the-links close', weight: 1, test: (d) => firstMatch(FOLLOWING_LINKS_RE, d.tail) },
  { name: 'giveaway', weight: 1, test: (d) => firstMatch(GIVEAWAY_RE, d.tail) ?? firstMatch(/\bgiveaway\b/i, d.title) },
  { name: 'ROI hype', weight: 1, test: (d) => firstMatch(ROI_HYPE_RE, d.title) ?? firstMatch(ROI_HYPE_RE, d.text) },
  { name: 'gambling promo', weight: 1, test: (d) => firstMatch(GAMBLING_TITLE_RE, d.title) },
];

function saleLinks(tail: string): string | null {
  const sale = SALE_LINK_RES.map((re) => firstMatch(re, tail)).filter((m): m is string => m !== null);
  const profile = firstMatch(PROFILE_LINK_RE, tail);
  const found = profile ? [...sale, profile] : sale;
  return sale.length && found.length >= SALE_LINKS_MIN ? found.join(' ') : null;
}
