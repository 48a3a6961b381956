/**
 * fingerprint: one story -> two levels of similarity evidence.
 *   near-copy   MinHash signature of the cleaned body's word shingles (copies, light rewrites)
 *   same-event  the FEATURES_KEPT heaviest names, figures, coins and rare words, weighted against the
 *               rolling document frequency (different write-ups of one happening)
 *   price move  the coin, direction and level a headline reports it moved to (write-ups of one price move)
 *   subjects    the actor the headline opens with (two actors' like happenings are two events)
 */
import { eventTerms, headlineFigures, ledeFigures, type EventDoc } from './event-terms.ts';
import { signature } from './minhash.ts';
import { shingleHashes } from './shingles.ts';
import { weigh, type DocFrequencies } from './weigh.ts';
import { priceMove, type PriceMove } from './price-move.ts';
import { headlineSubjects } from './subjects.ts';

export interface Fingerprint {
  signature: Uint32Array; // MinHash of body shingles (title excluded: outlets retitle copies)
  features: Map<string, number>; // same-event features, heaviest first, unit length
  words: number; // body length in words, for the completeness part of the canonical score
  move: PriceMove | null; // the price move the headline reports, if it reports one
  figures: string[]; // sums of millions or more the headline names, two significant digits ("$3.2b")
  lede: string[]; // sums, percentages and counts of the headline and the body's first words ("$48m", "12%"; empty when stored before)
  subjects: string[]; // the names the headline is about, as name tokens of the story's own text ("cleanspark"; empty when stored before)
}

/** Terms whose document frequency is read and counted per story: the heaviest raw ones, so one lookup suffices. */
export const TERMS_LOOKED_UP = 200;

/** The terms to look up in the document-frequency table before calling `fingerprint`. */
export function lookupTerms(doc: EventDoc, raw: Map<string, number> = eventTerms(doc)): string[] {
  return [...raw].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TERMS_LOOKED_UP).map(([t]) => t);
}

/** `raw` and `terms` may be passed when the caller already computed them (placeStory looks terms up first). */
export function fingerprint(
  doc: EventDoc,
  freq: DocFrequencies,
  raw: Map<string, number> = eventTerms(doc),
  terms: string[] = lookupTerms(doc, raw),
): Fingerprint {
  const kept = new Map(terms.map((t) => [t, raw.get(t) ?? 0]));
  return {
    signature: signature(shingleHashes(doc.text)),
    features: weigh(kept, freq),
    words: (doc.text.match(/\S+/g) ?? []).length,
    move: priceMove(doc.title, doc.text),
    figures: headlineFigures(doc.title),
    lede: ledeFigures(doc.title, doc.text),
    subjects: headlineSubjects(doc.title, doc.text),
  };
}

export { headlineSubjects } from './subjects.ts';
export { eventTerms, sameAmount, type EventDoc } from './event-terms.ts';
export { jaccard } from './minhash.ts';
export { cosine, type DocFrequencies } from './weigh.ts';
export { encodeFingerprint, decodeFingerprint } from './encode.ts';
export { nearKeys, eventKeys } from './lsh.ts';
export { priceMove, moveKeys, sameMove, type PriceMove } from './price-move.ts';
