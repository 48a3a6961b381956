/**
 * Sponsored: paid promotion. Advertorials are written to sell something, and they show it: a disclosure line,
 * a partner sub-domain, a closing block of the project's own links (Website / Telegram / X), and in the
 * headline and the first lines already the form of a sale: a token's presale stage and price, returns promised
 * as multiples, "best coins to buy"; a casino or betting guide's bonus terms and its responsible-gambling
 * notice; a cloud-mining plan's contracts and daily income. A disclosure or a partner URL decides alone; the
 * softer signals must agree. Teaser feeds give only the headline and a sentence or two, so the forms that
 * stand there are read there.
 */
import { KNOWN_COIN_RE, KNOWN_SYMBOLS } from './known-coins.ts';
import { firstMatch, firstProseMatch, OPENING_CHARS, type KindDoc, type Signal } from './doc.ts';
import { AMOUNT_SCALE } from '../../text-patterns.ts';
import { releaseForm } from './press-release.ts';
import { sponsoredForm, sponsoredFormHint } from './form-score.ts';

// --- Disclosures: the publisher says so, or files the piece where paid pieces go.
const DISCLOSURE_RE =
  /\b(?:this (?:is a |is |article is |post is |content is )?(?:sponsored|paid|promoted)\b(?! by)|sponsored (?:article|post|content|story|press release)|paid (?:post|content|press release|promotion|partnership|advertorial)|advertorial|promoted content|partner content|this (?:article|post|content) (?:is|was) (?:sponsored|paid for|produced in partnership|provided by a sponsor|brought to you by))/gi;

// A label above the piece: "Sponsored", "[Partner content]", "Advertorial |".
const SPONSORED_LABEL_RE = /^\W{0,3}(?:sponsored(?: content| post| article)?|partner content|paid (?:post|content)|advertorial|promoted)\b/i;

const PARTNER_HOST_RE = /^(?:partner|partners|sponsored|promo|branded)\./;

const PARTNER_PATH_RE = /\/(?:sponsored|partner-content|partner-news|partnered|promoted|paid-content|advertorial)s?\//;

// Distributors' boilerplate on placed articles; editorial copy carries it too, so it is weak.
const PLACEMENT_DISCLAIMER_RE = /\bnot offered or intended to be used as legal, tax, investment, financial,? or other advice\b/i;

// --- The close: what a sale hands the reader last (links, a call to buy, a giveaway).
// The project's own link block closing the piece: "Website: https://... Telegram: https://t.me/..."
const PROJECT_LINKS_RE =
  /\b(?:website|site|access|buy now|presale)\s*:\s*(?:https?:\/\/)?[\w.-]+\.[a-z]{2,}[^\n]{0,300}?(?:\b(?:telegram|linktree|discord|twitter|x|socials?)\s*(?:\(twitter\))?\s*:|\bt\.me\/|\blinktr\.ee\/)/i;

// Community links a token sale sends buyers to; news may link a post on X, but not a Telegram group and a Linktree.
const SALE_LINK_RES: RegExp[] = [/\bt\.me\/\w/i, /\blinktr\.ee\/\w/i, /\bdiscord\.(?:gg|com\/invite)\/\w/i, /\bgleam\.io\/\w/i];

const PROFILE_LINK_RE = /\b(?:x|twitter)\.com\/\w+(?!\/status)\b/i;

const SALE_LINKS_MIN = 2; // distinct kinds of community link, at least one of them a sale link

function saleLinks(tail: string): string | null {
  const sale = SALE_LINK_RES.map((re) => firstMatch(re, tail)).filter((m): m is string => m !== null);
  const profile = firstMatch(PROFILE_LINK_RE, tail);
  const found = profile ? [...sale, profile] : sale;
  return sale.length && found.length >= SALE_LINKS_MIN ? found.join(' ') : null;
}

// The reader sent to buy: "Buy $SNORT Here", "Join the Snorter presale now", "Visit the official website here".
const BUY_CALL_RE =
  /\b(?:[Bb]uy|[Jj]oin|[Gg]et|[Gg]rab|[Ss]ecure|[Cc]laim) (?:your )?(?:\$[A-Z][A-Z0-9]{1,9}|the [A-Z][\w ]{1,30} (?:presale|token sale)|[A-Z][\w]+ tokens)\b[^.!]{0,40}\b(?:here|now|today|official website)\b|\b[Vv]isit (?:the )?(?:[A-Z][\w]+ )?[Oo]fficial [Ww]ebsite(?: [Hh]ere)?\b/;

const FOLLOWING_LINKS_RE = /\b(?:please use the following links|visit the links below|find out more about [^.:]{2,40}:|to learn more about [^.:]{2,40}, visit|discover the future of [^.]{2,40} by checking out)\b/i;

// "You can find more information about Zexpire ($ZX) here: Site: https://..." closes a paid placement.
const MORE_ABOUT_HERE_RE = /\b(?:find|get|learn)(?: out)? more(?: information)? about [^.:]{2,40} here\s*:\s*(?:website|site|https?:)/i;

const GIVEAWAY_RE = /\bgleam\.io\b|\$[\d,.]+[kKmM]? giveaway\b/i;

// --- The opening: headline and first lines, all a teaser feed carries.
const lede = (d: KindDoc) => `${d.title}\n${d.head}`;
/** The headline and the first OPENING_CHARS of the body. */
const opening = (d: KindDoc) => lede(d).slice(0, d.title.length + 1 + OPENING_CHARS);

// A shopping list in the headline: "Best Crypto to Buy Now", "Top 5 Cloud Mining Services Compared", "Best
// Bitcoin Betting Sites". Editorial headlines rank what happened, not what to buy.
const BUY_LIST_TITLE_RE =
  /\b(?:best|top)\b[^.?!]{0,40}\b(?:casinos?|betting sites?|sportsbooks?|gambling sites?|bookmakers?|poker sites?|cloud[- ]mining (?:platforms?|sites?|services?|apps?))\b|\b(?:casinos?|betting sites?|sportsbooks?|cloud[- ]mining (?:platforms?|sites?|services?|apps?))\b[^.?!]{0,40}\b(?:compared|reviewed|reviews?|ranked|rankings?)\b|\b(?:best|top|next|cheap|cheapest|hidden|promising|bullish|undervalued)\b[^.?!]{0,40}\b(?:crypto(?:currenc(?:y|ies))?s?|altcoins?|coins?|tokens?|presales?|gems?)\b[^.?!]{0,25}\b(?:to (?:buy|invest|hold|join|own|accumulate|stack)|under \$)|\bbest (?:crypto )?presales?\b|\b(?:top|most promising|hottest|upcoming) (?:[\w-]+ ){0,2}presales\b/i;
// "Top 5 cryptocurrencies to watch this week" is also an outlet's weekly chart column: a list, but not of purchases.
const WATCH_LIST_TITLE_RE =
  /\b(?:best|top|next|cheap|cheapest|hidden|promising|bullish|undervalued)\b[^.?!]{0,40}\b(?:crypto(?:currenc(?:y|ies))?s?|altcoins?|coins?|tokens?|gems?)\b[^.?!]{0,25}\b(?:to watch|right now|this (?:week|month|year)|for 20\d\d)\b/i;

