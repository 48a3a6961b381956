import { isRegexSpace } from '../ascii.ts';
import { gaps, type Gap } from '../gaps.ts';
import type { Hit, TailRule } from '../rule.ts';
import { shapes } from '../literals.ts';
import { sentenceEnd, sentenceEndAmong } from '../sentences.ts';

/** Shorter sentences repeat by chance ("Prices fell."); only longer ones count as copies inside a paragraph. */
const MIN_WORDS = 8;
/** An article may restate one sentence on purpose; a second copy repeats several in a row. */
const MIN_RUN = 2;
/** Earlier sentences kept per key: sentences sharing their last words are few on a page; a bound keeps the work linear. */
const MAX_KEPT_PER_KEY = 4;
/** A repeated block standing alone between removed spans (a dek, a sub-heading) counts from this many words. */
const MIN_BLOCK_WORDS = 5;

/**
 * Second copies of article text: pages that render the article twice (mobile and desktop), a lede
 * repeated in a summary widget. Runs on what the other rules left, so a copy whose byline or share bar
 * sits elsewhere still lines up with the first: runs of sentences seen earlier go, and so does a
 * repeated block that stands alone between removed spans.
 */
export const repeatedPassage: TailRule = {
  name: 'repeated-passage',
  category: 'other',
  find(text, removed) {
    const stretches = gaps(text, removed);
    if (!someKeyRepeats(text, stretches)) return [];
    const seen = new Map<string, string[]>();
    const hits: Hit[] = [];
    for (const gap of stretches) {
      const run: Hit[] = [];
      let long = 0; // sentences of MIN_WORDS or more in the run
      const parts: [number, number, string][] = [];
      // the sentences of the gap, as sentences() cuts them, without a generator and a pair per sentence
      for (let s = gap.start, e = s; s < gap.end; s = e) {
        e = sentenceEnd(text, s, gap.end);
        const trimmed = text.slice(s, e).trim();
        if (trimmed) parts.push([s, e, trimmed]);
      }
      const flush = () => {
        if (long >= MIN_RUN) hits.push({ start: run[0].start, end: run[run.length - 1].end });
        run.length = 0;
        long = 0;
      };
      for (const [s, e, trimmed] of parts) {
        // Keyed on a sentence's last words: a copy may have a section label glued to its first sentence.
        // Beyond the key one must end the other, so "6:30 PM Leaves town." does not repeat "6:00 PM Leaves town.".
        const { sentence, key, words } = shape(trimmed);
        const earlier = seen.get(key);
        const repeated = earlier !== undefined && earlier.some((e) => e.endsWith(sentence) || sentence.endsWith(e));
        if (earlier === undefined) seen.set(key, [sentence]);
        else if (earlier.length < MAX_KEPT_PER_KEY) earlier.push(sentence);
        if (repeated && parts.length === 1 && words >= MIN_BLOCK_WORDS) hits.push({ start: s, end: e });
        else if (repeated && words >= MIN_WORDS) {
          run.push({ start: s, end: e });
          long++;
        } else if (repeated && run.length) run.push({ start: s, end: e }); // a short piece of a copy ("S. airstrikes …" after "U.") goes with it
        else flush();
      }
      flush();
    }
    return hits;
  },
};

/**
 * Whether two sentences of the stretches share a key (shape's) of MIN_BLOCK_WORDS words or more: without such a pair no
 * sentence is repeated where it could count (a hit needs a repeated sentence of that many words, and a sentence is
 * only compared with earlier ones under its own key), so most texts are done here. Sentences are cut at the line breaks
 * and stops the one walk of the text listed (literals.ts), and keys are compared by a number computed in place, where
 * the full reading cuts, trims, reshapes and looks up every sentence as a string; two keys sharing a number only send
 * the text on to that reading.
 */
function someKeyRepeats(text: string, stretches: readonly Gap[]): boolean {
  const keys = new Set<number>();
  const marks = shapes(text).unitEnds;
  const cursor = { at: 0 };
  for (const gap of stretches) {
    for (let s = gap.start, e = s; s < gap.end; s = e) {
      e = sentenceEndAmong(text, s, gap.end, marks, cursor);
      const key = keyNumber(text, s, e);
      if (key === NO_KEY) continue;
      if (keys.has(key)) return true;
      keys.add(key);
    }
  }
  return false;
}

const NO_KEY = -1;

/**
 * A number for the key shape() gives the sentence text[start, end) (its last MIN_WORDS words, single-spaced), read
 * backwards from its end with every run of white space read as one space; NO_KEY when the key holds fewer than
 * MIN_BLOCK_WORDS words. Equal keys get equal numbers.
 */
function keyNumber(text: string, start: number, end: number): number {
  while (start < end && isRegexSpace(text.charCodeAt(start))) start++;
  while (end > start && isRegexSpace(text.charCodeAt(end - 1))) end--;
  if (end <= start) return NO_KEY;
  let h = 0;
  let words = 0;
  for (let i = end - 1; ; ) {
    words++;
    for (let c = text.charCodeAt(i); i >= start && !isRegexSpace(c); c = text.charCodeAt(--i)) h = (Math.imul(h, 31) + c) | 0;
    if (i < start || words === MIN_WORDS) break;
    while (isRegexSpace(text.charCodeAt(i))) i--; // the trimmed start is no space: this stops inside the sentence
    h = (Math.imul(h, 31) + 0x20) | 0;
  }
  return words >= MIN_BLOCK_WORDS ? h >>> 0 : NO_KEY;
}

/**
 * Whether the sentence holds white space other than single plain spaces between words (what /[^\S ]| {2}/ finds): only
 * then must it be split to be compared. A walk over character codes: the regex was a call and a scan per sentence of
 * every text.
 */
function irregularlySpaced(s: string): boolean {
  let lastSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (lastSpace) return true;
      lastSpace = true;
    } else if (isRegexSpace(c)) return true;
    else lastSpace = false;
  }
  return false;
}
const SPACES = /\s+/;

/**
 * A trimmed sentence with its white space runs made single spaces, its last MIN_WORDS words (the key it is looked up
 * by) and its number of words, counted up to MIN_WORDS + 1 (all the comparisons above need). Most sentences are
 * spaced plainly already, and are read from the end instead of split into words.
 */
function shape(trimmed: string): { sentence: string; key: string; words: number } {
  if (irregularlySpaced(trimmed)) {
    const all = trimmed.split(SPACES);
    return { sentence: all.join(' '), key: all.slice(-MIN_WORDS).join(' '), words: all.length };
  }
  let at = trimmed.length;
  let spaces = 0;
  while (spaces < MIN_WORDS) {
    // the space before `at`, walked back to by character code: lastIndexOf is a runtime call per word of every sentence
    let space = at - 1;
    while (space >= 0 && trimmed.charCodeAt(space) !== 0x20) space--;
    if (space < 0) break;
    at = space;
    spaces++;
  }
  return { sentence: trimmed, key: spaces === MIN_WORDS ? trimmed.slice(at + 1) : trimmed, words: spaces + 1 };
}
