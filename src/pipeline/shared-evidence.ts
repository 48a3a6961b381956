/**
 * What two stories share, in words a reader checks: the names (people, organisations, products: storyline/names.ts),
 * the figures ("$48 million", "14,200 ETH") and the coins both give. The inspector lists them beside the cosines and
 * marks them in each text, so "same event (cosine 0.41)" reads as "both name Quillstone and $48 million".
 */
import { FIGURE_SOURCE, normaliseAmount } from './fingerprint/event-terms.ts';
import { COIN_TABLE } from './label/coin-table.ts';
import { nameTokens } from './storyline/names.ts';
import { escapeRegExp } from './text-patterns.ts';

export interface EvidenceDoc {
  title: string;
  text: string;
  coins: string[]; // symbols from the labeller
}

export interface SharedEvidence {
  names: string[]; // as the first story writes them: 'Electric Coin Company', 'Josh Swihart'
  figures: string[]; // as the first story writes them: '$48 million'
  coins: string[]; // symbols
  nameTokens: string[]; // lower case, for marking them in any text
  amounts: string[]; // normalised ('$48m'), for marking them in any text
}

export type HighlightKind = 'name' | 'figure' | 'coin';
export interface Highlight {
  start: number;
  end: number;
  kind: HighlightKind;
}

const WORD = /[\p{L}][\p{L}\p{N}'’-]*/gu;
/** A figure as the same-event features read it: a sum, a count with a unit, a percentage. */
const FIGURE = new RegExp(FIGURE_SOURCE, 'giu');
const YEAR = /^(19|20)\d\d$/;

export function sharedEvidence(a: EvidenceDoc, b: EvidenceDoc): SharedEvidence {
  const namesB = new Set(nameTokens(b.title, b.text).map((n) => n.token));
  const groups = new Map<number, string[]>();
  for (const n of nameTokens(a.title, a.text)) if (namesB.has(n.token)) groups.set(n.group, [...(groups.get(n.group) ?? []), n.token]);
  const amountsB = new Set(figures(`${b.title}\n${b.text}`).map((f) => f.amount));
  const shownA = new Map<string, string>();
  for (const f of figures(`${a.title}\n${a.text}`)) if (amountsB.has(f.amount) && !shownA.has(f.amount)) shownA.set(f.amount, f.surface);
  const coinsB = new Set(b.coins);
  return {
    names: [...groups.values()].map((tokens) => surfaceOf(tokens, `${a.title}\n${a.text}`)),
    figures: [...shownA.values()],
    coins: [...new Set(a.coins.filter((c) => coinsB.has(c)))],
    nameTokens: [...groups.values()].flat(),
    amounts: [...shownA.keys()],
  };
}

/** Where the shared names, figures and coins stand in a text (sorted, not overlapping). */
export function highlights(text: string, ev: Pick<SharedEvidence, 'nameTokens' | 'amounts' | 'coins'>): Highlight[] {
  const out: Highlight[] = [];
  const names = new Set(ev.nameTokens);
  const coinWords = new Set(ev.coins.flatMap((sym) => coinWordsOf(sym)));
  for (const m of text.matchAll(WORD)) {
    const lower = m[0].toLowerCase().replace(/['’](s)?$/, '');
    // a name is marked where it is written as one (capitalised); a coin by its symbol or name
    if (names.has(lower) && /^\p{Lu}/u.test(m[0])) out.push({ start: m.index, end: m.index + m[0].length, kind: 'name' });
    else if (coinWords.has(m[0]) || coinWords.has(lower)) out.push({ start: m.index, end: m.index + m[0].length, kind: 'coin' });
  }
  const amounts = new Set(ev.amounts);
  for (const f of figures(text)) if (amounts.has(f.amount)) out.push({ start: f.start, end: f.end, kind: 'figure' });
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  const merged: Highlight[] = [];
  for (const h of out) if (!merged.length || h.start >= merged[merged.length - 1].end) merged.push(h);
  return merged;
}

/**
 * A storyline anchor key ('w:quillstone', 'n:$48m') as a text writes it ('Quillstone', '$48 million'); the key's own
 * word when the text does not give it.
 */
export function anchorSurface(key: string, text: string): string {
  const [kind, value] = [key.slice(0, 2), key.slice(2)];
  if (kind === 'n:') return figures(text).find((f) => f.amount === value)?.surface ?? value;
  const m = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'giu');
  const found = [...text.matchAll(m)].map((x) => x[0]);
  return found.find((w) => /^\p{Lu}/u.test(w)) ?? found[0] ?? value;
}

interface Figure {
  amount: string;
  surface: string;
  start: number;
  end: number;
}

/** The figures of a text worth naming: sums, counts of a thousand or more, percentages; not years or small counts. */
function figures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const surface = m[0].trim();
    if (YEAR.test(surface)) continue;
    const amount = normaliseAmount(surface.replace(/\s+/g, ''));
    if (!amount) continue;
    const plainSmall = !/[$€£%kmbt]/i.test(amount) && Number(amount) < 1000; // "3 stablecoins", "Phase 2"
    if (plainSmall) continue;
    out.push({ amount, surface, start: m.index, end: m.index + surface.length });
  }
  return out;
}

/** The shared tokens of one name as a story writes them, in their order of first appearance ('Josh Swihart'). */
function surfaceOf(tokens: string[], text: string): string {
  const found = tokens.map((t) => {
    const m = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t)}(?![\\p{L}\\p{N}])`, 'iu').exec(text);
    return { at: m?.index ?? Infinity, word: m?.[0] ?? t };
  });
  return found
    .sort((x, y) => x.at - y.at)
    .map((f) => f.word)
    .join(' ');
}

function coinWordsOf(symbol: string): string[] {
  const entry = COIN_TABLE.find((c) => c.symbol === symbol);
  if (!entry) return [symbol];
  return [symbol, ...(entry.nameIsWord ? [] : [entry.name.toLowerCase()]), ...(entry.names ?? []).filter((n) => !/\s/.test(n)).map((n) => n.toLowerCase())];
}

