import { alternationHits, anchored, searched, type Branch } from '../alternation.ts';
import { isAsciiUpper } from '../ascii.ts';
import { gluedCapitals } from '../glued-capitals.ts';
import { DATE } from '../patterns.ts';
import type { Rule } from '../rule.ts';

/**
 * Bylines in flattened text that the byline rule's forms miss, told by what stands around the name:
 * - the name set off from its date by a bar, dot or dash, maybe with the outlet after a comma: "By Jane Roe, Ledgerwire
 *   | May 4, 2026", "By Jane Roe · May 4, 2026";
 * - the name with the agency it came from in parentheses: "By Jane Roe (Reuters)", "By Jane Roe (Ledgerwire)";
 * - a name glued to its date with no blank, at a unit's start: "Jane RoeMay 4, 2026 at 10:15 am" (no sentence glues a
 *   capitalised word onto a month);
 * - an agency's credit line worded without its parentheses: "Reporting by Jane Roe; Editing by John Poe".
 * Each stands where a unit starts (the text's start, a line's, after a sentence's end). A sentence of the story saying
 * who wrote something ("Reporting by Ledgerwire showed …") has neither a date nor an editor's credit after the name.
 */
const NAME_WORD = String.raw`[\p{Lu}][\p{Ll}\p{M}'’-]+`;
/** Two to four capitalised words: a person's name. */
const NAME = String.raw`${NAME_WORD}(?:\s${NAME_WORD}){1,3}`;
/** An outlet after the name: one to three capitalised words. */
const OUTLET = String.raw`[\p{Lu}][\p{L}\p{N}.&'’-]*(?:\s[\p{Lu}][\p{L}\p{N}.&'’-]*){0,2}`;
const UNIT_START = String.raw`(?<=^|\n|[.!?]["”’)]?\s)`;
/**
 * What follows the byline: the next unit, opening with a capital, a figure or a quote, or the end. A lower-case word
 * after it means the "name" ran into the story's first sentence ("By Jane Roe Lumenchain (LUMEN-USD) is trading …").
 */
const UNIT_END = String.raw`(?=\s+[\p{Lu}\p{N}"“‘(]|\s*$)`;

/**
 * Where a "By NAME" form can start: at a "By " and nowhere else. A regex that opens with a lookbehind is tried at every
 * position of the text; tried at these places alone (as a sticky regex) it finds the same matches for a fraction of it.
 */
function byStarts(text: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf('By '); i !== -1; i = text.indexOf('By ', i + 1)) at.push(i);
  return at;
}

/** A name glued to its date: tried only on texts where a month is glued onto a lower-case letter (monthGluedToWord). */
const GLUED_DATE = searched(String.raw`${UNIT_START}${NAME_WORD}(?:\s${NAME_WORD}){0,3}(?<=\p{Ll})(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s?\d)${DATE}${UNIT_END}`, 'u');
const MONTH_AT = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s?\d/uy;
const LOWER_AT = /\p{Ll}/uy;

/**
 * Whether /\p{Ll}(?:Jan|…|Dec)[a-z]*\.?\s?\d/u matches in the text (what every glued-date match holds), asked at the
 * text's glued capitals (glued-capitals.ts: every capital after a lower-case letter is one) instead of a scan of every
 * character.
 */
function monthGluedToWord(text: string): boolean {
  for (const g of gluedCapitals(text)) {
    const p = text.charCodeAt(g - 1);
    if (!(p >= 97 && p <= 122)) {
      if (p < 128) continue; // ' or -
      // beyond ASCII: \p{Ll} decides, on the code point ending right before the capital (a pair from its first half)
      LOWER_AT.lastIndex = p >= 0xdc00 && p <= 0xdfff && g >= 2 ? g - 2 : g - 1;
      if (!LOWER_AT.test(text) || LOWER_AT.lastIndex !== g) continue;
    }
    MONTH_AT.lastIndex = g;
    if (MONTH_AT.test(text)) return true;
  }
  return false;
}