// The reader told to buy, in the headline or the first lines: "coins you should hold in your portfolio", "presale to
// join now", "don't miss", "before it's too late", "still time to get in". A report speaks about markets and people; an
// advertorial speaks to the reader's wallet. Quoted advice ("you should buy bitcoin," he said) is someone's statement, and "buy now, pay later" is a product.
const READER_BUY_RE =
  /\byou (?:should|must|need to|can still|could|may want to) (?:buy|hold|own|grab|add|accumulate|consider|get|invest)\b|\b(?:in|to|for|into) your (?:portfolio|wallet|bags?|watchlist)\b|\b(?:buy|join|get in|grab|load up|invest)(?: now| today| before| early)\b(?!,? pay later)|\bdon(?:'|’)?t miss\b|\bbefore it(?:'|’)?s too late\b|\bstill time to\b|\bmissed (?:out on )?(?:the )?[A-Z]\w+(?:(?:'|’)s)? (?:rally|run|rise|pump)\b/i;
const QUOTED_BEFORE_RE = /["“][^"”]*$/; // an open quotation mark earlier in the text: the words are someone's

function readerToldToBuy(d: KindDoc): string | null {
  const text = opening(d);
  const m = READER_BUY_RE.exec(text);
  if (!m || QUOTED_BEFORE_RE.test(text.slice(0, m.index))) return null;
  return m[0];
}

// Softer hype in the headline: a presale named, returns as multiples, a hidden gem.
const HYPE_TITLE_RE = /\b(?:\d{2,4}x|1000x|100x)\b|\bpresale\b|\bhidden gem\b/i;

const ROI_HYPE_RE = /(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d{3,})% (?:APY|APR|staking rewards|returns?)\b|\b\d{2,3}(?:,\d{3})*% ROI\b|\b\d{2,4}x (?:gains|returns|potential|upside)\b|\bPhase \d+ of (?:its|the) presale\b|\bstage \d+ of (?:its|the) presale\b/gi;

// A pitch to the reader's wallet in the opening: returns as multiples, "best crypto to buy", "$200 into $5,000".
const BUY_PITCH_RE =
  /\b\d{1,3}(?:,\d{3})*x\+? (?:gains?|returns?|ROI|potential|upside|profits?|price pump|pump|rally|run|growth)\b|\bnext \d{2,4}x\b|\b\d{1,3}(?:,\d{3})+%\s?(?:ROI|gains?|returns?|pump|rally|upside|surge|potential)|\b\d{3,}%\s?(?:ROI|gains|returns|upside|potential)\b|\b(?:best|top) (?:crypto(?:currenc(?:y|ies))?s?|altcoins?|coins?|tokens?|presales?|meme ?coins?) (?:to (?:buy|invest|hold|join|own|accumulate|stack)|for (?:20\d\d|the next)|right now)\b|\b(?:turn(?:s|ed|ing)?|transform(?:s|ing)?) \$[\d,.]+[kK]? (?:in)?to \$[\d,.]+[kKmM]?\b|^Got \$[\d,.]+[kK]?\?|\bmake you (?:a )?(?:millionaire|rich)\b|\b(?:tipped|named|called|hailed) (?:as )?(?:the )?(?:best|top|next big)\b/gi;

// A headline that promises the reader a gain in percent: "offers 500% ROI", "Will Pump 10372%", "Expected To Surge
// 2,000%". A percent that measures something ("burn rate rockets 2033%", "a 1,155% liquidation imbalance") is a report;
// a promise is a gain noun after the figure, or a verb of rising after a word of the future before it.
const PROMISED_GAIN_MIN_PERCENT = 500; // smaller gains are what markets report on any day
const PERCENT = String.raw`(\d{1,3}(?:,\d{3})+|\d{3,6})\s?%`;
const PROMISED_GAIN_RES: RegExp[] = [
  new RegExp(`${PERCENT}\\s?(?:ROI|gains?|returns?|upside|potential|profits?|bull run|staking rewards|APY)\\b`, 'i'),
  new RegExp(`\\b(?:will|could|can|may|might|set to|expected to|poised to|tipped to|eyes?|targets?|to)\\s(?:\\w+\\s){0,2}?(?:rally|pump|surge|soar|explode|rise|climb|deliver|return|offer|gain|grow|jump|run)s?\\s(?:by\\s|over\\s|up to\\s)?${PERCENT}`, 'i'),
];

// A gain promised as a price path: "from $0.035 to $2", "turning $200 into $5,000". A path of ten times or more is a
// promise of multiples, however it is worded.
const MONEY = String.raw`\$\s?(\d[\d,]*(?:\.\d+)?)\s?([kKmMbB]\b|million|billion)?`;
const PRICE_PATH_RE = new RegExp(`${MONEY}\\s?(?:to|into)\\s?${MONEY}`, 'gi');
const PRICE_PATH_MIN_MULTIPLE = 10;
const money = (digits: string, unit?: string) => Number(digits.replace(/,/g, '')) * (unit ? AMOUNT_SCALE[unit.toLowerCase()] : 1);

function promisedGain(title: string): string | null {
  for (const re of PROMISED_GAIN_RES) {
    const m = re.exec(title);
    if (m && Number(m[1].replace(/,/g, '')) >= PROMISED_GAIN_MIN_PERCENT) return m[0];
  }
  if (!title.includes('$')) return null;
  for (const m of title.matchAll(PRICE_PATH_RE)) {
    const from = money(m[1], m[2]);
    if (from > 0 && money(m[3], m[4]) / from >= PRICE_PATH_MIN_MULTIPLE) return m[0];
  }
  return null;
}

// A figure of promised gain ("500% ROI", "100x") is one piece of evidence however often it is repeated: the headline's
// signals take it first, and the opening's signals (which read the headline too, and a teaser's first sentence often
// restates it) count only a figure or a phrase that the headline's signals have not already taken.
const FIGURE_RE = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?(%|x\b)/gi;

function figureKeys(text: string): string[] {
  return [...text.matchAll(FIGURE_RE)].map((m) => m[1].replace(/,/g, '') + m[2].toLowerCase());
}

const HEADLINE_CLAIMS = new WeakMap<KindDoc, string[]>();

/** What the headline's hype and promised-gain signals took: their figures, and the buy-list phrase. */
function headlineClaims(d: KindDoc): string[] {
  let claims = HEADLINE_CLAIMS.get(d);
  if (!claims) {
    const taken = [firstMatch(HYPE_TITLE_RE, d.title), promisedGain(d.title), firstMatch(BUY_LIST_TITLE_RE, d.title)].filter((m): m is string => m !== null);
    claims = taken.flatMap(figureKeys);
    HEADLINE_CLAIMS.set(d, claims);
  }
  return claims;
}

/** The first match of a global `re` that brings new evidence: no figure already claimed, not the headline's own words. */
function firstUnclaimed(re: RegExp, text: string, d: KindDoc, claimed: () => string[]): string | null {
  re.lastIndex = 0;
  const any = re.test(text);
  re.lastIndex = 0; // matchAll copies the pattern with its lastIndex
  if (!any) return null; // most texts have no match: spare them matchAll's copy of the pattern
  for (const m of text.matchAll(re)) {
    const keys = figureKeys(m[0]);
    if (keys.length ? keys.some((k) => claimed().includes(k)) : d.title.toLowerCase().includes(m[0].toLowerCase())) continue;
    return m[0].trim().slice(0, 80);
  }
  return null;
}

const roiHype = (d: KindDoc) => firstUnclaimed(ROI_HYPE_RE, lede(d), d, () => headlineClaims(d));

function buyPitch(d: KindDoc): string | null {
  return firstUnclaimed(BUY_PITCH_RE, d.head, d, () => {
    const roi = roiHype(d);
    return roi ? [...headlineClaims(d), ...figureKeys(roi)] : headlineClaims(d);
  });
}

// In prose, not inside a link ("/pump-fun-token-presale-sold-out/" is the URL of a report, counted once as its slug).
const PRESALE_RE = /(?<![/-])\bpre-?sales?\b(?![-/])/gi;

// The mechanics of selling a new token to the reader. One term is common in news of token sales; two
// different ones in the headline and the first lines (a stage and a price, a price and the share sold) are a pitch.
const TOKEN_SALE_TERMS: [string, RegExp][] = [
  ['presale', /\bpre-?sales?\b|\bICO\b|\bIDO\b|\bwhitelist\b/i],
  ['sale stage', /\b(?:stage|phase) \d{1,2}\b/i],
  // the price the reader pays now: "priced at $0.035", "at just $0.0058", "$0.021 per token"; not "climbed from $0.004"
  ['token price', /\b(?:priced at|at just|for just|for only|entry price|listing price|launch price|presale price|current price of|(?:token|coin|altcoin|presale|stage|phase) (?:at|for|priced at)) \$\d|\bat \$0\.\d+\b|\$0\.\d+ (?:per token|each)\b|\b(?:sub-|under )\$0\.\d+ (?:token|coin|altcoin|crypto|gem)\b|\bpriced (?:under|below) \$0\.\d/i],
  // a sale under way: "55% sold", "over 60% of the stage already claimed"; a sale that ended ("sold out") is a report
  ['share sold', /\b\d{1,3}(?:\.\d)?% (?:sold|claimed|of (?:the )?(?:tokens|supply|allocation|stage|phase)(?: already)? (?:sold|claimed))\b|\b(?:tokens|coins) sold so far\b|\balready (?:been )?(?:sold|claimed)\b/i],
  // money the sale has taken in: "already raised over $4.2 million", "$420M raised"; not a company's funding round
  ['raise', /\b(?:has |have |already |just )?raised (?:over |more than |nearly |almost |about |close to )?\$\s?\d[\d,.]*\s?(?:[kKmM]\b|million)(?! (?:in |from |through )?(?:a |an |its |the )?(?:seed|series|funding|strategic|private|venture|round|led|at a))|\$\s?\d[\d,.]*\s?(?:[kKmM]\b|million)\+? raised\b/i],
  // the sale's clock: a bonus offered for buying now, a price that rises at the next stage ("before the next price increase",
  // "the next phase opens at $0.022", "a discounted entry"); a report of a sale that happened has no next price
  ['sale urgency', /\b(?:gets?|claims?|grabs?|secures?|offers?|offering|hand(?:s|ing)|gives?|giving|unlocks?) (?:[\w-]+ ){0,3}?(?:a |an )?\d{1,3}% bonus\b|\bbonus tokens\b|\b(?:price|cost) (?:increase|rise|hike|jump)s? (?:in|at|with|for) (?:the )?next (?:stage|phase|round)\b|\bbefore (?:the )?(?:next )?(?:price|stage) (?:increase|rise|hike|jump|change)s?\b|\bbefore the price rises\b|\bnext (?:stage|phase|round)\b[^.!?]{0,40}\$0\.\d|\bdiscount(?:ed)? entry\b/i],
  ['listing promise', /\b(?:before|ahead of) (?:its |the )?(?:exchange |CEX |public )?(?:listing|launch)\b|\blisting (?:price|target)\b|\bTGE\b/i],
];

const TOKEN_SALE_MIN_TERMS = 2; // different terms of a sale in the opening

function tokenSaleTerms(d: KindDoc): string | null {
  if (ENFORCEMENT_RE.test(d.title)) return null; // a sale under inquiry is news of the inquiry
  const text = lede(d);
  const found = TOKEN_SALE_TERMS.map(([name, re]) => (re.test(text) ? name : null)).filter((n): n is string => n !== null);
  return found.length >= TOKEN_SALE_MIN_TERMS ? found.join(' + ') : null;
}

// A token the coin table does not know, introduced by name and ticker ("Mutuum Finance (MUTM)", "$LILPEPE")
// in a sentence about investors and upside: the pivot of a presale advertorial, from the market's news to the
// product. News introduces new tokens too, in other sentences; alone this is a hint.

const NEW_TOKEN_RE = /([A-Z][\w.]*(?: [A-Z][\w.]*){0,2}) \(\$?([A-Z][A-Z0-9]{1,9})\)|(?<![\w$])\$([A-Z][A-Z0-9]{1,9})\b/g;

const INVESTOR_PITCH_RE =
  /\b(?:potential|upside|gains?|returns?|ROI|early (?:investors|buyers|adopters|entry)|next (?:big|gem|\d+x)|hidden gem|presale|utility|attention|investors?|traders?|buyers?|rally|explosive|momentum)\b/i;

interface NewToken {
  intro: string; // as introduced: "Mutuum Finance (MUTM)", "$LILPEPE"
  ticker: string;
  names: string[]; // the forms a headline may name it by: its ticker, its name, the name without a leading sentence word
  pitch: string;
}

/** "Moving Average Convergence Divergence (MACD)", "XRP Ledger (XRPL)": an acronym spelled out before it, or a known coin's own thing. */
function isAcronymOrKnownPart(before: string, ticker: string): boolean {
  const words = before.split(/[\s-]+/).filter(Boolean);
  const last = words.slice(-ticker.length);
  if (last.length === ticker.length && last.map((w) => w[0].toUpperCase()).join('') === ticker) return true;
  return words.slice(-3).some((w) => KNOWN_SYMBOLS.has(w) && ticker.startsWith(w));
}

const NEW_TOKENS = new WeakMap<KindDoc, NewToken[]>();

// A sentence ends at . ! ? or a line break followed by space.
const SENTENCE_END_RE = /[.!?\n]\s/g;

/** Tokens the coin table does not know, introduced by ticker in the headline or the first lines in a sentence of investors and upside. */
function newTokens(d: KindDoc): NewToken[] {
  let found = NEW_TOKENS.get(d);
  if (found) return found;
  found = [];
  const text = lede(d);
  for (const m of text.matchAll(NEW_TOKEN_RE)) {
    const ticker = m[2] ?? m[3];
    if (KNOWN_SYMBOLS.has(ticker)) continue;
    const sentence = sentenceAround(text, m.index, m.index + m[0].length);
    const name = m[1] ?? '';
    if (name && isAcronymOrKnownPart(text.slice(sentence.start, m.index + name.length), ticker)) continue;
    const pitch = INVESTOR_PITCH_RE.exec(text.slice(sentence.start, sentence.end));
    if (!pitch) continue;
    const words = name.split(' ');
    const names = [ticker, ...words.map((_, i) => words.slice(i).join(' ')).filter((n, i) => i === 0 || n.includes(' '))];
    found.push({ intro: m[0], ticker, names, pitch: pitch[0] });
  }
  NEW_TOKENS.set(d, found);
  return found;
}

function sentenceAround(text: string, from: number, to: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(SENTENCE_END_RE)) {
    const at = m.index + 1;
    if (at <= from) start = at;
    else if (at >= to) {
      end = at;
      break;
    }
  }
  return { start, end };
}

function newTokenPitch(d: KindDoc): string | null {
  const t = newTokens(d)[0];
  return t ? `${t.intro} ~ ${t.pitch}` : null;
}

/** `word` stands in `text` as a whole word, in any case ("LBRETT", "$LBRETT", "Lbrett's"). */
function hasWord(text: string, word: string): boolean {
  const hay = text.toLowerCase();
  const needle = word.toLowerCase();
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (!/\w/.test(hay[at - 1] ?? '') && !/\w/.test(hay[at + needle.length] ?? '')) return true;
  }
  return false;
}

