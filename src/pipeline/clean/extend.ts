import { firstEndingAfter, type Claim } from './claim.ts';
import { matches, type Extend } from './rule.ts';
import { AGO, DATE } from './patterns.ts';
import { sentences } from './sentences.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const SPACES = /\s+/;
const NON_SPACE = /\S/;
/** A title-case word: a capital, a figure, a dollar sign or an opening quote first (maybe after a parenthesis). */
const CAPITALISED_WORD = /^\(?[\p{Lu}\p{N}$“"‘']/u;
const ENDS_QUESTION_OR_BANG = /[?!]$/;

/** List items carry time stamps ("6 hours ago", "Jul 13, 2025 - 9:15"): the next item starts after one. */
const TIMESTAMP = new RegExp(`${AGO}|${DATE}`, 'g');

/** Where a lower-case letter meets a capitalised word with no space: the seam of a glued title. */
const CASE_JUNCTION = /(?<=\p{Ll})(?=\p{Lu}\p{Ll})/gu;

/**
 * The length of a Title Case link title glued to the front of a prose sentence ("Solana Eyes New HighsThey
 * sold …"): up to the last lower-to-upper junction that only capitalised words precede; 0 when none.
 */
function gluedTitleLength(sentence: string): number {
  let cut = 0;
  for (const m of matches(sentence, CASE_JUNCTION)) {
    const head = sentence.slice(0, m.index).split(SPACES);
    if (head.length >= TITLE_MIN_WORDS && head.every((w) => CAPITALISED_WORD.test(w) || MINOR_WORDS.test(w))) cut = m.index ?? 0;
    else break;
  }
  return cut;
}

/** Fewest words for a glued run of capitalised words to be taken for a link title. */
const TITLE_MIN_WORDS = 2;
/** Words a Title Case headline may leave in lower case. */
const MINOR_WORDS = /^(?:a|an|the|of|to|in|on|for|and|or|as|at|by|vs\.?|with|from|is)$/;

/** Longest a linked title with its time stamp runs (characters); a longer stretch is article text with a date in it. */
const LIST_ITEM_MAX_CHARS = 200;

/** Link titles may end in ? or !, but a question this long is article prose. */
const PROSE_QUESTION_MIN_WORDS = 15;

/** A sentence of at least this many words ending in a full stop reads as article prose, not a link title. */
const PROSE_SENTENCE_MIN_WORDS = 6;

/**
 * Where a hit that opens a block of noise ends: a bio at the next removed span, a link list where
 * article prose resumes; both at the end of the text or `maxLength` characters on.
 */
export function extendEnd(text: string, claimed: readonly Claim[], c: Claim, mode: Extend, maxLength: number): number {
  let limit = Math.min(text.length, c.start + maxLength);
  if (mode === 'to-next-noise') {
    // Spans are sorted and do not overlap, so the first one ending after this one is the next to start. Spans
    // glued right on (nothing but white space between) are a piece of another rule inside the block: the block
    // grows past them to the next span that has text before it.
    let at = c.end;
    for (let i = firstEndingAfter(claimed, c.end); i < claimed.length && claimed[i].start < limit; i++) {
      if (NON_SPACE.test(text.slice(at, claimed[i].start))) {
        limit = claimed[i].start;
        break;
      }
      at = claimed[i].end;
    }
    return Math.max(limit, c.end);
  }
  // A list runs on past noise inside it (a title copy among the links); only prose ends it.
  // Link titles end in ? or ! or nothing; prose ends in a full stop (or is a long question). Removed
  // spans and list time stamps split the list, so a sentence never straddles one.
  const pieces = unclaimed(claimed, c.end, limit).flatMap(([from, to]) => afterTimestamps(text, from, to));
  // A short piece that ends in a time stamp is one list item, whatever its punctuation.
  const items = pieces.filter((p) => !p.stamped || p.to - p.from > LIST_ITEM_MAX_CHARS);
  for (const [s, e] of items.flatMap(({ from, to }) => [...sentences(text, from, to)])) {
    const sentence = text.slice(s, e).trim();
    const words = sentence.split(SPACES).length;
    const prose = sentence.endsWith('.') ? words >= PROSE_SENTENCE_MIN_WORDS : ENDS_QUESTION_OR_BANG.test(sentence) && words >= PROSE_QUESTION_MIN_WORDS;
    if (prose) {
      const lead = text.slice(s, e).length - text.slice(s, e).trimStart().length;
      return s + lead + gluedTitleLength(sentence);
    }
  }
  return limit;
}

/** The parts of [from, to) that no claimed span covers. */
function unclaimed(claimed: readonly Claim[], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let at = from;
  for (let i = firstEndingAfter(claimed, from); i < claimed.length && claimed[i].start < to; i++) {
    const o = claimed[i];
    if (o.end <= at) continue;
    if (o.start > at) out.push([at, o.start]);
    at = Math.max(at, o.end);
  }
  if (at < to) out.push([at, to]);
  return out;
}

/** [from, to) cut after every time stamp in it; `stamped` marks the pieces a time stamp ends. */
function afterTimestamps(text: string, from: number, to: number): { from: number; to: number; stamped: boolean }[] {
  const out: { from: number; to: number; stamped: boolean }[] = [];
  let at = from;
  for (const m of matches(text.slice(from, to), TIMESTAMP)) {
    const end = from + (m.index ?? 0) + m[0].length;
    out.push({ from: at, to: end, stamped: true });
    at = end;
  }
  if (at < to) out.push({ from: at, to, stamped: false });
  return out;
}
