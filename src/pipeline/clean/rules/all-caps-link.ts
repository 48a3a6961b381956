import { alternationHits, anchored } from '../alternation.ts';
import { isRegexSpace } from '../ascii.ts';
import { shapes } from '../literals.ts';
import type { Rule } from '../rule.ts';

/**
 * Link lines set in capitals between paragraphs ("DOLLAR SLIDES TO 3-YEAR LOW ON REPORT …"): five or
 * more upper-case words standing alone, ended by a line break, the text's end, or the next paragraph
 * glued on. Acronyms inside a sentence ("the SEC and CFTC") are too few in a row to match. One line only:
 * lines of codes or numbers under each other (a table, a calendar, an IBAN) are not a headline.
 */
const CAPS_LINE = anchored(
  String.raw`(?<=^|\n|[.!?"”][^\S\n]?)(?:[A-Z0-9][A-Z0-9'’,:$%&.-]{0,30}[^\S\n]){4,30}[A-Z0-9][A-Z0-9'’,:$%&-]{0,30}(?=[A-Z][a-z]|[^\S\n]*\n|\s*$)`,
  '',
  lineStarts,
);
/** Words (31 characters) and their number (31) are bounded: unbounded runs would rescan a long run of capitals from every sentence end. */
/** Fewest words with letters in such a line: a run of numbers (a table row, a calendar) is no headline. */
const MIN_WORDS = 4;

/**
 * A place a caps line may start (the lookbehind of CAPS_LINE: the text's start, a line's, or after a sentence end and at
 * most one blank), with a caps word, a blank and the next word's first character after it; the place is where the
 * match ends. Scanned for once, so the line regex is tried at these places only, not at every character.
 */
export const LINE_START = /(?:^|[\n.!?"”][^\S\n]?)(?=[A-Z0-9][A-Z0-9'’,:$%&.-]{0,30}[^\S\n][A-Z0-9])/g;

/**
 * Where a caps line may start, ascending: where LINE_START's matches end, read at the text's start and after each of its
 * line breaks, stops and closing quotes, which the one walk of the text lists (literals.ts; the regex was tried at
 * every position of every text, and then a walk of this rule's own read every character). LINE_START stays as the
 * statement of what is looked for; a unit test holds the two equal.
 */
export function lineStarts(text: string): number[] {
  const out: number[] = [];
  // LINE_START's ^: an empty match, then the search moves on one character (a mark at 0 is no capital: none is lost)
  if (capsWordsAt(text, 0)) out.push(0);
  for (const i of shapes(text).unitEnds) {
    // [\n.!?"”] then [^\S\n]? (taken when the words follow it, else left), then the lookahead
    const j = i + 1;
    if (isBlankInLine(text.charCodeAt(j)) && capsWordsAt(text, j + 1)) out.push(j + 1);
    else if (capsWordsAt(text, j)) out.push(j);
  }
  return out;
}

/** Most characters LINE_START's first word may run to after its first (its {0,30}). */
const FIRST_WORD_MAX_MORE = 30;

/** LINE_START's lookahead at `at`: [A-Z0-9][A-Z0-9'’,:$%&.-]{0,30}[^\S\n][A-Z0-9]. */
function capsWordsAt(text: string, at: number): boolean {
  if (!isCapOrDigit(text.charCodeAt(at))) return false;
  // the word's characters hold no blank, so the blank can only be where the longest run of them ends
  let k = at + 1;
  while (k - at - 1 <= FIRST_WORD_MAX_MORE && isCapsWordChar(text.charCodeAt(k))) k++;
  if (k - at - 1 > FIRST_WORD_MAX_MORE) return false;
  return isBlankInLine(text.charCodeAt(k)) && isCapOrDigit(text.charCodeAt(k + 1));
}

function isCapOrDigit(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** [A-Z0-9'’,:$%&.-] */
function isCapsWordChar(c: number): boolean {
  return isCapOrDigit(c) || c === 0x27 || c === 0x2019 || c === 0x2c || c === 0x3a || c === 0x24 || c === 0x25 || c === 0x26 || c === 0x2e || c === 0x2d;
}

/** [^\S\n]: white space other than a line break. */
function isBlankInLine(c: number): boolean {
  return c !== 0x0a && isRegexSpace(c);
}
/** A word with two capitals in a row. */
const CAPS_WORD = /\S*[A-Z]{2}\S*/g;

export const allCapsLink: Rule = {
  name: 'all-caps-link',
  category: 'read_also',
  find: (text) => alternationHits(text, [CAPS_LINE], false).filter((h) => (text.slice(h.start, h.end).match(CAPS_WORD) ?? []).length >= MIN_WORDS),
};
