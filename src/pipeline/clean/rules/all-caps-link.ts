import { matchAll, type Rule } from '../rule.ts';

/**
 * Link lines set in capitals between paragraphs ("DOLLAR SLIDES TO 3-YEAR LOW ON REPORT …"): five or
 * more upper-case words standing alone, ended by a line break, the text's end, or the next paragraph
 * glued on. Acronyms inside a sentence ("the SEC and CFTC") are too few in a row to match. One line only:
 * lines of codes or numbers under each other (a table, a calendar, an IBAN) are not a headline.
 */
const CAPS_LINE = /(?<=^|\n|[.!?"”][^\S\n]?)(?:[A-Z0-9][A-Z0-9'’,:$%&.-]{0,30}[^\S\n]){4,30}[A-Z0-9][A-Z0-9'’,:$%&-]{0,30}(?=[A-Z][a-z]|[^\S\n]*\n|\s*$)/g;
/** Words (31 characters) and their number (31) are bounded: unbounded runs would rescan a long run of capitals from every sentence end. */
/** Fewest words with letters in such a line: a run of numbers (a table row, a calendar) is no headline. */
const MIN_WORDS = 4;

/** Four capitalised words in a row and the start of a fifth: every caps line holds them, so texts without are not scanned. */
const CAPS_TRIGGER = /(?:[A-Z0-9][A-Z0-9'’,:$%&.-]{0,30}[^\S\n]){4}[A-Z0-9]/;
/** A word with two capitals in a row. */
const CAPS_WORD = /\S*[A-Z]{2}\S*/g;

export const allCapsLink: Rule = {
  name: 'all-caps-link',
  category: 'read_also',
  find: (text) => (CAPS_TRIGGER.test(text) ? matchAll(text, CAPS_LINE).filter((h) => (text.slice(h.start, h.end).match(CAPS_WORD) ?? []).length >= MIN_WORDS) : []),
};
