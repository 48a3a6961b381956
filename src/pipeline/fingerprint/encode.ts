/**
 * The compact stored form of a fingerprint, one string per story:
 *   "1|<words>|<signature as base64>|<feature>=<weight x1000>;..."
 * Feature strings never contain '|', '=' or ';' (event-terms builds them from letters, digits, '$', '%', '.', ' ').
 * About 700 characters of signature and 500 of features. A price move rides along as one more feature of
 * weight 0 ("p:BTC:up:124000=0"): it never counts in a cosine, and fingerprints stored before it decode unchanged;
 * so do the headline's sums ("h:$48m=0"), the lede's figures ("l:12%=0") and the headline's subjects ("s:cleanspark=0").
 */
import type { Fingerprint } from './index.ts';
import { moveFeature, parseMoveFeature, type PriceMove } from './price-move.ts';

const VERSION = '1';
const WEIGHT_SCALE = 1000; // three decimals are finer than any threshold

export function encodeFingerprint(fp: Fingerprint): string {
  const bytes = new Uint8Array(fp.signature.buffer, fp.signature.byteOffset, fp.signature.byteLength);
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  const pairs = [...fp.features].map(([f, w]) => `${f.replace(/[|=;]/g, ' ')}=${Math.round(w * WEIGHT_SCALE)}`);
  if (fp.move) pairs.push(`${moveFeature(fp.move)}=0`);
  for (const f of fp.figures) pairs.push(`h:${f}=0`);
  for (const f of fp.lede) pairs.push(`l:${f}=0`);
  for (const t of fp.subjects) pairs.push(`s:${t}=0`);
  const feats = pairs.join(';');
  return `${VERSION}|${fp.words}|${btoa(bin)}|${feats}`;
}

/** Throws on a string that is not a fingerprint of this version: a stored fingerprint is never guessed at. */
export function decodeFingerprint(s: string): Fingerprint {
  const parts = s.split('|');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error(`not a v${VERSION} fingerprint: ${s.slice(0, 40)}`);
  const bin = atob(parts[2]);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const features = new Map<string, number>();
  let move: PriceMove | null = null;
  const figures: string[] = [];
  const lede: string[] = [];
  const subjects: string[] = [];
  if (parts[3]) {
    for (const pair of parts[3].split(';')) {
      const eq = pair.lastIndexOf('=');
      const f = pair.slice(0, eq);
      if (f.startsWith('p:')) move = parseMoveFeature(f) ?? move;
      else if (f.startsWith('h:')) figures.push(f.slice(2));
      else if (f.startsWith('l:')) lede.push(f.slice(2));
      else if (f.startsWith('s:')) subjects.push(f.slice(2));
      else features.set(f, Number(pair.slice(eq + 1)) / WEIGHT_SCALE);
    }
  }
  return { words: Number(parts[1]), signature: new Uint32Array(bytes.buffer), features, move, figures, lede, subjects };
}
