import type { Claim } from './claim.ts';
import type { Extend } from './rule.ts';
import { AGO } from './patterns.ts';
import { sentences } from './sentences.ts';

/** List items carry time stamps ("6 hours ago"); a sentence with one is still the list. */
const TIMESTAMP = new RegExp(AGO);

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
      return s + (text.slice(s, e).length - text.slice(s, e).trimStart().length);
    }
  }
  return limit;
}
