/**
 * Where an ASCII capital is glued onto the end of a word: after [a-z'-], or beyond ASCII after a lower-case letter, a
 * ’ or half of a surrogate pair (whose code point may be a lower-case letter). Prose puts a blank before its capitals,
 * so these are few, and several rules look for forms that hold one (a name glued to a bio, a name glued to a date):
 * one walk per text answers them all, where each rule's own walk or regex scan read every character again. Kept for
 * the last text asked about: the rules of one clean() ask about one text in a row.
 */

let cachedText: string | null = null;
let cached: number[] = [];

/** Offsets (ascending) of the ASCII capitals glued onto a preceding [\p{Ll}'’-] (a superset: see mayEndWord). */
export function gluedCapitals(text: string): readonly number[] {
  if (text === cachedText) return cached;
  const out: number[] = [];
  for (let g = 1; g < text.length; g++) {
    const c = text.charCodeAt(g);
    if (c < 65 || c > 90) continue;
    const p = text.charCodeAt(g - 1);
    if ((p >= 97 && p <= 122) || p === 39 || p === 45 || (p > 127 && mayEndWord(p))) out.push(g);
  }
  cachedText = text;
  cached = out;
  return out;
}

const LOWER = /^\p{Ll}$/u;
let lower: Uint8Array | null = null; // per code unit beyond ASCII: 0 not looked at yet, 1 no, 2 yes

/** Whether a code unit beyond ASCII may end a word: ’, a lower-case letter, or half of a pair (the code point decides). */
function mayEndWord(c: number): boolean {
  if (c === 0x2019 || (c >= 0xd800 && c <= 0xdfff)) return true;
  lower ??= new Uint8Array(0x10000);
  if (lower[c] === 0) lower[c] = LOWER.test(String.fromCharCode(c)) ? 2 : 1;
  return lower[c] === 2;
}