/**
 * A byline glued into a flattened page, where nothing sets it apart but the joins around it: "…membershipEdward
 * RussellOct 13, 2020This post…", "…this ruling’ByEvan Symon, August 14, 2020 2:30 pm", "ByJo Park•15 January 2020".
 * One or more names (each two to four capitalised words, maybe after "By"), then the date glued to the last name or set
 * off by a comma, bar or dot, then the next block glued on (a capital, a figure, a quote) or the end. Tried only where a
 * capital is glued to what stands before it (a lower-case letter, a stop, a closing quote): in running text a name has
 * a blank before it, and a date after a name is followed by the rest of the sentence.
 */
const GLUED_PAGE_BYLINE = String.raw`(?:By\s?)?${NAME}(?:,\s?${NAME})*(?:\s?[,|•·]\s?|(?<=\p{Ll})(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s?\d))${DATE}(?=[\p{Lu}\p{N}"“‘(]|\s+[\p{Lu}\p{N}"“‘(]|\s*$)`;

/** Farthest a glued byline's date's year stands from where the byline starts (characters): a few names and a date. */
const GLUED_BYLINE_MAX_CHARS = 120;

/**
 * Offsets of capitals glued to a lower-case letter, a stop or a closing quote, with a year (four figures) within
 * GLUED_BYLINE_MAX_CHARS after them: where a glued byline may start. A flattened page has hundreds of glued capitals
 * and few dates, so the sticky regex is tried at a handful of them.
 */
/** A run of four figures or more: where a year may stand (its fourth figure's offset is kept). */
const FIGURE_RUN = /\d{4,}/g;
/** A capital A-Z right after a stop or a closing quote or parenthesis: . ! ? ” " ) */
const CAPITAL_AFTER_STOP = /[.!?\u201d")][A-Z]/g;

function gluedStarts(text: string): number[] {
  const years: number[] = [];
  FIGURE_RUN.lastIndex = 0;
  for (let m = FIGURE_RUN.exec(text); m; m = FIGURE_RUN.exec(text)) years.push(m.index + 3);
  if (!years.length) return [];
  const glued = gluedCapitals(text); // ascending; only A-Z starts a name here
  const afterStop: number[] = []; // ascending
  CAPITAL_AFTER_STOP.lastIndex = 0;
  for (let m = CAPITAL_AFTER_STOP.exec(text); m; m = CAPITAL_AFTER_STOP.exec(text)) {
    afterStop.push(m.index + 1);
    CAPITAL_AFTER_STOP.lastIndex = m.index + 1; // "..A" then ".B": a capital may itself be followed by a stop
  }
  // the two ascending lists merged (each place once), keeping the places with a year close enough after them
  const at: number[] = [];
  let y = 0;
  let a = 0;
  let b = 0;
  for (;;) {
    while (a < glued.length && !isAsciiUpper(text.charCodeAt(glued[a]))) a++;
    const ga = a < glued.length ? glued[a] : Infinity;
    const sb = b < afterStop.length ? afterStop[b] : Infinity;
    const i = Math.min(ga, sb);
    if (i === Infinity) break;
    if (ga === i) a++;
    if (sb === i) b++;
    while (y < years.length && years[y] < i) y++;
    if (y === years.length) break;
    if (years[y] - i <= GLUED_BYLINE_MAX_CHARS) at.push(i);
  }
  return at;
}

const FORMS: Branch[] = [
  anchored(String.raw`${UNIT_START}By ${NAME}(?:,\s?${OUTLET})?\s?[|·•–—]\s?${DATE}${UNIT_END}`, 'u', byStarts),
  anchored(String.raw`${UNIT_START}By ${NAME}\s?\(${OUTLET}\)${UNIT_END}`, 'u', byStarts),
  (text) => (monthGluedToWord(text) ? GLUED_DATE(text) : null),
  anchored(GLUED_PAGE_BYLINE, 'u', gluedStarts),
  searched(
    String.raw`${UNIT_START}(?:Additional )?[Rr]eporting by ${NAME}(?:(?:,| and) ${NAME})*(?:;\s?(?:Editing|Writing|Additional reporting) by ${NAME}(?:(?:,| and) ${NAME})*)+\.?${UNIT_END}`,
    'u',
    'eporting by ',
  ),
];

export const datedByline: Rule = {
  name: 'dated-byline',
  category: 'byline',
  find: (text) => alternationHits(text, FORMS, true),
};
