/**
 * The same-event level: features that survive rewriting. Two outlets describing one happening in their own
 * words still name the same people, organisations and places, quote the same figures with their units
 * ("$2 billion", "35 attacks", "629 BTC") and name the same coins. Each feature is a string with a prefix
 * saying what it is, and a raw weight (how prominent it is in this story) before document frequency.
 *
 *   w:korea          content word (lower case, not a stop word); names (capitalised inside a sentence) weigh more
 *   n:$2b            amount, normalised ("$2 billion" = "$2,000,000,000" = "$2B")
 *   n:35 attacks     number with the noun that follows it
 *   c:BTC            coin symbol from the labeller
 */
import { STOPWORDS } from './stopwords.ts';
import { AMOUNT_SCALE } from '../text-patterns.ts';

export interface EventDoc {
  title: string;
  text: string;
  coins: string[];
}

/** Title words count as much as three body mentions: the headline names the happening. */
const TITLE_WEIGHT = 3;
/** The lede states the happening; later paragraphs drift into background shared with other stories. */
const LEDE_WORDS = 250; // words
const TAIL_WEIGHT = 0.5;
/** Long bodies stop adding evidence: cap the words read so per-story CPU stays flat. */
const MAX_BODY_WORDS = 1500; // words
const COIN_WEIGHT = 2;
const NAME_WEIGHT = 1.5;
const NUMBER_WEIGHT = 1.5; // a figure with its unit is rarer than a word, and rewrites keep it
/**
 * A sum of millions or more is also rounded to two significant digits ("$3.24 billion" and "$3.2B" meet),
 * weighing this share. Not smaller figures: coin prices ($91,200 vs $91,600) are levels, matched by price-move.ts.
 */
const COARSE_WEIGHT = 1;

/**
 * The units a figure is written with, signs and words alike: outlets spell one figure "30%" or "30 percent", "$2B" or
 * "$2bn" or "$2 billion" (UNIT_SPELLINGS maps each word to its sign), and a rewrite keeps the figure, not the spelling.
 */
const UNIT = String.raw`(?:%|(?:percent|per cent|pct|bn|bln|mln|mn)\b|[kmbt]\b|(?:thousand|million|billion|trillion)\b)`;
const UNIT_SPELLINGS: Readonly<Record<string, string>> = { percent: '%', pct: '%', bn: 'b', bln: 'b', mln: 'm', mn: 'm' };
/** A figure as the same-event features read it: a sum, a count with a unit, a percentage. */
export const FIGURE_SOURCE = String.raw`[$€£]?\d[\d,]*(?:\.\d+)?(?:\s?${UNIT})?`;
const TOKEN = new RegExp(String.raw`${FIGURE_SOURCE}|[\p{L}][\p{L}\p{N}'’-]*`, 'giu');
/** Bare integers in this range are years, kept as written rather than scaled to "2.01k". */
const YEAR_MIN = 1900;
const YEAR_MAX = 2100;

/** Raw feature weights of one story: title and lede count more, each repeat adds less (log tf). */
export function eventTerms(doc: EventDoc): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (f: string, w: number) => counts.set(f, (counts.get(f) ?? 0) + w);
  scan(doc.title, TITLE_WEIGHT, TITLE_WEIGHT, add);
  scan(doc.text, 1, TAIL_WEIGHT, add);
  for (const c of doc.coins) add(`c:${c.toUpperCase()}`, COIN_WEIGHT);
  const out = new Map<string, number>();
  for (const [f, c] of counts) out.set(f, 1 + Math.log(1 + c));
  return out;
}

function scan(text: string, ledeWeight: number, tailWeight: number, add: (f: string, w: number) => void): void {
  let i = 0;
  let previousEnd = 0;
  let pendingAmount: string | null = null; // a figure waiting for the noun that follows it
  let pendingWeight = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (i >= MAX_BODY_WORDS) break;
    const tok = m[0];
    const sentenceStart = i === 0 || SENTENCE_END.test(text.slice(previousEnd, m.index));
    previousEnd = m.index + tok.length;
    const w = i++ < LEDE_WORDS ? ledeWeight : tailWeight;
    const first = tok.charCodeAt(0);
    if (first === 36 /* $ */ || first === 0x20ac /* € */ || first === 0xa3 /* £ */ || (first >= 48 && first <= 57)) {
      pendingAmount = normaliseAmount(tok);
      pendingWeight = w * NUMBER_WEIGHT;
      if (pendingAmount !== null) {
        add(`n:${pendingAmount}`, pendingWeight);
        const coarse = /[mbt]$/.test(pendingAmount) ? normaliseAmount(tok, 2) : null;
        if (coarse !== null && coarse !== pendingAmount) add(`n:${coarse}`, pendingWeight * COARSE_WEIGHT);
      }
      continue;
    }
    const lower = tok.toLowerCase().replace(POSSESSIVE, '');
    const stop = STOPWORDS.has(lower);
    if (pendingAmount !== null && !stop && !sentenceStart) add(`n:${pendingAmount} ${lower}`, pendingWeight);
    pendingAmount = null;
    // A capitalised word inside a sentence is a name (person, organisation, place): rewrites keep names.
    const name = !sentenceStart && tok[0] !== lower[0];
    if (lower.length >= 3 && !stop) add(`w:${lower}`, name ? w * NAME_WEIGHT : w);
  }
}

