/**
 * MinHash by one-permutation hashing with optimal densification (Li, Owen & Zhang 2012; Shrivastava 2017).
 * Each element hash is mixed once: its top bits pick one of NUM_BINS bins, the mixed value competes for
 * that bin's minimum. Bins no element fell into borrow the minimum of another bin chosen by a probe
 * sequence that depends only on the bin number, so two sets borrow alike and the share of equal bins
 * stays an unbiased estimate of their Jaccard similarity. One hash per element instead of one per
 * element and permutation: the cost no longer grows with the signature length.
 * (The `minhash` package computes `a * h + b` in doubles, which loses bits above 2^53, and hashes the
 * string once per permutation.)
 */
import { fmix32 } from './hash.ts';

/** 128 bins: standard error of a Jaccard estimate sqrt(J(1-J)/128) <= 0.044; 512 bytes a signature. */
export const NUM_BINS = 128;
const BIN_SHIFT = 25; // 32 - log2(NUM_BINS): the top 7 bits choose the bin

/** Fixed salts, so signatures are comparable across runs, workers and machines. */
const VALUE_SALT = 0x2545f491;
const PROBE_SALT = 0x9e3779b9;
const EMPTY = 0xffffffff; // larger than any value a bin can hold (values are 25-bit)

/** The signature of a set given as 32-bit element hashes (duplicates are harmless). Empty set: all EMPTY. */
export function signature(hashes: ArrayLike<number>): Uint32Array {
  const sig = new Uint32Array(NUM_BINS).fill(EMPTY);
  const n = hashes.length;
  for (let j = 0; j < n; j++) {
    const x = fmix32(hashes[j] ^ VALUE_SALT);
    const bin = x >>> BIN_SHIFT;
    const v = x & 0x1ffffff; // the low 25 bits order elements inside a bin
    if (v < sig[bin]) sig[bin] = v;
  }
  if (n > 0) densify(sig);
  return sig;
}

/** Fills empty bins from non-empty ones along a probe sequence keyed by (bin, attempt) only. */
function densify(sig: Uint32Array): void {
  const filled = sig.map((v) => (v === EMPTY ? 0 : 1));
  for (let bin = 0; bin < NUM_BINS; bin++) {
    if (filled[bin]) continue;
    for (let attempt = 1; ; attempt++) {
      const from = fmix32(Math.imul(bin + 1, PROBE_SALT) ^ Math.imul(attempt, 0x85ebca6b)) >>> BIN_SHIFT;
      if (filled[from]) {
        sig[bin] = sig[from];
        break;
      }
    }
  }
}

/** Estimated Jaccard similarity: the share of bins whose minima agree. Either set empty: 0. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error(`signature lengths differ: ${a.length} vs ${b.length}`);
  if (a[0] === EMPTY || b[0] === EMPTY) return 0; // after densification only an empty set has an EMPTY bin
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
