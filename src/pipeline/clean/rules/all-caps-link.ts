import { matchAll, type Rule } from '../rule.ts';

/**
 * Link lines set in capitals between paragraphs ("DOLLAR SLIDES TO 3-YEAR LOW ON REPORT …"): five or
 * more upper-case words standing alone, ended by a line break, the text's end, or the next paragraph
 * glued on. Acronyms inside a sentence ("the SEC and CFTC") are too few in a row to match.
 */
const CAPS_LINE = /(?<=^|\n|[.!?"”]\s?)(?:[A-Z0-9][A-Z0-9'’,:$%&.-]*\s){4,}[A-Z0-9][A-Z0-9'’,:$%&-]*(?=[A-Z][a-z]|\s*\n|\s*$)/g;

export const allCapsLink: Rule = {
  name: 'all-caps-link',
  category: 'read_also',
  find: (text) => matchAll(text, CAPS_LINE),
};