const SENTENCE_END = /[.!?:;\n]/;

const MONEY = new RegExp(String.raw`[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?${UNIT})?`, 'giu');

/**
 * The sums of millions or more a headline names, at two significant digits ("$3.24 billion" -> "$3.2b"):
 * a raise, a hack, a week of flows. Two headlines naming the same such sum usually name one happening.
 */
export function headlineFigures(title: string): string[] {
  const out = new Set<string>();
  for (const m of title.matchAll(MONEY)) {
    const f = normaliseAmount(m[0].replace(/\s+/g, ' ').trim().replace(/^([$€£]) /, '$1'), 2);
    if (f && /[mbt]$/.test(f)) out.add(f);
  }
  return [...out];
}
const POSSESSIVE = /['’](s)?$/;

/**
 * The figures a story opens with: its headline and first LEDE_FIGURE_WORDS words of body give the sums, percentages
 * and counts of its happening ("$60 million drained", "up 12%", "14,200 ETH"), three significant digits. Years and
 * bare small numbers ("3 stablecoins", "Phase 2") say nothing of the happening and are left out. Two reports of one
 * happening open with one of its figures; the same actors a day later with other figures is a later development
 * (losses updated from $48M to $60M, a second purchase), which placeStory reads from these.
 */
export function ledeFigures(title: string, text: string): string[] {
  const words = text.match(/\S+/g) ?? [];
  const lede = `${title}\n${words.slice(0, LEDE_FIGURE_WORDS).join(' ')}`;
  const out = new Set<string>();
  for (const m of lede.matchAll(LEDE_FIGURE)) {
    const surface = m[0].replace(/\s+/g, '');
    const f = normaliseAmount(surface);
    if (f === null || /^\d+$/.test(f)) continue; // a year, or a bare count under a thousand
    out.add(f);
  }
  return [...out];
}
/** The lede a teaser feed gives (one or two sentences): figures deeper in a full body are background, not the happening. */
const LEDE_FIGURE_WORDS = 50; // words
const LEDE_FIGURE = new RegExp(FIGURE_SOURCE, 'giu');

/**
 * Whether two normalised figures ("$41m", "$40m"; "12.5%") are one figure as two outlets round it: the same currency
 * and kind, within FIGURE_TOLERANCE of each other ("$41 million" and "$40M", "$586 million" and "$580M").
 */
export function sameAmount(a: string, b: string): boolean {
  if (a === b) return true;
  const x = amountValue(a);
  const y = amountValue(b);
  if (!x || !y || x.sign !== y.sign || x.percent !== y.percent) return false;
  return Math.abs(x.value - y.value) <= FIGURE_TOLERANCE * Math.max(x.value, y.value);
}
/** Relative: rounding a sum to two significant digits moves it up to ~2.5 %; $7.4B and $7B (5 %) are two sums. */
const FIGURE_TOLERANCE = 0.03;
const SCALE: Record<string, number> = { '': 1, k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

function amountValue(f: string): { sign: string; percent: boolean; value: number } | null {
  const m = /^([$€£]?)(\d+(?:\.\d+)?)(%|[kmbt])?$/.exec(f);
  if (!m) return null;
  const percent = m[3] === '%';
  return { sign: m[1], percent, value: Number(m[2]) * (percent ? 1 : SCALE[m[3] ?? '']) };
}

/**
 * "$2 billion" -> "$2b", "2,000,000,000" -> "2b", "$124,500" -> "$124k", "18.5%" -> "18.5%". Three
 * significant digits, truncated, so "$124K" and "$124,500" meet. Returns null for lone small integers
 * (list numbering, "1", "2") that identify nothing.
 */
export function normaliseAmount(tok: string, keep = 3): string | null {
  const m = /^([$€£]?)(\d[\d,]*(?:\.\d+)?)\s?(%|[kmbt]|thousand|million|billion|trillion|percent|per\s?cent|pct|bn|bln|mln|mn)?$/i.exec(tok);
  if (!m) return null;
  const [, dollar, digits, unitRaw] = m;
  const written = unitRaw?.toLowerCase().replace(/\s+/g, ''); // "per cent" -> "percent"
  const unit = written === undefined ? undefined : (UNIT_SPELLINGS[written] ?? written);
  const value = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  if (unit === '%') return `${dollar}${trim3(value, keep)}%`;
  const v = value * (unit ? AMOUNT_SCALE[unit] : 1);
  if (!dollar && !unit && v < 10) return null;
  if (!dollar && !unit && Number.isInteger(v) && v >= YEAR_MIN && v <= YEAR_MAX) return String(v); // a year
  return dollar + scaled(v, keep);
}

function scaled(v: number, d: number): string {
  if (v >= 1e12) return `${trim3(v / 1e12, d)}t`;
  if (v >= 1e9) return `${trim3(v / 1e9, d)}b`;
  if (v >= 1e6) return `${trim3(v / 1e6, d)}m`;
  if (v >= 1e3) return `${trim3(v / 1e3, d)}k`;
  return trim3(v, d);
}

/** `keep` (three) significant digits, truncated, no trailing zeros. */
function trim3(v: number, keep = 3): string {
  if (v === 0) return '0';
  const digits = Math.floor(Math.log10(Math.abs(v))) + 1;
  const f = Math.pow(10, Math.max(0, keep - digits));
  return String(Math.floor(v * f + 1e-9) / f);
}
