/**
 * Turns raw same-event features into the few weighted ones a fingerprint keeps: raw weight times inverse
 * document frequency from the rolling table, top FEATURES_KEPT, unit length. A word every outlet uses today
 * ("bitcoin", "price") sinks; a name or figure only this happening's write-ups share rises.
 */
import { COIN_TABLE } from '../label/coin-table.ts';

/** Document frequencies as the store returns them: `df` misses a term nobody has used yet. */
export interface DocFrequencies {
  total: number; // documents counted, including the one being weighed
  df: ReadonlyMap<string, number>;
}

/** 60 features: enough for two write-ups of one event to overlap on several, and a short stored string. */
export const FEATURES_KEPT = 60;

/**
 * Rarity cannot be judged from a handful of documents: in a young table two write-ups of one event make every
 * shared term look common ("in 2 of 2 documents") and weigh ~0, so a fresh install could never group them.
 * Until the table holds this many documents, the missing ones are made up as pseudo-documents: a specific term
 * (a name, a figure, a rare word) appears in none of them, a topic term (a coin, by symbol or name) in
 * TOPIC_SHARE of them, which is what crypto news at large looks like. The prior fades as real documents arrive
 * and is gone past MIN_DOCUMENTS.
 */
export const MIN_DOCUMENTS = 100;
/** Bitcoin or ether is named in a large share of crypto stories: a coin is a topic, not a happening. */
export const TOPIC_SHARE = 0.2;

const TOPIC_WORDS: ReadonlySet<string> = new Set(
  COIN_TABLE.flatMap((c) => [c.symbol, c.name, ...(c.names ?? [])].map((w) => `w:${w.toLowerCase()}`)),
);
const isTopic = (term: string) => term.startsWith('c:') || TOPIC_WORDS.has(term);

/** Smoothed IDF; a term seen in every document weighs ~0, an unseen one the most (see MIN_DOCUMENTS). */
export function idf(df: number, total: number, topic = false): number {
  const pseudo = Math.max(0, MIN_DOCUMENTS - total);
  return Math.log((total + pseudo + 1) / (df + (topic ? TOPIC_SHARE * pseudo : 0) + 0.5));
}

export function weigh(raw: ReadonlyMap<string, number>, freq: DocFrequencies, keep: number = FEATURES_KEPT): Map<string, number> {
  const scored: [string, number][] = [];
  for (const [term, w] of raw) {
    const v = w * idf(Math.max(1, freq.df.get(term) ?? 1), freq.total, isTopic(term));
    if (v > 0) scored.push([term, v]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = scored.slice(0, keep);
  const norm = Math.hypot(...top.map(([, v]) => v)) || 1;
  return new Map(top.map(([t, v]) => [t, v / norm]));
}

/** Cosine of two unit-length sparse vectors. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, v] of small) {
    const w = big.get(t);
    if (w !== undefined) dot += v * w;
  }
  return dot;
}
