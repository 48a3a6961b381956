/**
 * Form features of an article's opening (the headline and the first two or three sentences, what a teaser feed keeps),
 * for the learned form scores (form-score.ts; scripts/train-form-score.ts fits them). Each feature is named and, when it
 * fires, quotes its evidence, so that a label the score decided can say why. They read shapes, not one outlet's wording: tickers in brackets the coin table does
 * not know, sub-dime prices, multiples and gains in hundreds of percent, the reader addressed, a count of unnamed tokens in
 * the headline; a forecast's several price levels, chart words, horizons and modals of movement; and on the other side the
 * forms of a report (attribution, a move that happened, quotation).
 */
import { OPENING_CHARS, type KindDoc } from './doc.ts';
import { KNOWN_COIN_RE, KNOWN_SYMBOLS } from './known-coins.ts';

/** One feature's value on one article: 0 when it does not fire; `evidence` quotes what it read. */
export interface FeatureValue {
  value: number;
  evidence: string | null;
}

export interface FormFeature {
  name: string;
  read: (o: Opening) => FeatureValue;
}

/** The parts of the opening every feature reads, cut once. */
export interface Opening {
  title: string;
  body: string; // the first OPENING_CHARS of the body
  all: string; // title and body, one line break between
}

export function openingOf(d: KindDoc): Opening {
  const body = d.head.slice(0, OPENING_CHARS);
  return { title: d.title, body, all: `${d.title}\n${body}` };
}

const NONE: FeatureValue = { value: 0, evidence: null };

/** 1 and the first match when `re` matches `text`. */
function has(re: RegExp, text: string): FeatureValue {
  const m = re.exec(text);
  return m ? { value: 1, evidence: m[0].trim().slice(0, 60) } : NONE;
}

// How many distinct matches of a global `re`, as log2(1 + n): the second and third add less than the first.
function count(re: RegExp, text: string): FeatureValue {
  const seen = new Set<string>();
  for (const m of text.matchAll(re)) seen.add(m[0].trim().slice(0, 40));
  return seen.size ? { value: Math.log2(1 + seen.size), evidence: [...seen].slice(0, 3).join(' / ') } : NONE;
}

// --- shared shapes
// A ticker in brackets or a cashtag the coin table does not know: "Zorvex (ZVX)", "$ZVX". An acronym spelled out before
// its brackets ("Moving Average Convergence Divergence (MACD)") is not a ticker.
const TICKER_RE = /([A-Z][\w.]*(?: [A-Z][\w.]*){0,2}) \(\$?([A-Z][A-Z0-9]{1,9})\)|(?<![\w$])\$([A-Z][A-Z0-9]{1,9})\b/g;

function unknownTickers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(TICKER_RE)) {
    const ticker = m[2] ?? m[3];
    if (KNOWN_SYMBOLS.has(ticker)) continue;
    const name = m[1] ?? '';
    const initials = name.split(/[\s-]+/).filter(Boolean).slice(-ticker.length).map((w) => w[0].toUpperCase()).join('');
    if (name && (initials === ticker || KNOWN_COIN_RE.test(name))) continue;
    found.push(m[0]);
  }
  return found;
}

const KNOWN_COIN_GLOBAL_RE = new RegExp(KNOWN_COIN_RE.source, 'g'); // compiled once: the pattern holds every coin's names

function knownCoins(text: string): string[] {
  return [...new Set([...text.matchAll(KNOWN_COIN_GLOBAL_RE)].map((m) => m[0]))];
}

// Two features read the opening's unknown tickers: found once per opening.
const TICKERS = new WeakMap<Opening, string[]>();

function openingTickers(o: Opening): string[] {
  let t = TICKERS.get(o);
  if (!t) TICKERS.set(o, (t = unknownTickers(o.all)));
  return t;
}

