/**
 * Turns raw same-event features into the few weighted ones a fingerprint keeps: raw weight times inverse
 * document frequency from the rolling table, top FEATURES_KEPT, unit length. A word every outlet uses today
 * ("bitcoin", "price") sinks; a name or figure only this happening's write-ups share rises.
 */

/** Document frequencies as the store returns them: `df` misses a term nobody has used yet. */
export interface DocFrequencies {
  total: number; // documents counted, including the one being weighed
  df: ReadonlyMap<string, number>;
}

/** 60 features: enough for two write-ups of one event to overlap on several, and a short stored string. */
export const FEATURES_KEPT = 60;

/** Smoothed IDF; a term seen in every document weighs ~0, an unseen one the most. */
export function idf(df: number, total: number): number {
  return Math.log((total + 1) / (df + 0.5));
}

export function weigh(raw: ReadonlyMap<string, number>, freq: DocFrequencies, keep: number = FEATURES_KEPT): Map<string, number> {
  const scored: [string, number][] = [];
  for (const [term, w] of raw) {
    const v = w * idf(Math.max(1, freq.df.get(term) ?? 1), freq.total);
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
