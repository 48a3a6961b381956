import type { Claim } from './claim.ts';
import type { Extend } from './rule.ts';
import { AGO } from './patterns.ts';
import { sentences } from './sentences.ts';

/** List items carry time stamps ("6 hours ago"); a sentence with one is still the list. */
const TIMESTAMP = new RegExp(AGO);

/**
 * The length of a Title Case link title glued to the front of a prose sentence ("Solana Eyes New HighsThey
 * sold …"): up to the last lower-to-upper junction that only capitalised words precede; 0 when none.
 */
function gluedTitleLength(sentence: string): number {
  let cut = 0;
  for (const m of sentence.matchAll(/(?<=\p{Ll})(?=\p{Lu}\p{Ll})/gu)) {
    const head = sentence.slice(0, m.index).split(/\s+/);
    if (head.length >= TITLE_MIN_WORDS && head.every((w) => /^[\p{Lu}\p{N}$“"‘']/u.test(w) || MINOR_WORDS.test(w))) cut = m.index ?? 0;
    else break;
  }
  return cut;
}

/** Fewest words for a glued run of capitalised words to be taken for a link title. */
const TITLE_MIN_WORDS = 2;
/** Words a Title Case headline may leave in lower case. */
const MINOR_WORDS = /^(?:a|an|the|of|to|in|on|for|and|or|as|at|by|vs\.?|with|from|is)$/;

/** A sentence of at least this many words ending in a full stop reads as article prose, not a link title. */
const PROSE_SENTENCE_MIN_WORDS = 6;

/**
 * Where a hit that opens a block of noise (a bio, a link list) ends: at the next removed span, the end
 * of the text, `maxLength` characters on, or, for lists, where article prose resumes.
 */
export function extendEnd(text: string, claimed: readonly Claim[], c: Claim, mode: Extend, maxLength: number): number {
  let limit = Math.min(text.length, c.start + maxLength);
  for (const other of claimed) if (other.start >= c.end && other.start < limit) limit = other.start;
  if (limit <= c.end) return c.end;
  if (mode === 'to-next-noise') return limit;
  // Link titles end in ? or ! or nothing; prose ends in a full stop.
  for (const [s, e] of sentences(text, c.end, limit)) {
    const sentence = text.slice(s, e).trim();
    if (sentence.endsWith('.') && sentence.split(/\s+/).length >= PROSE_SENTENCE_MIN_WORDS && !TIMESTAMP.test(sentence)) {
      const lead = text.slice(s, e).length - text.slice(s, e).trimStart().length;
      return s + lead + gluedTitleLength(sentence);
    }
  }
  return limit;
}
