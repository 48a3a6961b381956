import { isAsciiDigit, isAsciiLower, isAsciiUpper, isRegexSpace } from '../ascii.ts';
import { trimmed } from '../gaps.ts';
import type { Hit, Rule } from '../rule.ts';
import { TITLE_CASE_MINOR } from '../title-case.ts';

/**
 * A list of other stories' headlines flattened into the text with nothing between them: "… Is Bitcoin (BTC) in
 * Trouble?Ethereum (ETH) Tops 3,300 as Holder Numbers Break Records374 Million in ETH Moved in Mere Hours, What Are
 * Whales Up To?The most recent transfer …". The form: two or more pieces of a line, each glued to the next without a
 * blank (a question mark, a lower-case word or a figure meeting a capital or a figure), each one headline-shaped:
 * three capitalised words or more, title case (the short function words aside), no full stop inside. Prose never glues
 * two title-case pieces together; a heading glued to its first sentence is one piece, not a run, and stays.
 * Brand names glue too ("BlackRock", "VanEck Says VanEck's …"), and so do links and handles: a piece of one word is
 * joined back to its neighbour, nothing inside a link or a handle is a glue point, and a run glued only where a
 * lower-case letter meets a capital needs three headlines; two suffice where a glue no name has joins them (a
 * question mark meeting a capital, a word meeting a figure, an acronym meeting a word: "… in BTCWill …").
 */

/**
 * A glue point: a question or exclamation mark before a capital or a figure; a lower-case word (2+ letters) before a
 * capital or a figure; a figure or an acronym before a capitalised word. Group 1 marks the weak kind, the one brand
 * names make too (a lower-case letter meeting a capitalised word). Sticky: tried only where a character loop found a
 * capital or a figure after a letter, a figure or a mark (a regex scan would try its lookbehinds at every position).
 */
const GLUE_AT = /(?<=[?!])(?=[\p{Lu}\p{N}])|(?<=\p{Ll}{2})(?=(\p{Lu}\p{Ll})|\p{N})|(?<=\p{N}|\p{Lu}{2})(?=\p{Lu}\p{Ll}{2})/uy;
/** Tokens where capitals and figures meet by design: links and handles. */
const LINK_OR_HANDLE = /[/@#]|\.(?:com|org|net|io|co)\b/u;
/** Headlines a run needs when every glue in it is the weak kind. */
const MIN_HEADLINES_WEAK = 3;
/**
 * Words that carry none of a piece's content when it is weighed for Title Case: the shared minor words, and more that
 * a headline may also leave in lower case (particles, "than", "are", "be", "its"). Wider than TITLE_CASE_MINOR on
 * purpose: here a lower-case word only stops counting against the piece, where the other rules read any word outside
 * their list as the end of a headline, and taking these there would run a headline on into the sentence after it.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([...TITLE_CASE_MINOR, ...'nor onto out up off via per than before about are be its'.split(' ')]);
const WORD = /[\p{L}][\p{L}\p{N}'’-]*/gu;
const CAPITAL_START = /^\p{Lu}/u;
/** Capitalised words a headline piece needs. */
const MIN_CAPITALISED_WORDS = 3;
/** Share of a piece's words, function words aside, that start with a capital or a figure. */
const MIN_TITLE_CASE = 0.85;
/** Longest headline (characters). */
const HEADLINE_MAX_CHARS = 180;
/** Longest piece read as a headline before trimming: the headline and the blanks around it (characters). */
const PIECE_MAX_CHARS = HEADLINE_MAX_CHARS + 20;
/** Headlines a run needs. */
const MIN_HEADLINES = 2;
/** A full stop that ends a sentence inside a piece (not an initial or an abbreviation such as "U.S."). */
const SENTENCE_STOP = /\p{Ll}{2}\.(?=\s|$)/u;

interface Piece {
  start: number;
  end: number;
  glued: boolean; // glued to the piece before it (no blank between)
  weak: boolean; // that glue is the kind brand names make too
}

export const gluedHeadlines: Rule = {
  name: 'glued-headlines',
  category: 'related_links',
  find(text) {
    const glues = findGlues(text);
    const hits: Hit[] = [];
    let g = 0;
    for (let lineStart = 0; lineStart < text.length && g < glues.length; ) {
      const nl = text.indexOf('\n', lineStart);
      const lineEnd = nl < 0 ? text.length : nl;
      const cuts: Glue[] = [];
      for (; g < glues.length && glues[g].at < lineEnd; g++) if (glues[g].at > lineStart) cuts.push({ at: glues[g].at - lineStart, weak: glues[g].weak });
      if (cuts.length) hits.push(...runsIn(text, lineStart, lineEnd, cuts));
      lineStart = lineEnd + 1;
    }
    return hits;
  },
};

interface Glue {
  at: number;
  weak: boolean;
}

/** Every glue point of the text, outside links and handles: ASCII by character codes, other scripts by GLUE_AT. */
function findGlues(text: string): Glue[] {
  const out: Glue[] = [];
  for (let i = 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(isAsciiUpper(c) || isAsciiDigit(c) || c > 127)) continue;
    const p = text.charCodeAt(i - 1);
    if (p === 32 || p === 10 || p === 9) continue; // after a blank: no glue
    let weak: boolean | null;
    if (c > 127 && !mayStartGlue(c)) continue; // a quote, a dash: GLUE_AT needs a capital or a figure here
    if (c > 127 || p > 127) {
      GLUE_AT.lastIndex = i;
      const m = GLUE_AT.exec(text);
      weak = m ? m[1] !== undefined : null;
    } else weak = asciiGlue(text, i, c, p);
    if (weak === null || inLinkOrHandle(text, i)) continue;
    out.push({ at: i, weak });
  }
  return out;
}