// A headline that sets a token nobody knows beside the coins everyone does ("Solana price prediction: why analysts
// believe BNB and LBRETT are set to outshine SOL"), where the first lines pitch that token to investors: the known
// coins are the hook, the newcomer is the product. A report on a new token's launch names it alone.
function newcomerBesideKnown(d: KindDoc): string | null {
  const tokens = newTokens(d);
  if (!tokens.length) return null;
  const known = KNOWN_COIN_RE.exec(d.title);
  if (!known) return null;
  for (const t of tokens) {
    for (const n of t.names) {
      if (KNOWN_COIN_RE.test(n)) continue;
      if (hasWord(d.title, n)) return `${n} beside ${known[0]}`;
    }
  }
  return null;
}

// The same hook and product in the body, what a teaser keeps when its headline reads as news: the first sentence is about
// coins everyone knows ("Solana is looking towards fresh hope after the SEC eased delays"), and a later sentence of the
// opening introduces a token the coin table does not know to investors ("traders looking for 10x are shifting towards
// Mutuum Finance (MUTM)"). A report on a new token's launch opens with the token; a market wrap that turns to a new
// token reports what happened to it (listed, launched, jumped 40%), and that sentence is left out.
const REPORTED_EVENT_RE =
  /\b(?:list(?:s|ed|ing)|delist\w*|launch(?:es|ed)|debut(?:s|ed)|airdrop(?:s|ped)?|unlock(?:s|ed)?|hack(?:s|ed)?|exploit(?:s|ed)?)\b|\b(?:rose|jumped|fell|surged|climbed|dropped|slid|gained|lost|soared|plunged|tumbled|rallied|sank|spiked)\b[^.!?]{0,30}\d+(?:\.\d+)?%/i;

