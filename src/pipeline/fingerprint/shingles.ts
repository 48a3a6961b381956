/**
 * Word shingles of a cleaned body, as 32-bit hashes for MinHash: the near-copy level of similarity
 * (syndicated copies, light rewrites). Words are lower-cased letters and digits only, so punctuation,
 * quotes and typography differences between copies do not break shingles.
 */
import { combine, hashString } from './hash.ts';

/** 3 words: long enough that two unrelated articles share few shingles, short enough to survive light rewording. */
export const SHINGLE_WORDS = 3;

const WORD = /[\p{L}\p{N}]+/gu;

export function shingleHashes(text: string, size: number = SHINGLE_WORDS): Uint32Array {
  const words = text.toLowerCase().match(WORD) ?? [];
  const wordHashes = words.map(hashString);
  const n = Math.max(0, wordHashes.length - size + 1);
  if (n === 0 && wordHashes.length > 0) return Uint32Array.of(wordHashes.reduce(combine)); // shorter than one shingle
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = wordHashes[i];
    for (let j = 1; j < size; j++) h = combine(h, wordHashes[i + j]);
    out[i] = h;
  }
  return out;
}
