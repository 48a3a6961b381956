/**
 * The price-move level: a story whose headline reports that a coin moved to a price ("Bitcoin rallies to
 * $124K", "ETH slips below $4,000") names its event by (coin, direction, level) and the time it was
 * published. Write-ups of one move share little else: each outlet explains it with its own drivers, so
 * their same-event cosine stays low, while the labelling rules (rule 5 of the gold READMEs) make them one
 * event: same asset, same move, same day or session. This module only reads the move off the text; which
 * kinds of story may match on it, how close the levels and times must be, is the placement's business.
 *
 * A move is read only when the headline
 *   - names a coin (the first one it names, from the coin table),
 *   - reports a move in the indicative: a movement verb or phrase ("rallies", "tops", "slides below",
 *     "new all-time high"), and no forecast marker ("could", "may", "to hit", "prediction", a question mark),
 *   - and a price level: the first dollar amount in the headline, else in the lede's first sentences;
 *     an amount in millions or more (a market cap, a flow) is not a coin's price.
 */
import { COIN_TABLE } from '../label/coin-table.ts';
import { AMOUNT_SCALE, escapeRegExp } from '../text-patterns.ts';

export type Direction = 'up' | 'down';

export interface PriceMove {
  coin: string; // symbol, e.g. "BTC"
  direction: Direction;
  level: number; // dollars
}

/** The lede read when the headline has no level: the first sentences, enough for "...rose to $123,800 on Friday". */
const LEDE_WORDS = 60;


/** Coin symbol by every form a headline writes it in, longest first so "Bitcoin Cash" wins over "Bitcoin". */
const COIN_FORMS: [string, string][] = COIN_TABLE.flatMap((c) => [
  [c.symbol, c.symbol] as [string, string],
  ...(c.nameIsWord ? [] : [[c.name, c.symbol] as [string, string]]),
  ...(c.names ?? []).map((n) => [n, c.symbol] as [string, string]),
])
  .filter(([f]) => f.length >= 2) // a one-letter symbol ("S") is the tail of "U.S."
  .sort((a, b) => b[0].length - a[0].length);
const COIN_BY_FORM = new Map(COIN_FORMS.map(([f, s]) => [f.toLowerCase(), s]));
const COIN_RE = new RegExp(`(?<![\\p{L}\\p{N}$.])(${COIN_FORMS.map(([f]) => escapeRegExp(f)).join('|')})(?![\\p{L}\\p{N}])`, 'u');

const UP = [
  'rall(?:y|ies|ied|ying)', 'surg(?:e|es|ed|ing)', 'soar(?:s|ed|ing)?', 'climb(?:s|ed|ing)?', 'jump(?:s|ed|ing)?',
  'ris(?:e|es|ing)', 'rose', 'gained', 'hit(?:s|ting)?', 'top(?:s|ped|ping)?', 'reclaim(?:s|ed|ing)?',
  'near(?:s|ed|ing)', 'flirt(?:s|ed|ing)? with', 'chas(?:e|es|ed|ing)', 'rocket(?:s|ed|ing)?', 'touch(?:es|ed|ing)?',
  'cross(?:es|ed|ing)?', 'surpass(?:es|ed|ing)?', 'breach(?:es|ed|ing)?', 'smash(?:es|ed|ing)?', 'spik(?:e|es|ed|ing)', 'pump(?:s|ed|ing)?', 'rebound(?:s|ed|ing)?',
  'recover(?:s|ed|ing)?', 'break(?:s|ing)? (?:out )?(?:above|past|through)', 'broke (?:out )?(?:above|past|through)',
  'edg(?:e|es|ed|ing) (?:up|higher)', 'blast(?:s|ed|ing)? past', 'pushes (?:past|above)',
  '(?:above|past|over) (?=\\$)', '(?:new|fresh) (?:all-time|record) highs?', '(?:all-time|record) highs?', 'ath',
];
const DOWN = [
  'drop(?:s|ped|ping)?', 'fall(?:s|ing)?', 'fell', 'slid(?:e|es|ing)?', 'slip(?:s|ped|ping)?', 'tumbl(?:e|es|ed|ing)',
  'plung(?:e|es|ed|ing)', 'sink(?:s|ing)?', 'sank', 'dip(?:s|ped|ping)?', 'dump(?:s|ed|ing)?', 'crash(?:es|ed|ing)?',
  'los(?:e|es|t|ing)', 'retreat(?:s|ed|ing)?', 'declin(?:e|es|ed|ing)', 'slump(?:s|ed|ing)?', 'shed(?:s|ding)?',
  'fad(?:e|es|ed|ing)', 'tank(?:s|ed|ing)?', 'par(?:e|es|ed|ing)', 'pull(?:s|ed|ing)? back', 'giv(?:e|es|ing) back',
  '(?:below|under) (?=\\$)',
];
/** A move verb within MAX_GAP words after the coin: the coin is its subject ("Bitcoin (BTC) Price Touched $124K"). */
const MAX_GAP = 3;
const verbRe = (verbs: string[]) => new RegExp(`^(?:\\S+\\s+){0,${MAX_GAP}}?(?:${verbs.join('|')})(?:\\b|(?<=\\s))`, 'i');
const UP_RE = verbRe(UP);
const DOWN_RE = verbRe(DOWN);
const COIN_RE_G = new RegExp(COIN_RE.source, 'gu');
/** A forecast, a question or a conditional is not a report of a move. */
const FORECAST = /\?|\b(?:could|may|might|will|would|should|can|to (?:hit|reach|test|touch|top|break)|eyes?|targets?|predicts?|prediction|forecasts?|outlook|expects?|next|ahead|if)\b/i;

