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

/**
 * A place a caps line may start (the lookbehind of CAPS_LINE: the text's start, a line's, or after a sentence end and at
 * most one blank), with a caps word, a blank and the next word's first character after it; the place is where the
 * match ends. Scanned for once, so the line regex is tried at these places only, not at every character.
 */
const LINE_START = /(?:^|[\n.!?"”][^\S\n]?)(?=[A-Z0-9][A-Z0-9'’,:$%&.-]{0,30}[^\S\n][A-Z0-9])/g;

/** Where a caps line may start, ascending. */
function lineStarts(text: string): number[] {
  const out: number[] = [];
  LINE_START.lastIndex = 0;
  for (let m = LINE_START.exec(text); m; m = LINE_START.exec(text)) {
    out.push(m.index + m[0].length);
    if (m[0] === '') LINE_START.lastIndex++; // the text's start: move on
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
