import { positionsOf } from './alternation.ts';
import { isRegexSpace } from './ascii.ts';

/**
 * Sentences over flattened text. A sentence ends at . ! ? followed by a blank, a capital (glued blocks),
 * a quote or the end, or at a line break; a dot inside "0.20" or "Barrons.com" does not end one.
 */
/**
 * Longest stretch read as one sentence (characters): text without stops (menus, markup) is cut into pieces this
 * long, which also keeps the work linear.
 */
const SENTENCE_MAX_CHARS = 2_000;

/** A sentence stop by character code: . ! ? (the segment model reads segments' ends with the same two tests). */
export const isStop = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f; // . ! ?
/**
 * After a stop, what makes it end the sentence: a blank, another stop, a capital, an opening quote or parenthesis. By
 * character code: a one-character string per stop made strings of two kinds (one- and two-byte) meet in one
 * comparison, and V8 threw its optimised code for these loops away when the second kind first came.
 */
const endsAfterStop = (c: number) =>
  isRegexSpace(c) || isStop(c) || (c >= 0x41 && c <= 0x5a) || c === 0x22 || c === 0x201c || c === 0x2018 || c === 0x28; // A-Z " “ ‘ (
export const isClosing = (c: number) => c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x29; // " ” ’ )
/** A closing quote or parenthesis right after the stop, then a blank or the end: "… opportunity.” Join …", "(… advice.) Does …". */
const closesThenEnds = (text: string, at: number) => isClosing(text.charCodeAt(at)) && (at + 1 >= text.length || isRegexSpace(text.charCodeAt(at + 1)));

/**
 * Where the sentence starting at `at` ends, read no further than `to`: past a run of stops and a closing quote, past
 * a line break, at the text's end, or SENTENCE_MAX_CHARS on. A character loop, not a regex: it runs over every
 * character of every text.
 */
export function sentenceEnd(text: string, at: number, to: number): number {
  const limit = Math.min(text.length, at + SENTENCE_MAX_CHARS);
  let i = at;
  for (; i < limit && i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) break;
    if (isStop(c) && (i + 1 >= text.length || endsAfterStop(text.charCodeAt(i + 1)) || closesThenEnds(text, i + 1))) break;
  }
  return endFrom(text, i, to);
}

/**
 * `sentenceEnd`, reading only the places in `marks` (ascending, every line break and stop of the text among them, as
 * the one walk lists them: literals.ts's unitEnds) from `marks[cursor.at]` on, where the loop above reads every
 * character. `cursor.at` moves on past the marks before `at`; the sentences of a text must be asked for in order.
 */
export function sentenceEndAmong(text: string, at: number, to: number, marks: readonly number[], cursor: { at: number }): number {
  const bound = Math.min(text.length, at + SENTENCE_MAX_CHARS, to);
  let k = cursor.at;
  while (k < marks.length && marks[k] < at) k++;
  cursor.at = k;
  let i = bound;
  for (; k < marks.length && marks[k] < bound; k++) {
    const m = marks[k];
    const c = text.charCodeAt(m);
    if (c === 0x0a || (isStop(c) && (m + 1 >= text.length || endsAfterStop(text.charCodeAt(m + 1)) || closesThenEnds(text, m + 1)))) {
      i = m;
      break;
    }
  }
  return endFrom(text, i, to);
}

/** Where a sentence whose reading stopped at `i` ends: past a run of stops and a closing quote, or past a line break. */
function endFrom(text: string, i: number, to: number): number {
  if (i >= to) return to;
  if (i < text.length && isStop(text.charCodeAt(i))) {
    while (i < text.length && isStop(text.charCodeAt(i))) i++;
    if (i < text.length && isClosing(text.charCodeAt(i))) i++;
  } else if (text.charCodeAt(i) === 0x0a) i++;
  return Math.min(i, to);
}

/** The sentences of text[from, to) as [start, end) pairs, in order. */
export function* sentences(text: string, from = 0, to = text.length): Generator<[number, number]> {
  for (let at = from; at < to; ) {
    const end = sentenceEnd(text, at, to);
    yield [at, end];
    at = end;
  }
}

/**
 * The last offset in text[from, to) holding one of the `codes` (character codes), or -1: one walk back from `to`, where
 * a `lastIndexOf` per character walked the whole text for each character it lacks (a flattened text has no line break).
 */
export function lastIndexOfAny(text: string, codes: readonly number[], from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (codes.includes(text.charCodeAt(i))) return i;
  return -1;
}

/** The end of the run of sentences starting at `from` whose later members all pass `keep`. */
export function sentenceRunEnd(text: string, from: number, keep: (sentence: string) => boolean, maxSentences = 12): number {
  let end = from;
  let n = 0;
  for (const [s, e] of sentences(text, from)) {
    if (n > 0 && !keep(text.slice(s, e))) break;
    end = e;
    if (++n >= maxSentences || text[e - 1] === '\n') break;
  }
  return end;
}

/**
 * The sentence holding offset `at`, as `sentences` would cut it: rules that look for a rare word first and then read
 * only the sentences around it use this instead of walking every sentence of the text. A line break always ends a
 * sentence, so the sentences of `at`'s line are walked once and kept (for the last text asked about: the rules of
 * one clean() ask about one text in a row), and each question is a binary search.
 */
export function sentenceAt(text: string, at: number): [number, number] {
  if (text !== cachedText) {
    cachedText = text;
    cachedLines.clear();
    cachedBreaks = positionsOf(text, '\n');
  }
  const lineStart = lastAtOrBefore(cachedBreaks, Math.max(at - 1, 0)) + 1; // text.lastIndexOf('\n', at - 1) + 1
  let ends = cachedLines.get(lineStart);
  if (!ends) {
    ends = [];
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    for (let from = lineStart; from < lineEnd; ) {
      const end = sentenceEnd(text, from, text.length);
      if (end <= from) break;
      ends.push(end);
      from = end;
    }
    cachedLines.set(lineStart, ends);
  }
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] > at) hi = mid;
    else lo = mid + 1;
  }
  const end = ends[lo] ?? Math.min(at + 1, text.length);
  const start = lo > 0 ? ends[lo - 1] : lineStart;
  return [start, Math.max(end, Math.min(at + 1, text.length))];
}

let cachedText: string | null = null;
const cachedLines = new Map<number, number[]>();
/** The line breaks of the cached text: a flattened text is one long line, and a backward search from each offset asked about walked it to its start. */
let cachedBreaks: number[] = [];

/** The last of the ascending `offsets` at or before `at`, or -1: what `lastIndexOf` gives when they are a character's places. */
export function lastAtOrBefore(offsets: readonly number[], at: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? offsets[lo - 1] : -1;
}
