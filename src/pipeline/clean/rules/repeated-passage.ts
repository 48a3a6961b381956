import { isRegexSpace } from '../ascii.ts';
import { gaps } from '../gaps.ts';
import type { Hit, TailRule } from '../rule.ts';
import { sentenceEnd } from '../sentences.ts';

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
    const seen = new Map<string, string[]>();
    const hits: Hit[] = [];
    for (const gap of gaps(text, removed)) {
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