/** A headline that calls itself a digest or briefing heads a multi-topic edition, not a report of one move. */
const DIGEST = /\b(?:digest|round-?up|briefing|newsletter|daybook|recap)\b/i;

const AMOUNT = /\$\s?(\d[\d,]*(?:\.\d+)?)\s?(k|m|b|t|thousand|million|billion|trillion)?(?![\p{L}\p{N}])/giu;

/** The first dollar amount that can be a coin's price: below a million dollars (larger ones are caps and flows). */
function firstLevel(text: string): number | null {
  for (const m of text.matchAll(AMOUNT)) {
    const unit = m[2]?.toLowerCase();
    const v = Number(m[1].replace(/,/g, '')) * (unit ? AMOUNT_SCALE[unit] : 1);
    if (Number.isFinite(v) && v > 0 && v < 1e6) return v;
  }
  return null;
}

function lede(text: string): string {
  const words = text.split(/\s+/).slice(0, LEDE_WORDS).join(' ');
  return words;
}

/** The move the headline reports, or null (no coin, no indicative move verb, a forecast, or no level). */
export function priceMove(title: string, text: string): PriceMove | null {
  if (FORECAST.test(title) || DIGEST.test(title)) return null;
  for (const coin of title.matchAll(COIN_RE_G)) {
    const symbol = COIN_BY_FORM.get(coin[1].toLowerCase());
    if (!symbol) continue;
    const after = title.slice(coin.index + coin[0].length).replace(/^['’]s\b/, '').trimStart();
    const up = UP_RE.exec(after);
    const down = DOWN_RE.exec(after);
    if (!up && !down) continue;
    const verb = up && (!down || up[0].length <= down[0].length) ? up : down!;
    const direction: Direction = verb === up ? 'up' : 'down';
    // The level the verb moves to, else the lede's, read in the first sentence that names the coin.
    const level = firstLevel(after.slice(verb[0].length)) ?? firstLevel(coinSentence(lede(text), symbol));
    if (level === null) return null;
    return { coin: symbol, direction, level };
  }
  return null;
}

/** The first sentence of `text` that names the coin, or '' when none does. */
function coinSentence(text: string, symbol: string): string {
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    for (const m of sentence.matchAll(COIN_RE_G)) if (COIN_BY_FORM.get(m[1].toLowerCase()) === symbol) return sentence;
  }
  return '';
}

/** The stored form, a fingerprint feature of weight 0 ("p:BTC:up:124000"); see encode.ts. */
export function moveFeature(m: PriceMove): string {
  return `p:${m.coin}:${m.direction}:${Math.round(m.level * 1e6) / 1e6}`;
}

export function parseMoveFeature(f: string): PriceMove | null {
  const m = /^p:([^:]+):(up|down):([\d.e+-]+)$/.exec(f);
  return m ? { coin: m[1], direction: m[2] as Direction, level: Number(m[3]) } : null;
}

/**
 * LSH keys of a move: the level's bucket on a log grid `band` wide. A story is stored under its bucket and
 * looks up its bucket and both neighbours, so two levels within `band` of each other always meet.
 */
export function moveKeys(m: PriceMove, band: number, query: boolean): string[] {
  const b = Math.floor(Math.log(m.level) / Math.log(1 + band));
  const buckets = query ? [b - 1, b, b + 1] : [b];
  return buckets.map((x) => `p:${m.coin}:${m.direction}:${x}`);
}

/** Same coin, same direction, levels within `band` (relative) of each other. */
export function sameMove(a: PriceMove, b: PriceMove, band: number): boolean {
  return a.coin === b.coin && a.direction === b.direction && Math.abs(Math.log(a.level / b.level)) <= Math.log(1 + band);
}
