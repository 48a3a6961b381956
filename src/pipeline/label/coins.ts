/**
 * Coin labelling with evidence. Runs on the text as published (before the noise is removed): a ticker strip is
 * evidence too, and `removed` says which spans were strips (category 'ticker').
 *
 * Policy: a coin is a topic of the article only when the title or the prose names it. Coins seen only in a
 * ticker strip are dropped unless `keepStripOnly` is set (a strip lists the same ten coins on every page of an
 * outlet, so it says nothing about the story); when a topic coin is also in the strip, that evidence is kept.
 *
 * Ambiguous symbols (ONE, LINK, DOT...) found alone in prose are not evidence: they count only once the same
 * coin has strong evidence (its name, a cashtag, a pair, "(LINK)", the title, or a strip).
 */
import type { CoinEvidence, CoinTag, RemovedSpan } from '../types.ts';
import { COIN_TABLE, NOT_COIN_PHRASES, type CoinEntry } from './coin-table.ts';
import { escapeRegExp } from '../text-patterns.ts';

export interface LabelCoinsInput {
  title: string;
  text: string; // the body before noise removal; `removed` offsets point into it
  removed?: RemovedSpan[];
}

export interface LabelCoinsOptions {
  keepStripOnly?: boolean; // also return coins seen only in ticker strips
}

type Where = CoinEvidence['where'];
type How = CoinEvidence['how'];

interface Hit {
  coin: CoinEntry;
  where: Where;
  how: How;
  text: string;
  strong: boolean; // counts on its own as evidence of the coin
  inStrip: boolean;
  at: number; // offset in its field, for a stable order
}

const BY_SYMBOL = new Map<string, CoinEntry>(COIN_TABLE.map((c) => [c.symbol, c]));

const BY_NAME = new Map<string, CoinEntry>();
for (const coin of COIN_TABLE) {
  const forms = [...(coin.nameIsWord ? [] : [coin.name]), ...(coin.names ?? [])];
  // An ambiguous coin named like its symbol (EOS, UMA) must not bypass the ambiguity rule through its name.
  for (const form of forms) if (!(coin.ambiguous && form === coin.symbol)) BY_NAME.set(form, coin);
}

// Longest names first, so "Bitcoin Cash" wins over "Bitcoin". A name followed by ".com" is a domain, not the coin.
const NAME_RE = new RegExp(
  `(?<![A-Za-z0-9$])(${[...BY_NAME.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![A-Za-z0-9]|\\.[a-z])`,
  'g',
);
const NOT_COIN_RE = new RegExp(`\\b(?:${NOT_COIN_PHRASES.map(escapeRegExp).join('|')})(?![A-Za-z0-9])`, 'g');
const CASHTAG_RE = /(?<![A-Za-z0-9])\$([A-Za-z][A-Za-z0-9]{0,11})(?![A-Za-z0-9])/g;
// Quote currencies that close a trading pair; the coin of a pair is its base.
const PAIR_RE = /(?<![A-Za-z0-9$])([A-Z0-9]{1,10})\s?[/-]\s?(?:USDT|USDC|USD|FDUSD|USD1|BTC|ETH|EUR|KRW|JPY|TRY|GBP)(?![A-Za-z0-9])/g;
const PAREN_RE = /\(([A-Z0-9]{1,10})\)/g;
const AFTER_PROPER_NOUN_RE = /[A-Z][\w.]*\s*$/;
const SYMBOL_RE = /(?<![A-Za-z0-9$/-])([A-Z][A-Z0-9]{1,9})(?![A-Za-z0-9/])/g;

// A title typed in capitals makes every word look like a symbol; above this share of capital letters
// a title's bare ambiguous symbols are not trusted.
const SHOUTED_TITLE_UPPER_SHARE = 0.7;