/** A capital or a figure, as GLUE_AT's lookaheads need at a glue point (beyond ASCII; memo per code unit, filled on first sight). */
const UPPER_OR_FIGURE = /^[\p{Lu}\p{N}]$/u;
let startsGlue: Uint8Array | null = null; // 0 not looked at yet, 1 no, 2 yes
function mayStartGlue(c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return true; // half of a pair: the code point decides, in GLUE_AT
  startsGlue ??= new Uint8Array(0x10000);
  if (startsGlue[c] === 0) startsGlue[c] = UPPER_OR_FIGURE.test(String.fromCharCode(c)) ? 2 : 1;
  return startsGlue[c] === 2;
}

/** GLUE_AT on ASCII: null when `i` is no glue point, else whether it is the weak kind. */
function asciiGlue(text: string, i: number, c: number, p: number): boolean | null {
  const capitalisedWord = isAsciiUpper(c) && isAsciiLower(text.charCodeAt(i + 1));
  if (p === 63 || p === 33) return false; // "?X", "!3"
  if (isAsciiLower(p) && isAsciiLower(text.charCodeAt(i - 2))) return isAsciiDigit(c) ? false : capitalisedWord ? true : null;
  const wordOfThree = capitalisedWord && isAsciiLower(text.charCodeAt(i + 2));
  if (wordOfThree && (isAsciiDigit(p) || (isAsciiUpper(p) && isAsciiUpper(text.charCodeAt(i - 2))))) return false;
  return null;
}

/** Whether the blank-separated token around `at` is a link or a handle. */
function inLinkOrHandle(text: string, at: number): boolean {
  let s = at;
  while (s > 0 && !isRegexSpace(text.charCodeAt(s - 1))) s--;
  let e = at;
  while (e < text.length && !isRegexSpace(text.charCodeAt(e))) e++;
  return LINK_OR_HANDLE.test(text.slice(s, e));
}

function runsIn(text: string, from: number, to: number, cuts: Glue[]): Hit[] {
  const line = text.slice(from, to);
  // pieces between glue points; a piece of one word (a brand's first half) joins the next
  const pieces: Piece[] = [];
  let at = 0;
  let weak = false;
  for (const cut of [...cuts, { at: line.length, weak: false }]) {
    const prev = pieces[pieces.length - 1];
    if (prev && !hasTwoWords(line, prev.start, prev.end) && !END_MARK.test(line[prev.end - 1] ?? '')) prev.end = cut.at;
    else pieces.push({ start: at, end: cut.at, glued: at > 0, weak });
    at = cut.at;
    weak = cut.weak;
  }
  const hits: Hit[] = [];
  let run: Piece[] = [];
  const close = () => {
    const allWeak = run.slice(1).every((p) => p.weak);
    if (run.length >= (allWeak ? MIN_HEADLINES_WEAK : MIN_HEADLINES)) hits.push({ start: from + run[0].start, end: from + run[run.length - 1].end });
    run = [];
  };
  for (const p of pieces) {
    if (p.end - p.start > PIECE_MAX_CHARS || !isHeadline(line.slice(p.start, p.end))) {
      close();
      continue;
    }
    if (run.length && !p.glued) close();
    run.push(p);
  }
  close();
  const out: Hit[] = [];
  for (const h of hits) {
    const t = trimmed(text, h.start, h.end);
    if (t) out.push(t);
  }
  return out;
}

const END_MARK = /[?!]/;
const isBlank = (c: number) => c === 32 || c === 9 || c === 160;

/** Whether line[start, end) holds two words: a blank between two other characters (read up to the first such blank). */
function hasTwoWords(line: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isBlank(line.charCodeAt(i))) i++;
  while (i < end && !isBlank(line.charCodeAt(i))) i++;
  while (i < end && isBlank(line.charCodeAt(i))) i++;
  return i < end;
}

/** Headline-shaped: title case, three capitalised words or more, no sentence-ending full stop, a headline's length. */
function isHeadline(piece: string): boolean {
  const s = piece.trim();
  if (s.length > HEADLINE_MAX_CHARS || SENTENCE_STOP.test(s)) return false;
  const words = s.match(WORD) ?? [];
  let capitalised = 0;
  let content = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const upper = CAPITAL_START.test(w);
    if (!upper && i > 0 && FUNCTION_WORDS.has(w.toLowerCase())) continue;
    content++;
    if (upper) capitalised++;
  }
  return capitalised >= MIN_CAPITALISED_WORDS && capitalised / content >= MIN_TITLE_CASE;
}
