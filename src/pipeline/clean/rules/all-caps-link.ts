import { alternationHits, anchored } from '../alternation.ts';
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

const SPACE = /\s/;
/** Longest word in a caps line (characters), as in the regex. */
const WORD_MAX_CHARS = 31;
const isCapOrDigit = (c: number) => (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
/** The characters of a caps word after its first: [A-Z0-9'’,:$%&.-]. */
const isWordChar = (c: number) => isCapOrDigit(c) || c === 0x27 || c === 0x2019 || c === 0x2c || c === 0x3a || c === 0x24 || c === 0x25 || c === 0x26 || c === 0x2e || c === 0x2d;

/**
 * Where a caps line may start (the lookbehind above: the text's start, a line's, or after a sentence end and at most
 * one blank) when a caps word, a blank and the next one's first character stand there. Ascending; the regex is
 * tried at these places only, not at every character.
 */
function lineStarts(text: string): number[] {
  const out: number[] = [];
  const add = (at: number) => {
    if (!isCapOrDigit(text.charCodeAt(at))) return;
    // The first word, one blank that is no line break, and the next word's capital: without them no line starts here.
    let end = at + 1;
    while (end < text.length && end - at <= WORD_MAX_CHARS && isWordChar(text.charCodeAt(end))) end++;
    if (end - at > WORD_MAX_CHARS || text[end] === '\n' || !SPACE.test(text[end] ?? '')) return;
    if (isCapOrDigit(text.charCodeAt(end + 1))) out.push(at);
  };
  add(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) add(i + 1);
    else if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x22 || c === 0x201d) {
      add(i + 1);
      if (i + 1 < text.length && text[i + 1] !== '\n' && SPACE.test(text[i + 1])) add(i + 2);
    }
  }
  return out;
}
/** A word with two capitals in a row. */
const CAPS_WORD = /\S*[A-Z]{2}\S*/g;

export const allCapsLink: Rule = {
  name: 'all-caps-link',
  category: 'read_also',
  find: (text) => alternationHits(text, [CAPS_LINE], false).filter((h) => (text.slice(h.start, h.end).match(CAPS_WORD) ?? []).length >= MIN_WORDS),
};
