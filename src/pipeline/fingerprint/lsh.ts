/**
 * LSH keys of a fingerprint, stored in an indexed table `(key, item_id, published_at)`: two stories become
 * candidates when they share a key, so finding them is one indexed lookup, never a scan.
 *
 *   m<band>:<hex>   near-copy level: NEAR_BANDS bands of NEAR_ROWS MinHash bins each
 *   t:<feature>     same-event level: one key per top feature (a band of one row over the weighted sketch)
 * A story is stored under its near keys and EVENT_KEYS event keys, and looks up all its features.
 */
import { combine } from './hash.ts';
import { NUM_BINS } from './minhash.ts';

/**
 * 32 bands x 4 rows: a pair with Jaccard 0.5 shares a band with probability 1-(1-0.5^4)^32 = 0.87, one
 * with 0.2 only 0.05, so light rewrites are found and unrelated stories rarely collide.
 */
export const NEAR_ROWS = 4;
export const NEAR_BANDS = NUM_BINS / NEAR_ROWS;
/**
 * Top same-event features stored as keys; a query uses all of its kept features. Two write-ups of one
 * event in different words share names and figures, but rarely in the same order of weight: with 8 keys
 * each side such pairs were missed, and with 24 each side they still were in some arrival orders.
 */
export const EVENT_KEYS = 24;

export function nearKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < NEAR_BANDS; b++) {
    let h = b;
    for (let r = 0; r < NEAR_ROWS; r++) h = combine(h, signature[b * NEAR_ROWS + r]);
    keys.push(`m${b}:${h.toString(36)}`);
  }
  return keys;
}

/** Keys of the heaviest features (the map is ordered heaviest first, as `weigh` returns it). */
export function eventKeys(features: ReadonlyMap<string, number>, count: number = EVENT_KEYS): string[] {
  return [...features.keys()].slice(0, count).map((f) => `t:${f}`);
}
