import { alternationHits, anchored, holds, searched, type Branch } from '../alternation.ts';
import { isAsciiUpper } from '../ascii.ts';
import { gluedCapitals } from '../glued-capitals.ts';
import { CLOCK, DATE } from '../patterns.ts';
import type { Hit, Rule } from '../rule.ts';

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

/**
 * A page's credit block, flattened: "By" and the credit (names, an outlet, a desk: "Staff and news service reports",
 * "7 News WSVN", an e-mail address after a bar) with the publication fields glued straight onto its last word, no blank
 * between: "ByJane Roe,John Poe,9 News KXYZMay 4, 2026", "ByStaff reportsPUBLISHED:May 4, 2026 at 4:56 p.m.| UPDATED:May
 * 4, 2026 at 6:00 p.m.", "By Jane Roe And John Poe For The Ledger On SundayPublished:22:00 GMT, 4 May 2026". The glue
 * is the evidence: running text puts a blank before a date, and a page glues its blocks together. A sentence of the
 * story that opens with "By" ("By Tuesday the council had voted …") has no date or publishing label glued to a word
 * within reach; and with a blank after "By" every credit word must be capitalised (a name), so a paragraph that opens
 * with "By" and ends glued to a dated block is not read as a credit. Lower-case words ("and news service reports") pass
 * only after a "By" glued to its credit ("ByStaff"), which is a label's own block, not a sentence.
 */
const CREDIT_LABEL = String.raw`(?:Published|PUBLISHED|Updated|UPDATED|Posted|POSTED|Last [Uu]pdated)`;
/** One word of a credit: letters, figures, an e-mail address or a domain (a dot only before a lower-case letter), an initial. */
const CREDIT_WORD = String.raw`(?:\p{Lu}\.|[\p{L}\p{N}][\p{L}\p{N}\p{M}'’&@-]*(?:\.(?=\p{Ll})[\p{L}\p{N}\p{M}'’&@-]+)*)`;
/** Most words a credit holds: two authors and an outlet ("Jane Roe And John Poe For The Ledger On Sunday"). */
const CREDIT_MAX_WORDS = 12;
/** One publication field: maybe a label, then a date, or a clock before the date ("22:00 GMT, 4 May 2026"). */
const CREDIT_FIELD = String.raw`(?:${CREDIT_LABEL}\s?:?\s?)?(?:${DATE}|${CLOCK},?\s?${DATE})`;
const GLUED_CREDIT = new RegExp(
  String.raw`(?:By|by)(\s?)(${CREDIT_WORD}(?:(?:\s|,\s?|\s?\|\s?)${CREDIT_WORD}){0,${CREDIT_MAX_WORDS - 1}})(?<=[\p{L}\p{N}])(?=${CREDIT_LABEL}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s?\d)${CREDIT_FIELD}(?:\s?[|•·]?\s?${CREDIT_FIELD})*`,
  'uy',
);
/** A credit word that opens in lower case, other than the joins of names ("and", "for", "of"). */
const LOWER_WORD = /(?:^|[\s,|])(?!(?:and|for|of|de|van|von|da|del|la|le)(?:[\s,|]|$))\p{Ll}/u;

/** Where a glued credit may start: at "By" or "by", with a capital glued after it or "By " before a capital. */
function creditStarts(text: string): number[] {
  const at: number[] = [];
  for (const word of ['By', 'by']) {
    for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 2)) {
      const next = text.charCodeAt(i + 2);
      const glued = next >= 65 && next <= 90;
      const spaced = word === 'By' && next === 32 && isCapital(text.charCodeAt(i + 3));
      if (glued || spaced) at.push(i);
    }
  }
  return at.sort((a, b) => a - b);
}

function isCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

function gluedCredits(text: string): Hit[] {
  const hits: Hit[] = [];
  let readTo = -1;
  for (const i of creditStarts(text)) {
    if (i < readTo) continue;
    // "by" glued to the word before it is the label's own block ("blottersbyStaff"); "by" after a blank is prose
    if (text[i] === 'b' && i > 0 && !/[\p{L}\p{N}.)]/u.test(text[i - 1])) continue;
    GLUED_CREDIT.lastIndex = i;
    const m = GLUED_CREDIT.exec(text);
    if (!m) continue;
    if (m[1] !== '' && LOWER_WORD.test(m[2])) continue;
    hits.push({ start: i, end: i + m[0].length });
    readTo = i + m[0].length;
  }
  return hits;
}