export function labelCoins(input: LabelCoinsInput, options: LabelCoinsOptions = {}): CoinTag[] {
  const strips = (input.removed ?? []).filter((r) => r.category === 'ticker');
  const hits = [...scan(input.title, 'title', [], isShouted(input.title)), ...scan(input.text, 'body', strips, false)];

  const byCoin = new Map<string, Hit[]>();
  for (const h of hits) {
    const list = byCoin.get(h.coin.symbol);
    if (list) list.push(h);
    else byCoin.set(h.coin.symbol, [h]);
  }

  const ranked: { tag: CoinTag; inTitle: boolean; prose: number; first: number }[] = [];
  for (const list of byCoin.values()) {
    if (!list.some((h) => h.strong)) continue; // only bare ambiguous symbols: not this coin
    const topical = list.filter((h) => !h.inStrip);
    if (!topical.length && !options.keepStripOnly) continue;
    const coin = list[0].coin;
    ranked.push({
      tag: { symbol: coin.symbol, name: coin.name, evidence: dedupe(list) },
      inTitle: list.some((h) => h.where === 'title'),
      prose: topical.length,
      first: Math.min(...list.map((h) => (h.where === 'title' ? -1 : h.at))),
    });
  }
  ranked.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.prose - a.prose || a.first - b.first);
  return ranked.map((r) => r.tag);
}

function scan(text: string, where: Where, strips: RemovedSpan[], shouted: boolean): Hit[] {
  const hits: Hit[] = [];
  const inStrip = (at: number) => strips.some((s) => at >= s.start && at < s.end);
  const notCoin = [...text.matchAll(NOT_COIN_RE)].map((m) => [m.index, m.index + m[0].length]);
  const add = (coin: CoinEntry | undefined, how: How, m: RegExpExecArray, strong: boolean) => {
    if (!coin || notCoin.some(([s, e]) => m.index >= s && m.index < e)) return;
    const stripped = inStrip(m.index);
    hits.push({ coin, where, how: stripped ? 'ticker-strip' : how, text: m[0].trim(), strong: strong || stripped, inStrip: stripped, at: m.index });
  };
  for (const m of text.matchAll(NAME_RE)) add(BY_NAME.get(m[1]), 'name', m, true);
  for (const m of text.matchAll(CASHTAG_RE)) add(BY_SYMBOL.get(m[1].toUpperCase()), 'cashtag', m, true);
  for (const m of text.matchAll(PAIR_RE)) add(BY_SYMBOL.get(m[1]), 'pair', m, true);
  for (const m of text.matchAll(PAREN_RE)) {
    const coin = BY_SYMBOL.get(m[1]);
    // "Chainlink (LINK)" names a coin; "augmented reality (AR)" spells out an acronym.
    if (coin) add(coin, 'symbol', m, !coin.ambiguous || AFTER_PROPER_NOUN_RE.test(text.slice(Math.max(0, m.index - 40), m.index)));
  }
  for (const m of text.matchAll(SYMBOL_RE)) {
    const coin = BY_SYMBOL.get(m[1]);
    if (!coin) continue;
    const strong = !coin.ambiguous || (where === 'title' && !shouted && !inCapitalRun(text, m.index, m[0].length));
    add(coin, 'symbol', m, strong);
  }
  return hits;
}

/** "HOT NEWS:" or "BREAKING ONE": an ambiguous symbol beside a capitalised non-coin word, or before a colon, is a shout. */
function inCapitalRun(title: string, at: number, length: number): boolean {
  if (title.slice(at + length).startsWith(':')) return true;
  const before = title.slice(0, at).match(/([A-Z]{2,})\W*$/);
  const after = title.slice(at + length).match(/^\W*([A-Z]{2,})(?![a-z])/);
  return [before?.[1], after?.[1]].some((w) => w !== undefined && !BY_SYMBOL.has(w));
}

function isShouted(title: string): boolean {
  const letters = title.replace(/[^A-Za-z]/g, '');
  if (!letters) return false;
  return letters.replace(/[^A-Z]/g, '').length / letters.length > SHOUTED_TITLE_UPPER_SHARE;
}

function dedupe(hits: Hit[]): CoinEvidence[] {
  const seen = new Set<string>();
  const out: CoinEvidence[] = [];
  for (const h of hits) {
    const key = `${h.where}|${h.how}|${h.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ where: h.where, how: h.how, text: h.text });
  }
  return out;
}