const SUB_DIME_RE = /\$0\.0\d+/g;
const KNOWN_BEFORE_CHARS = 25; // "Shiba Inu (SHIB) at $0.0000120": a known coin's own price, named just before it
const MULTIPLE_RE = /\b(?:[5-9]|\d{2,5})x\b(?!\d)/gi;
const BIG_PERCENT_RE = /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|[3-9]\d{2}|\d{4,6})\s?%/g;
const READER_RE = /\b(?:you|your|you(?:'|’)(?:re|ll|ve))\b/gi;
const QUOTE_OPEN_RE = /["“][^"”]{0,200}$/;
const UNNAMED_COUNT_TITLE_RE =
  /\b(?:top |best )?\d{1,2} (?:[\w$.-]+ ){0,2}(?:cryptos|cryptocurrencies|altcoins|tokens|coins|meme ?coins|presales|picks|gems|projects)\b/i;
// "Top 5 cryptocurrencies to watch this week" is an outlet's chart column, a list of what moves, not of what to buy.
const PICK_RE =
  /\b(?:best|top|most promising|hottest|cheapest|next big|undervalued|hidden)\b(?: [\w-]+){0,2} (?:crypto(?:currenc(?:y|ies))?s?|altcoins?|coins?|tokens?|presales?|meme ?coins?|gems?|picks?|plays?)\b(?! to watch\b)/gi;
const SALE_RE = /\b(?:pre-?sales?|ICO|IDO|token sale|(?:stage|phase) \d{1,2}|TGE|whitelist|early (?:buyers|investors|entry|adopters))\b/gi;
const WANT_RE =
  /\b(?:investors?|traders?|whales?|holders?|buyers?|smart money|capital)\b[^.!?\n]{0,40}?\b(?:look(?:s|ing)?|search(?:es|ing)?|hunt(?:s|ing)?|eye(?:s|ing)?|turn(?:s|ing)?|shift(?:s|ing)?|rotat(?:e|es|ing)|flock(?:s|ing)?|pour(?:s|ing)?|accumulat(?:e|es|ing)|load(?:s|ing)? up|pil(?:e|es|ing) into|scrambl(?:e|es|ing)|chas(?:e|es|ing))\b/gi;
const HYPE_RE =
  /\b(?:explosive|massive|huge|life-changing|skyrocket\w*|moon\w*|parabolic|buzz\w*|spotlight|frenzy|stealing|dominat\w*|unstoppable|gem|goldmine|viral|hype|FOMO|ground floor)\b/gi;
const TITLE_PIVOT_RE = /(?:,|:|–|—|-)? (?:but|while|as|and) (?:this|a|an|the|its)?\s?[A-Z$][\w$]+/;
const GAMBLING_RE = /\b(?:casinos?|sportsbooks?|betting|bookmakers?|slots|poker|wager\w*|free spins|jackpots?|bonus(?:es)?)\b/gi;
const YIELD_RE = /\b(?:cloud[- ]mining|mining (?:contracts?|plans?)|passive income|daily (?:income|earnings|returns|payouts)|hash ?power)\b/gi;

// A name set in capitals that the coin table does not know ("ZORVEX FINANCE"): promotions print their product so; short
// capitals are acronyms (SEC, ETF, CEO) and are left out.
const CAPITALS_NAME_RE = /(?<![\w$])[A-Z]{6,}(?: [A-Z]{3,})?(?![\w])/g;
const KNOWN_COIN_ANY_CASE_RE = new RegExp(KNOWN_COIN_RE.source, 'i'); // "BITCOIN" in a shouted headline is still Bitcoin
// An unnamed newcomer: "a newcomer", "this new token", "an emerging altcoin". Not "the new token": news points back with it
// to what it has named ("the new token standard").
const NEWCOMER_RE =
  /\b(?:newcomer|(?:a|an|this) (?:new|emerging|rising|trending|low-cap|early-stage|lesser-known|little-known|under-the-radar) (?:[\w-]+ )?(?:token|coin|altcoin|meme ?coin|project|crypto)|this (?:token|altcoin|project))\b/gi;
// A gain promised as a price path: "from $0.035 to $2", "turn $500 into $20,000": ten times or more.
const PATH_RE = /\$\s?(\d[\d,]*(?:\.\d+)?)\s?([kK])?\s(?:to|into)\s\$\s?(\d[\d,]*(?:\.\d+)?)\s?([kK])?/g;
const PATH_MIN_MULTIPLE = 10;

function pricePath(text: string): FeatureValue {
  for (const m of text.matchAll(PATH_RE)) {
    const from = Number(m[1].replace(/,/g, '')) * (m[2] ? 1_000 : 1);
    const to = Number(m[3].replace(/,/g, '')) * (m[4] ? 1_000 : 1);
    if (from > 0 && to / from >= PATH_MIN_MULTIPLE) return { value: 1, evidence: m[0] };
  }
  return NONE;
}

// --- a report's forms
const ATTRIBUTION_RE = /\b(?:said|says|told|according to|announced|reported|filed|confirmed|wrote|stated|disclosed|spokesperson)\b/gi;
const PAST_MOVE_RE =
  /\b(?:rose|fell|jumped|dropped|slid|climbed|surged|plunged|tumbled|rallied|sank|gained|lost|soared|slipped|dipped|added|shed)\b[^.!?]{0,30}?(?:\d+(?:\.\d+)?%|\$\s?\d)/gi;
const INSTITUTION_RE = /\b(?:SEC|CFTC|court|judge|regulators?|ministry|government|parliament|senate|Congress|Fed|central bank|Inc\.?|Corp\.?|Ltd\.?|NASDAQ|NYSE|shares|stock|lawsuit|CEO)\b/g;

// --- a forecast's forms
const LEVEL = String.raw`\$\s?\d[\d,.]*(?:\s?[kK]\b)?(?!\s?(?:[mMbBtT]\b|million|billion|trillion))`;
const LEVEL_RE = new RegExp(LEVEL, 'g');
const MODAL_LEVEL_RE = new RegExp(
  String.raw`\b(?:could|can|may|might|will|would|set to|poised to|expected to|likely to|on track to|eyes?|eyeing|targets?|targeting|toward|towards|aims? (?:for|at)|path to|next (?:stop|target|leg))\b[^.!?;]{0,40}?${LEVEL}`,
  'gi',
);
const MODAL_PERCENT_RE = /\b(?:could|can|may|might|will|set to|poised to|expected to|likely to)\b[^.!?;]{0,30}?\b\d{1,3}(?:\.\d+)?%/gi;
const CHART_RE =
  /\b(?:support|resistance|breakout|breakdown|trendline|neckline|fibonacci|RSI|MACD|EMA|SMA|moving average|wedge|triangle|channel|pattern|retest|consolidat\w*|oversold|overbought|golden cross|death cross|double (?:top|bottom)|head and shoulders)\b/gi;
const HORIZON_RE =
  /\bby (?:the )?(?:end of |mid-|year-end |early |late )?(?:20\d\d|Q[1-4]|year-end|Christmas|(?:January|February|March|April|May|June|July|August|September|October|November|December))\b|\byear-end\b|\b(?:next|coming) (?:few )?(?:days|weeks?|months?|quarter|cycle|bull run)\b|\bin (?:the )?(?:coming|next) (?:days|weeks|months)\b|\b(?:short|long|mid)[- ]term\b|\bin 20\d\d\b/gi;
const FORECAST_WORD_RE = /\b(?:predict\w*|forecast\w*|projection|outlook|targets?|price target|scenario|upside|downside)\b/gi;
const HOW_FAR_RE = /\b(?:how (?:high|low|far)|can [A-Z][\w]* (?:reach|hit)|will [A-Z][\w]* (?:reach|hit|top|break)|what(?:'|’)s next)\b/i;
const PUNDIT_RE = /\b(?:analysts?|traders?|experts?|strategists?|pundits?|technicians?|chartists?|AI|ChatGPT|models?)\b/gi;
const MODAL_RE = /\b(?:could|may|might|will|would|likely|poised|set to|expected to|potential(?:ly)?|possib(?:le|ility))\b/gi;
const BULL_BEAR_RE = /\b(?:bulls?|bears?|bullish|bearish|rally|rebound|correction|recovery|reversal)\b/gi;

export const SPONSORED_FEATURES: FormFeature[] = [
  {
    name: 'unknown ticker',
    read: (o) => {
      const t = openingTickers(o);
      return t.length ? { value: Math.log2(1 + new Set(t).size), evidence: t.slice(0, 2).join(' / ') } : NONE;
    },
  },
  {
    name: 'unknown ticker beside known coins',
    read: (o) => {
      const t = openingTickers(o);
      const k = t.length ? KNOWN_COIN_RE.exec(o.all) : null; // the first known coin is enough: the scan stops there
      return k ? { value: 1, evidence: `${t[0]} / ${k[0]}` } : NONE;
    },
  },
  {
    name: 'sub-dime price',
    read: (o) => {
      for (const m of o.all.matchAll(SUB_DIME_RE)) {
        if (KNOWN_COIN_RE.test(o.all.slice(Math.max(0, m.index - KNOWN_BEFORE_CHARS), m.index))) continue;
        return { value: 1, evidence: m[0] };
      }
      return NONE;
    },
  },
  { name: 'multiple of gains', read: (o) => count(MULTIPLE_RE, o.all) },
  { name: 'gain in hundreds of percent', read: (o) => count(BIG_PERCENT_RE, o.all) },
  {
    name: 'reader addressed',
    read: (o) => {
      for (const m of o.all.matchAll(READER_RE)) if (!QUOTE_OPEN_RE.test(o.all.slice(Math.max(0, m.index - 200), m.index))) return { value: 1, evidence: m[0] };
      return NONE;
    },
  },
  { name: 'count of unnamed tokens in the headline', read: (o) => has(UNNAMED_COUNT_TITLE_RE, o.title) },
  { name: 'a pick among tokens', read: (o) => count(PICK_RE, o.all) },
  { name: 'token-sale words', read: (o) => count(SALE_RE, o.all) },
  { name: "investors' want", read: (o) => count(WANT_RE, o.all) },
  // in any case but all capitals: "HYPE" is Hyperliquid's ticker
  { name: 'hype words', read: (o) => count(HYPE_RE, o.all.replace(/\b[A-Z]{3,}\b/g, ' ')) },
  {
    name: 'unknown name in capitals',
    read: (o) => {
      const names = [...o.all.matchAll(CAPITALS_NAME_RE)].map((m) => m[0]).filter((n) => !KNOWN_SYMBOLS.has(n) && !KNOWN_COIN_ANY_CASE_RE.test(n));
      return names.length ? { value: 1, evidence: names[0] } : NONE;
    },
  },
  { name: 'unnamed newcomer', read: (o) => count(NEWCOMER_RE, o.all) },
  { name: 'price path of multiples', read: (o) => pricePath(o.all) },
  { name: 'headline pivots to a second name', read: (o) => (KNOWN_COIN_RE.test(o.title) ? has(TITLE_PIVOT_RE, o.title) : NONE) },
  { name: 'headline question', read: (o) => has(/\?\s*$/, o.title) },
  { name: 'gambling words', read: (o) => count(GAMBLING_RE, o.all) },
  { name: 'yield-scheme words', read: (o) => count(YIELD_RE, o.all) },
  { name: 'attribution', read: (o) => count(ATTRIBUTION_RE, o.all) },
  { name: 'move that happened', read: (o) => count(PAST_MOVE_RE, o.all) },
  { name: 'institutions', read: (o) => count(INSTITUTION_RE, o.all) },
  { name: 'quotation', read: (o) => has(/["“][^"”]{12,}["”]/, o.all) },
];

// Trained and reported by scripts/train-form-score.ts, not read by the labeller: out of outlet its scores do not reach the
// precision wanted for price-prediction, as a signal or as a one-point hint (the script prints both). Kept beside the
// sponsored features, which share its shapes of a report, for the next attempt.
export const FORECAST_FEATURES: FormFeature[] = [
  { name: 'price levels', read: (o) => count(LEVEL_RE, o.all) },
  { name: 'price levels in the headline', read: (o) => count(LEVEL_RE, o.title) },
  { name: 'modal move to a level', read: (o) => count(MODAL_LEVEL_RE, o.all) },
  { name: 'modal move in percent', read: (o) => count(MODAL_PERCENT_RE, o.all) },
  { name: 'chart words', read: (o) => count(CHART_RE, o.all) },
  { name: 'horizon', read: (o) => count(HORIZON_RE, o.all) },
  { name: 'forecast words', read: (o) => count(FORECAST_WORD_RE, o.all) },
  { name: 'how far', read: (o) => has(HOW_FAR_RE, o.all) },
  { name: 'bulls and bears', read: (o) => count(BULL_BEAR_RE, o.all) },
  { name: 'headline question', read: (o) => has(/\?\s*$/, o.title) },
  { name: 'known coin in the headline', read: (o) => has(KNOWN_COIN_RE, o.title) },
  { name: 'known coins', read: (o) => ({ value: Math.log2(1 + knownCoins(o.all).length), evidence: knownCoins(o.all).slice(0, 3).join(' / ') || null }) },
  { name: 'attribution', read: (o) => count(ATTRIBUTION_RE, o.all) },
  { name: 'move that happened', read: (o) => count(PAST_MOVE_RE, o.all) },
  { name: 'institutions', read: (o) => count(INSTITUTION_RE, o.all) },
  { name: 'quotation', read: (o) => has(/["“][^"”]{12,}["”]/, o.all) },
  { name: 'pundits', read: (o) => count(PUNDIT_RE, o.all) },
  { name: 'modals', read: (o) => count(MODAL_RE, o.all) },
  {
    name: 'unknown ticker',
    read: (o) => {
      const t = unknownTickers(o.all);
      return t.length ? { value: 1, evidence: t[0] } : NONE;
    },
  },
];

/** Every feature's value on one opening, in the order of `features`. */
export function readFeatures(features: FormFeature[], o: Opening): FeatureValue[] {
  return features.map((f) => f.read(o));
}