function newcomerAfterKnownHook(d: KindDoc): string | null {
  const text = d.head.slice(0, OPENING_CHARS);
  const firstEnd = text.search(/[.!?]\s/);
  if (firstEnd < 0) return null;
  const first = text.slice(0, firstEnd + 1);
  const known = KNOWN_COIN_RE.exec(first);
  if (!known) return null;
  for (const t of newTokens(d)) {
    if (KNOWN_COIN_RE.test(t.intro)) continue;
    const at = text.indexOf(t.intro);
    if (at <= firstEnd || first.includes(t.ticker)) continue;
    const { start, end } = sentenceAround(text, at, at + t.intro.length);
    if (!REPORTED_EVENT_RE.test(text.slice(start, end))) return `${known[0]} then ${t.intro}`;
  }
  return null;
}

// A race set up in the headline between coins everyone knows and one nobody does ("DOGE vs SHIB vs LBRETT", "Shiba Inu
// (SHIB) vs Little Pepe (LILPEPE)"): the famous names are the hook, the newcomer is the product. The newcomer stands
// beside a "vs" as a ticker in brackets the coin table does not know, or as a long word in capitals (short ones are
// acronyms: "ETF vs gold"). A comparison of famous coins, or of people ("Powell vs Trump"), names no newcomer.
const VERSUS_RE = /\s(?:vs\.?|versus)\s/i;
const UNKNOWN_TICKER_RES: RegExp[] = [/\(\$?([A-Z][A-Z0-9]{1,9})\)/g, /(?<![\w$])\$?([A-Z][A-Z0-9]{4,9})(?:['’]s)?\b/g];
const VERSUS_SIDE_CHARS = 30; // the part of each side next to the "vs": the contestant, not the rest of the headline

function versusNewcomer(d: KindDoc): string | null {
  const sides = d.title.split(VERSUS_RE);
  if (sides.length < 2 || !KNOWN_COIN_RE.test(d.title)) return null;
  const near = sides.map((side, i) => (i === 0 ? side.slice(-VERSUS_SIDE_CHARS) : i === sides.length - 1 ? side.slice(0, VERSUS_SIDE_CHARS) : side));
  for (const text of near) {
    for (const re of UNKNOWN_TICKER_RES) {
      for (const m of text.matchAll(re)) if (!KNOWN_SYMBOLS.has(m[1]) && !KNOWN_COIN_RE.test(m[0].replace(/[()$]/g, ''))) return `${m[0]} in ${d.title.slice(0, 60)}`;
    }
  }
  return null;
}

// A headline that teases a token without naming it ("this $0.035 altcoin", "a different token", "the next DOGE")
// is the hook of a promotion; news names what it reports on. Some news teases too ("this popular token"): a hint.
const KNOWN_NICKNAMES = String.raw`(?:DOGE|SHIB|XRP|PEPE|Solana|Ethereum|Shiba Inu|Dogecoin|Bitcoin|Cardano)`;
const MYSTERY_TOKEN_TITLE_RE = new RegExp(
  [
    String.raw`\bthis (?:new |viral |hidden |cheap |under-the-radar |low-cap |early-stage |\$0\.\d+ |(?:under|sub)-\$[\d.]+ |[\w-]+ )?(?:altcoin|token|coin|meme ?coin|gem)\b|\ba different (?:token|coin|altcoin|crypto)\b`,
    String.raw`\bnext (?:${KNOWN_NICKNAMES}|big (?:thing|crypto|altcoin))\b|\bnew meme ?coin\b`,
    // "which altcoin is expected to surge", "which crypto offers 500% ROI": one unnamed token, the reader asked to guess
    String.raw`\bwhich (?:altcoin|token|coin|crypto|meme ?coin)\b(?!s)`,
    // a contender named only by what it is set against: "this DOGE rival", "another 10,000x rival", "the new Shiba Inu"
    String.raw`\b(?:this|another|a new) (?:[\w$,.-]+ ){0,2}?(?:rival|contender|challenger)\b|\bthe new ${KNOWN_NICKNAMES}\b(?! (?:ETFs?|ETPs?|funds?|treasur\w*|upgrade|standard|network|wallet|app|era|cycle|rules?)\b)`,
    // a count of unnamed tokens promised a move: "4 tokens that could explode", "top 3 cryptos that could mirror Ethereum"
    String.raw`\b\d{1,2} (?:[\w-]+ )?(?:cryptos|altcoins|tokens|coins|meme ?coins|presales|cryptocurrencies) (?:(?:that|which) (?:could|can|will|may|might)|set to|poised to|tipped to|primed to|ready to) (?:explode|soar|skyrocket|moon|pump|surge|rally|mirror|repeat|deliver|outperform|\d+x)\b`,
  ].join('|'),
  'i',
);

// Holders of the coins everyone knows moving their money into something new: "smart money shifts into the X presale",
// "DOGE and SHIB top holders start accumulating a trending meme coin", "investors ... directing their focus towards a
// promising newcomer". The advertorial's pivot from the market's news to its product, told as a flow of capital; news
// of flows names a fund, an exchange or a coin it reports on, not "a newcomer" or a presale.
// An unnamed token described by what it is: new, trending, low-cap, or priced under a dime ("a sub-$0.030 token").
const NEWCOMER_ADJECTIVES = String.raw`(?:promising |new |emerging |trending |rising |viral |low-cap |early-stage |under-the-radar |up-and-coming |lesser-known |little-known |sub-\$0\.\d+ |\$0\.\d+ )`;
const NEWCOMER = String.raw`(?:(?:a |an |this |the )?${NEWCOMER_ADJECTIVES}+(?:newcomer|meme ?coin|token|altcoin|crypto(?:currency)?|coin|project|gem|PayFi|DeFi (?:token|project|protocol))|(?:a |an |this |the )?newcomer|[A-Z][\w$]*(?: [A-Z][\w$]*){0,2} (?:presale|token sale|ICO))`;
const ROTATION_RE = new RegExp(
  String.raw`\b(?:holders?|investors?|whales?|traders?|buyers?|wallets?|smart money|capital|community|communities)\b[^.!?\n]{0,60}?\b(?:shift(?:s|ing|ed)?|rotat(?:e|es|ing|ed)|pivot(?:s|ing|ed)?|flock(?:s|ing|ed)?|pour(?:s|ing|ed)?|switch(?:es|ing|ed)?|mov(?:e|es|ing|ed)|turn(?:s|ing|ed)?|direct(?:s|ing|ed)? (?:their |its )?(?:focus|attention|capital|funds)|accumulat(?:e|es|ing|ed)|invest(?:s|ing|ed)?|buy(?:s|ing)?|load(?:s|ing)? up|scoop(?:s|ing)? up)\b(?: (?:into|to|towards?|toward|on|in|up))?\s${NEWCOMER}`,
  'i',
);

// The reader's search for the next winner, as the opening's premise: "buyers are searching for the next gem", "the
// market is hunting for the next moonshot", "traders scout for the next big coin". An advertorial opens by
// naming the hunt its product ends; a report names what happened, and a market column what moved. A famous coin as the
// prize is left out: venture firms and bankers look for "the next Solana" or "the next Bitcoin miner" to list too.
const NEXT_WINNER_HUNT_RE =
  /\b(?:search(?:es|ing)?|hunt(?:s|ing)?|look(?:s|ing)?|scout(?:s|ing)?|on the hunt|race|racing|scramble|scrambling) (?:for|to find) (?:the |their )?next (?:[\w-]+ ){0,2}?(?:gems?|compounders?|moonshots?|\d{2,4}x|big (?:thing|crypto|altcoin|coin|token|winner)|(?:major |big )?breakout (?:token|coin|altcoin|crypto|gem|star))\b(?! (?:miner|fund|firm|company|exchange|chain|network|listing|IPO)s?\b)/i;

// The reader's search for cheap or high-upside tokens as the opening's premise, without "the next": "small investors look
// around for undervalued altcoins under $1", "investors looking for high-potential opportunities", "scrambling to figure
// out which coins are set to explode next". Reports speak of what investors bought or sold; a promotion opens on a want
// it is about to fill. When the hunt for the next winner (above) reads the same opening, it is one piece of evidence.
const BARGAIN_HUNT_RE =
  /\b(?:look(?:s|ing)?|search(?:es|ing)?|hunt(?:s|ing)?|scout(?:s|ing)?|scrambl(?:e|es|ing)|comb(?:s|ing)?|eye(?:s|ing)?)\b[^.!?]{0,40}\b(?:undervalued|cheap|affordable|low-cap|low-priced|high-potential|high-upside|early-stage|under-the-radar|promising)\s(?:[\w-]+\s)?(?:altcoins?|tokens?|coins?|cryptos?|crypto plays?|cryptocurrenc(?:y|ies)|projects?|opportunities|gems?|plays?)\b|\b(?:which|what) (?:coins?|tokens?|altcoins?|cryptos?) (?:are |is )?(?:set|poised|about|ready|likely) to (?:explode|moon|skyrocket|surge|soar|pump)\b/i;

function bargainHunt(d: KindDoc): string | null {
  const text = d.head.slice(0, OPENING_CHARS);
  return NEXT_WINNER_HUNT_RE.test(opening(d)) ? null : firstMatch(BARGAIN_HUNT_RE, text);
}

// A headline that hangs its promise on a token nobody knows, beside a coin everyone does: "BTC holds $118K, but insiders
// tip ZORVEX for 40x gains", "Ethereum steadies while a sub-$0.030 token targeting $1 draws whales", "XRP hovers as
// QuillDAG's $0.0021 TGE nears", "PupMint rises as the next DOGE". The known coin is the hook, the unknown one
// the product; the promise (multiples, a gain in hundreds of percent, a token launch, a sub-dime price with a target)
// stands in the same clause as the unknown token. The promise's figure may also be counted by the hype signals: this
// signal's own evidence is the pairing, which a teaser keeps when the ticker's introduction in the body is cut away.
// The product: a token named by a price under a dime or as "this token", or a name the coin table does not know, written
// as tickers and brands are (all capitals, or a capital inside the word: "ZORVEX", "QUILL FINANCE", "QuillDAG").
const PRODUCT_RE =
  /(?:\bsub-\$0\.\d+|(?:\b[Tt]his |\b[Aa] |\b[Nn]ew )?\$0\.\d+)\s(?:[\w-]+\s)?(?:[Tt]oken|[Aa]ltcoin|[Cc]oin|[Cc]rypto|[Gg]em)\b|\b(?:[Tt]his|[Aa] new) (?:[\w-]+ )?(?:[Tt]oken|[Aa]ltcoin|[Gg]em)\b|\b[A-Z][a-z]+[A-Z][A-Za-z]+\b|\b[A-Z]{3,10}(?: [A-Z]{3,10})?\b/g;
// What is promised on it: multiples of ten or more, a yield of hundreds of percent, a launch at a price under a dime,
// the next famous coin, a price path from under a dime. A token's launch or sale alone is also news of real projects
// ("MegaETH sets its TGE"); with a sub-dime price in the headline it is a pitch of an entry price.
const PRODUCT_PROMISE_RE = new RegExp(
  String.raw`(?:\b(?:for|of|with|eyes?|targets?) (\d{2,4})x\b|\b(\d{2,4})x (?:gains?|returns?|potential|upside|growth|rally|pump|profits?)\b|\b(\d{1,3}(?:,\d{3})+|\d{3,})\s?%\s?(?:ROI|staking rewards|APY|APR)\b|\$0\.\d+ (?:TGE|pre-?sale|launch|listing)\b|\bnext (?:DOGE|SHIB|PEPE|XRP|Solana|Ethereum|Shiba Inu|Dogecoin|Bitcoin|Cardano|big (?:thing|crypto|altcoin))\b|\b(?:targeting|surpassing|eyeing) \$\d|\bfrom \$0\.\d+ to \$\d)`,
  'gi',
);
const NAMED_PROMISE_RE = /\$0\.\d|\bnext /i; // a sub-dime launch or path, or the next famous coin
const TIP_BEFORE_RE = /\b(?:tip(?:s|ped)?|pick(?:s|ed)?) $/i; // the verb right before the name
const TIPPED_GAIN_RE = /\b(?:gains?|returns?|profits?|ROI)\b/i; // a tip promises the reader's gain, not a firm's growth
const PROMISE_MIN_MULTIPLE = 10; // "2x" is a leveraged fund or a doubling a report can measure
const PROMISE_MIN_PERCENT = 500; // a smaller yield is what staking and lending pay
const PRODUCT_CLAUSE_CHARS = 40; // from the product to its promise, within one clause
const CLAUSE_BREAK_RE = /[,;:?!–—|]|\.(?!\d)/;

function promiseOnUnknown(d: KindDoc): string | null {
  if (!KNOWN_COIN_RE.test(d.title) || ENFORCEMENT_RE.test(d.title)) return null;
  const products = [...d.title.matchAll(PRODUCT_RE)];
  for (const p of d.title.matchAll(PRODUCT_PROMISE_RE)) {
    const figure = Number((p[1] ?? p[2] ?? p[3] ?? '').replace(/,/g, ''));
    if ((p[1] || p[2]) && figure < PROMISE_MIN_MULTIPLE) continue;
    if (p[3] && figure < PROMISE_MIN_PERCENT) continue;
    // the promise belongs to the nearest product before it in the same clause
    const before = products.filter((m) => m.index + m[0].length <= p.index && p.index - m.index <= PRODUCT_CLAUSE_CHARS).pop();
    if (!before || CLAUSE_BREAK_RE.test(d.title.slice(before.index + before[0].length, p.index))) continue;
    const named = !/(?:token|altcoin|coin|crypto|gem)$/i.test(before[0]);
    if (named && (before[0].split(' ').some((w) => KNOWN_SYMBOLS.has(w)) || KNOWN_COIN_RE.test(before[0]))) continue; // a known coin's own promise is a forecast
    // A name in capitals is also a fund, a firm or an officer ("ETF eyes 20x inflows", "MicroStrategy's 25x gains", "CEO
    // sees 10x upside"): beside a name, only a promise no report makes counts, an entry price under a dime or "the next DOGE".
    // A name handed to the reader as a tip ("insiders tip ZORVEX for 40x gains") is a pick, whatever else capitals name.
    if (named && !NAMED_PROMISE_RE.test(p[0]) && !(TIP_BEFORE_RE.test(d.title.slice(0, before.index)) && TIPPED_GAIN_RE.test(d.title.slice(p.index, p.index + p[0].length + 12)))) continue;
    // the known coin is the hook only outside the product and its promise ("Is MOODENG the next DOGE?" has no hook)
    const span = d.title.slice(before.index, p.index + p[0].length);
    const hook = KNOWN_COIN_RE.exec(d.title.slice(0, before.index) + ' | ' + d.title.slice(p.index + p[0].length));
    if (!hook) continue;
    return `${span.slice(0, 70)} beside ${hook[0]}`;
  }
  return null;
}

// An unnamed newcomer with its promise in the same sentence: "an emerging project that could deliver 20,000% gains", "a
// low-cap token with 50x upside". News names the project it reports on; a promotion keeps the name for the reveal.
// Returns and gains count only as promised ("outsized gains", "500% returns"): a report speaks of them too. When holders
// are already said to move into it (the rotation signal), that sentence is counted once.
const NEWCOMER_PITCH_RE = new RegExp(
  String.raw`\b(?:a|an|this|one) ${NEWCOMER_ADJECTIVES}+(?:[\w-]+ )?(?:project|token|altcoin|coin|meme ?coin|newcomer|contender|DeFi (?:token|project|protocol))\b[^.!?\n]{0,80}\b(?:potential|upside|\d{2,4}x|(?:outsized|massive|huge|life-changing|explosive|exponential|\d{3,}%|\d{1,3}(?:,\d{3})+%) (?:gains|returns)|ROI|early (?:investors|buyers))\b`,
  'i',
);

// A sale to the reader distributed as a release: a token presale or a cloud-mining plan named in the headline or the
// first lines of a text in release form (wire dateline, "About X", media contact). Outlets run these as news; the
// product is sold to the reader all the same. A miner's or a casino operator's own business news is not this: only
// the products a reader buys into are named here.
const RELEASED_SALE_RE = /(?<![/-])\b(?:pre-?sales?|token sale|public sale|cloud[- ]mining)\b(?![-/])/i;

function releasedSale(d: KindDoc): string | null {
  const product = firstMatch(RELEASED_SALE_RE, opening(d));
  if (!product || ENFORCEMENT_RE.test(d.title)) return null;
  const form = releaseForm(d);
  return form ? `${product} / ${form}` : null;
}

// The slug of a buying guide keeps its words when the feed's headline does not (when the headline says them too,
// they are one piece of evidence, already counted). "presale" alone is not here: reports of token sales use it too.
const PROMO_SLUG_RE = /\b(?:best (?:crypto|altcoins?|coins?|tokens?|meme coins?) to (?:buy|invest)|cryptos? to buy|crypto casinos?|betting sites?|sportsbooks?|cloud mining|sponsored|partner content|advertorial)\b/;

// A sale's figure pushed at the reader in the headline and the first two sentences: an entry price under a dollar, a
// stage's price or the money a sale has raised, beside a push (a multiple or a gain in hundreds of percent promised, a
// superlative pick, a call to buy now). "At $0.035, token tipped as best crypto to buy", "BlockDAG delivers $420M raise &
// 2940% ROI". A report names a price it measured and a raise with its investors; it does not pitch either. A coin
// everyone knows at a sub-dollar price ("SHIB at $0.00001 ... 100x?") is a forecast of that coin, not a sale: a price
// right after a known coin's name is left out. The push's figure may also be counted by the headline's hype signals;
// this signal's own evidence is the sale's figure, which no other signal reads.
const SALE_FIGURE_RE =
  /\b(?:raised?|raising)\b[^.!?]{0,20}\$\s?\d[\d,.]*\s?(?:[kKmM]\b|million)|\$\s?\d[\d,.]*\s?(?:[kKmM]\b|million)\+? raised?\b|\b(?:pre-?sale|stage \d{1,2}|phase \d{1,2})\b[^.!?$]{0,20}\$\d[\d,.]*|\$0\.\d+/gi;
const SALE_PUSH_RE =
  /\b\d{2,4}x\b|\b(?:\d{1,3}(?:,\d{3})+|\d{3,})\s?%\s?(?:ROI|gains?|returns?|upside|potential|APY)|\bnext (?:\d{2,4}x|big (?:thing|crypto|altcoin|coin|token)|gem)\b|\b(?:best|top|most promising|hottest) (?:[\w-]+ )?(?:crypto|altcoin|coin|token|presale|meme ?coin)s?\b|\b(?:buy|join|grab|secure)(?: it)? (?:now|today|early|before)\b|\bdon(?:'|’)?t miss\b/i;
const KNOWN_COIN_BEFORE_CHARS = 25; // "Shiba Inu (SHIB) at $0.0000120": the coin named just before its price
const SALE_OPENING_CHARS = 300; // about the first two sentences, what a teaser keeps

function saleFigurePushed(d: KindDoc): string | null {
  if (ENFORCEMENT_RE.test(d.title)) return null;
  const text = lede(d).slice(0, d.title.length + 1 + SALE_OPENING_CHARS);
  const push = SALE_PUSH_RE.exec(text);
  if (!push) return null;
  for (const m of text.matchAll(SALE_FIGURE_RE)) {
    if (m[0].startsWith('$0.') && KNOWN_COIN_RE.test(text.slice(Math.max(0, m.index - KNOWN_COIN_BEFORE_CHARS), m.index))) continue;
    return `${m[0].trim()} / ${push[0]}`;
  }
  return null;
}

// --- Gambling: casino and betting guides.
// A scheme or an operator exposed is news: regulators and courts speak of it in these words.
const ENFORCEMENT_RE = /\b(?:scam|fraud|ponzi|charged?|charges|arrest(?:ed|s)?|seiz(?:e|ed|es)|sues?|sued|lawsuit|indict(?:ed|ment)|shut(?:s)? down|crackdown|warns?|warning|victims?|probes?|investigat\w*|fined?|fines|bans?|banned|blocks?|blocked|regulators?|court|ruling|hack(?:ed|s)?|exploit(?:ed|s)?)\b/i;
const GAMBLING_TITLE_RE = /\b(?:casinos?|betting sites?|sportsbooks?|gambling sites?|slots?)\b/i;

// An affiliate's gambling guide: gambling named in the headline or first lines, and the headline in the form of a
// guide (a review, how or where to bet, tips and picks, bonuses and deposit matches, payouts and no-KYC pitched, a
// ranking). A report on the industry has neither form.
const GAMBLING_WORD_RE = /\b(?:casinos?|betting|bet on|(?:how|where) to (?:bet|gamble|wager)|bettors?|sportsbooks?|bookmakers?|gambling|gamble|wager(?:ing)?|slots?|poker|roulette|blackjack|igaming)\b/i;

const GUIDE_TITLE_RE =
  /\b(?:reviews?|reviewed|how to (?:bet|gamble|wager|play|deposit|withdraw)|where to (?:bet|gamble|play)|guide|(?:betting|bet|expert|free) (?:tips|picks)|bonus(?:es)?|deposit match|welcome offer|promo codes?|free spins|instant withdrawals|fast payouts|no-?KYC|ranked|compared|(?:best|top) \d*|sites?(?: to| for| that| with))\b/i;

function gamblingGuide(d: KindDoc): string | null {
  const guide = firstMatch(GUIDE_TITLE_RE, d.title);
  if (!guide || ENFORCEMENT_RE.test(d.title)) return null;
  const gambling = firstMatch(GAMBLING_WORD_RE, d.title) ?? firstMatch(GAMBLING_WORD_RE, d.head.slice(0, OPENING_CHARS));
  return gambling ? `${gambling} / ${guide}` : null;
}

// Affiliate casino and betting guides close with the regulator-required notice; news about gambling does not. Its
// forms: a call to gamble responsibly, gambling named as addictive, harmful or risky, the helplines and the age line.
const RESPONSIBLE_GAMBLING_RE =
  /\b(?:gamble|play|bet|wager) responsibly\b|\bgambling (?:can be|is|may be) (?:addictive|harmful)\b|\b(?:gambl(?:ing|e)|betting|wagering) (?:involves|carries|comes with) (?:a )?(?:real |financial )?risks?\b|\b(?:begambleaware|gambleaware|gamcare|gamblersanonymous|gamblingtherapy|ncpgambling)\b|\b1-800-(?:GAMBLER|522-4700)\b|\b(?:if you or someone you know has a|help with (?:a )?)gambling problem\b|\bonly (?:gamble|bet|wager) (?:what|with (?:money|funds)) you can afford\b|\bwhen the fun stops,? stop\b|\bonly if you are of legal (?:gambling |betting )?age\b|\b(?:18|19|21)\+\s*(?:only\s*)?(?:\||[.,;])\s*(?:T&Cs?|terms and conditions) apply\b/i;

// On a scraped page the notice is followed by the site's footer, out of reach of the tail: when gambling is what the
// headline and the first lines are about, the notice counts wherever it stands.
function responsibleGambling(d: KindDoc): string | null {
  const closing = firstMatch(RESPONSIBLE_GAMBLING_RE, d.tail) ?? firstMatch(RESPONSIBLE_GAMBLING_RE, d.notices);
  if (closing || ENFORCEMENT_RE.test(d.title)) return closing;
  if (!GAMBLING_WORD_RE.test(d.title) && !GAMBLING_WORD_RE.test(d.head.slice(0, OPENING_CHARS))) return null;
  // a notice stands as a sentence of its own; the same words in quotation marks are a report of someone's rule or slogan
  for (const m of d.text.matchAll(RESPONSIBLE_GAMBLING_GLOBAL_RE)) {
    if (!QUOTE_BEFORE_RE.test(d.text.slice(Math.max(0, m.index - QUOTE_WINDOW_CHARS), m.index))) return m[0].trim().slice(0, 80);
  }
  return null;
}

const RESPONSIBLE_GAMBLING_GLOBAL_RE = new RegExp(RESPONSIBLE_GAMBLING_RE.source, 'gi');
const QUOTE_BEFORE_RE = /["“‘][^"”’.!?]*$/; // an open quotation mark before the match, in the same sentence
const QUOTE_WINDOW_CHARS = 60;

// Gambling's vocabulary as a class in the headline and the first two sentences, what a teaser of an affiliate guide keeps
// when its responsible-gambling notice and its bonus terms are cut: a venue (casino, sportsbook, betting site) and
// something it sells the player (a game, a jackpot, a bonus, fast payouts, odds, provably fair play). Reports on the
// industry name venues with regulators and courts (left out with the enforcement words) or prediction markets' bets,
// which name no venue of this class. One hint; with a gambling headline it is a guide.
const GAMBLING_VENUE_RE = /\b(?:casinos?|sportsbooks?|bookmakers?|igaming|(?:betting|gambling|poker) (?:sites?|platforms?|apps?))\b/i;
const GAMBLING_WARES_RE =
  /\b(?:slots?|poker|roulette|blackjack|baccarat|jackpots?|live dealers?|crash games?|free spins|bonus(?:es)?|rakeback|cashback|promo codes?|welcome (?:offer|package)|deposit match|provably fair|(?:fast|instant|quick) (?:payouts?|withdrawals?)|payouts?|odds|RTP)\b/i;

function gamblingClass(d: KindDoc): string | null {
  if (ENFORCEMENT_RE.test(d.title)) return null;
  const text = opening(d);
  const venue = firstMatch(GAMBLING_VENUE_RE, text);
  const wares = venue && firstMatch(GAMBLING_WARES_RE, text);
  return wares ? `${venue} / ${wares}` : null;
}

// An operator's offer spelled out: the terms a casino guide lists and a report on the industry rarely needs.
const GAMBLING_OFFER_TERMS: RegExp[] = [
  /\bwelcome (?:bonus|package|offer)\b/i,
  /\b(?:deposit|reload|no-deposit|no deposit|sign-?up|first-deposit) bonus(?:es)?\b/i,
  /\bfree spins\b/i,
  /\bwagering (?:requirements?|conditions)\b|\bplaythrough\b|\brollover requirements?\b/i,
  /\b(?:bonus|promo|referral) codes?\b/i,
  /\brakeback\b|\bcashback (?:bonus|offer|rewards?)\b|\bVIP (?:program|club|levels?)\b/i,
  /\bprovably fair\b|\blive (?:dealer|casino)\b|\bRTP\b|\bslot (?:games|machines)\b|\bsportsbook\b/i,
];

const GAMBLING_OFFER_MIN = 3; // different terms of an operator's offer

// One scan for any of the offer's words before the terms are told apart: most texts have none of them.
const GAMBLING_OFFER_WORDS_RE = /bonus|spins|wagering|playthrough|rollover|promo code|referral code|rakeback|cashback|VIP|provably|live dealer|live casino|RTP|slot games|slot machines|sportsbook/i;

function gamblingOffer(d: KindDoc): string | null {
  if (!GAMBLING_OFFER_WORDS_RE.test(d.text)) return null;
  const found = GAMBLING_OFFER_TERMS.map((re) => firstMatch(re, d.text)).filter((m): m is string => m !== null);
  return found.length >= GAMBLING_OFFER_MIN ? found.join(' / ') : null;
}

// --- Yield schemes: cloud mining and passive-income plans, named in the opening with the income they promise.
// Cloud mining sold without its name: mining "without hardware", hash power for rent. (Not "a mining app" or "mine from
// your phone": that is also how phone-mining networks are reported on.)
const YIELD_SCHEME_RE =
  /\bcloud[- ]mining\b|\bmining (?:contracts?|plans?|packages?|rigs? rental)\b|\bhash ?(?:rate|power) (?:rental|contracts?|plans?|packages?)\b|\brent(?:s|ing)? hash ?(?:rate|power)\b|\bmin(?:e|ing) (?:\w+ ){0,2}?without (?:any )?(?:hardware|equipment|rigs?|machines?)\b|\bpassive[- ]income (?:platform|app|plan)s?\b/i;

const PROMISED_INCOME_RE =
  /\b(?:daily|weekly|monthly|stable|steady|passive|guaranteed) (?:income|earnings|returns?|profits?|payouts?|rewards)\b|\bearn(?:ing|s)? (?:up to |over |about )?\$[\d,.]+[kK]?\b|\b(?:free|sign-?up|registration|welcome|new-user) (?:\$[\d,.]+ )?(?:bonus|credit|reward|trial)\b|\$[\d,.]+ (?:sign-?up |welcome |registration )?bonus\b|\bpay(?:s|outs?)? (?:out )?(?:daily|every day|each day|every 24 hours)\b|\bper day\b|\ba day\b/i;


// The plan's terms in the body: a contract's price, term and payout ("$100 | 2 days | $108"), a referral bonus.
const PLAN_TERMS: RegExp[] = [
  PROMISED_INCOME_RE,
  /\b(?:contracts?|plans?)\b[^.\n]{0,60}?\b\d{1,3}\s*days?\b|\$[\d,.]+\s*[|/–-]\s*\d{1,3}\s*days?\b/i,
  /\breferral (?:bonus|commission|rewards?|program)\b|\binvite friends\b/i,
  /\b(?:principal|capital) (?:is )?(?:returned|back)\b|\bautomatic(?:ally)? (?:settled|credited|paid)\b/i,
];
const PLAN_TERMS_MIN = 2; // different terms of a plan, when the opening does not name the scheme with its income

function yieldScheme(d: KindDoc): string | null {
  if (ENFORCEMENT_RE.test(d.title)) return null;
  const text = lede(d);
  const scheme = firstMatch(YIELD_SCHEME_RE, text);
  const income = scheme && firstMatch(PROMISED_INCOME_RE, text);
  if (scheme && income) return `${scheme} / ${income}`;
  // a news hook first, the plan further down
  const named = scheme ?? firstMatch(YIELD_SCHEME_RE, d.text);
  if (!named) return null;
  const terms = PLAN_TERMS.map((re) => firstMatch(re, d.text)).filter((m): m is string => m !== null);
  return terms.length >= PLAN_TERMS_MIN ? `${named} / ${terms.join(' / ')}` : null;
}

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
  { name: 'buy-list headline', weight: 2, test: (d) => firstMatch(BUY_LIST_TITLE_RE, d.title) },
  { name: 'watch-list headline', weight: 1, test: (d) => (BUY_LIST_TITLE_RE.test(d.title) ? null : firstMatch(WATCH_LIST_TITLE_RE, d.title)), opening: true },
  { name: 'hype headline', weight: 1, test: (d) => firstMatch(HYPE_TITLE_RE, d.title), opening: true },
  { name: 'promised-gain headline', weight: 1, test: (d) => promisedGain(d.title), opening: true },
  // A news story does not end by handing the reader a token's website and Telegram.
  { name: 'project link block', weight: 2, test: (d) => firstMatch(PROJECT_LINKS_RE, d.tail) ?? saleLinks(d.tail) },
  { name: 'call to buy', weight: 1, test: (d) => firstMatch(BUY_CALL_RE, d.tail) },
  { name: 'follow-the-links close', weight: 1, test: (d) => firstMatch(FOLLOWING_LINKS_RE, d.tail) },
  { name: 'giveaway', weight: 1, test: (d) => firstMatch(GIVEAWAY_RE, d.tail) ?? firstMatch(/\bgiveaway\b/i, d.title) },
  { name: 'ROI hype', weight: 1, test: roiHype, opening: true },
  { name: 'gambling promo', weight: 1, test: (d) => firstMatch(GAMBLING_TITLE_RE, d.title), opening: true },
  { name: 'token-sale terms', weight: 2, test: tokenSaleTerms },
  { name: 'buy pitch', weight: 1, test: buyPitch, opening: true },
  { name: 'responsible-gambling notice', weight: 2, test: responsibleGambling },
  { name: 'gambling offer', weight: 2, test: gamblingOffer },
  { name: 'gambling guide', weight: 2, test: gamblingGuide, opening: true },
  { name: 'gambling vocabulary in the opening', weight: 1, test: gamblingClass, opening: true },
  { name: 'yield-scheme promo', weight: 2, test: yieldScheme },
  { name: 'sale figure pushed', weight: 1, test: saleFigurePushed, opening: true },
  { name: 'sale released as news', weight: 2, test: releasedSale },
  { name: 'reader told to buy', weight: 1, test: readerToldToBuy, opening: true },
  { name: 'new-token pitch', weight: 1, test: newTokenPitch, opening: true },
  { name: 'newcomer beside known coins', weight: 1, test: newcomerBesideKnown, opening: true },
  { name: 'newcomer in a race of known coins', weight: 1, test: versusNewcomer, opening: true },
  { name: 'newcomer after a known-coin hook', weight: 1, test: newcomerAfterKnownHook, opening: true },
  { name: 'rotation into a newcomer', weight: 1, test: (d) => firstMatch(ROTATION_RE, opening(d)), opening: true },
  { name: 'hunt for the next winner', weight: 1, test: (d) => firstMatch(NEXT_WINNER_HUNT_RE, opening(d)), opening: true },
  { name: 'hunt for bargain tokens', weight: 1, test: bargainHunt, opening: true },
  { name: 'promise on an unknown token', weight: 1, test: promiseOnUnknown, opening: true },
  { name: 'unnamed newcomer pitched', weight: 1, test: (d) => (ROTATION_RE.test(opening(d)) ? null : firstMatch(NEWCOMER_PITCH_RE, opening(d))), opening: true },
  { name: 'mystery-token headline', weight: 1, test: (d) => firstMatch(MYSTERY_TOKEN_TITLE_RE, d.title), opening: true },
  {
    name: 'promo slug',
    weight: 1,
    opening: true,
    test: (d) => (PROMO_SLUG_RE.test(d.title.toLowerCase()) || HYPE_TITLE_RE.test(d.title) || BUY_LIST_TITLE_RE.test(d.title) ? null : firstMatch(PROMO_SLUG_RE, d.slug)),
  },
  // Many weak shapes of a promotion in the opening, weighed together by a model fitted on cryptoprism (form-score.ts); its
  // threshold keeps precision on outlets left out of the fit.
  { name: 'promotion form (learned)', weight: 2, test: sponsoredForm, opening: true, learned: true },
  { name: 'promotion form, weak (learned)', weight: 1, test: sponsoredFormHint, opening: true, learned: true },
];
