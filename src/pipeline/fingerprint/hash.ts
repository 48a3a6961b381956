/**
 * 32-bit hashing for shingles and MinHash permutations. Integer-only (Math.imul) so it runs the same,
 * and fast, in workerd and Node; no floating point means no overflow bias.
 */

/** FNV-1a over UTF-16 code units, finished with fmix32 so short strings spread over all 32 bits. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** MurmurHash3's finaliser: a bijection on 32-bit integers with full avalanche. */
export function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Combines an ordered pair of hashes (for shingles built from word hashes). */
export function combine(h: number, next: number): number {
  return fmix32(Math.imul(h ^ 0x9e3779b9, 31) + next);
}