/**
 * A page's dateline stamp without a "By": maybe an outlet or agency credit (capitalised words, a bar after it), then a
 * date with its clock or a publishing label, the whole a block of its own, glued to what stands before and after it:
 * "…Eye on MoneyCBS NewsMay 4, 2026, 7:57 AMVoters in…", "…knowET Online|04 May 2026, 02:32 PM ISTThe…",
 * "…three years.4 May 2026 • 2:54pmA gas fitter…", "…technologyLedgerwireUpdated: May 4, 2026Microsoft…".
 * A sentence puts a blank or a stop after a date; a capital or a figure glued straight after the clock is a page's
 * next block. A bare date without a clock or a label is not enough (a heading may end in one).
 */
const STAMP_CREDIT = String.raw`\p{Lu}[\p{L}\p{N}&'’-]*(?:\s\p{Lu}[\p{L}\p{N}&'’-]*){0,3}(?:\s?[|/]\s?|(?<=\p{L}))`;
const STAMP = new RegExp(
  String.raw`(?:${STAMP_CREDIT})?(?:(${CREDIT_LABEL})\s?:?\s?)?${DATE}(?:\s?[•·|]\s?${CLOCK})?(?:\s[A-Z]{2,4}(?!\p{L}))?(?=[\p{Lu}\p{N}"“‘]|\s*\n|\s*$)`,
  'uy',
);
/** A clock in the stamp: without it (and without a label) a bare date is not read as one. */
const HAS_CLOCK = /\d:\d\d/;
/** A capital or a figure right after a lower-case letter or a stop: where a glued block starts. */
const BLOCK_START = /[a-z.!?)\u201d"][A-Z0-9]/g;

export /** Farthest the clock or the label stands from where the stamp starts (characters): a short credit and a date. */
const STAMP_MAX_CHARS = 80;
/** Publishing labels after their first letter (found by a plain substring search, faster than one regex scan). */
const LABEL_TAILS = ['pdated', 'PDATED', 'ublished', 'UBLISHED', 'osted', 'OSTED'];

/**
 * Where a stamp's clock ("7:57", its colon between figures) or publishing label stands, ascending: a stamp is tried only
 * at block starts within STAMP_MAX_CHARS before one. Substring searches, not a regex scan of every character; a label
 * is searched for only in texts the shared literal index (literals.ts) says hold it.
 */
function stampAnchors(text: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    if (isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2))) at.push(i - 1);
  }
  for (const tail of LABEL_TAILS) {
    if (!holds(text, tail)) continue;
    const first = tail === 'pdated' ? 'Uu' : tail === 'PDATED' ? 'U' : 'P'; // the label's capital ("updated" too)
    for (let i = text.indexOf(tail); i !== -1; i = text.indexOf(tail, i + 1)) if (i > 0 && first.includes(text[i - 1])) at.push(i - 1);
  }
  return at.sort((a, b) => a - b);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function gluedStamps(text: string): Hit[] {
  const hits: Hit[] = [];
  let tried = 0; // block starts up to here were tried against the anchor before
  let stampEnd = 0; // where the last stamp found ends: a block may start right there
  for (const anchor of stampAnchors(text)) {
    if (anchor < stampEnd) continue;
    // the block starts within reach before this anchor, after the one before it (a glued join: a lower-case letter or a
    // stop, then a capital or figure; its match is the character before the start): each start is tried once
    BLOCK_START.lastIndex = Math.max(tried, stampEnd - 1, anchor - STAMP_MAX_CHARS - 1);
    for (let b = BLOCK_START.exec(text); b && b.index < anchor; b = BLOCK_START.exec(text)) {
      const i = b.index + 1;
      BLOCK_START.lastIndex = i;
      STAMP.lastIndex = i;
      const m = STAMP.exec(text);
      if (!m || (m[1] === undefined && !HAS_CLOCK.test(m[0]))) continue;
      hits.push({ start: i, end: i + m[0].length });
      stampEnd = i + m[0].length;
      BLOCK_START.lastIndex = stampEnd - 1;
    }
    tried = Math.max(tried, anchor);
  }
  return hits;
}

export const datedByline: Rule = {
  name: 'dated-byline',
  category: 'byline',
  find: (text) => [...alternationHits(text, FORMS, true), ...gluedCredits(text), ...gluedStamps(text)],
};
