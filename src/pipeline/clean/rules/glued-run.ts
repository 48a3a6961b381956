import { isAsciiLower, isRegexSpace } from '../ascii.ts';
import { shapes } from '../literals.ts';
import { isSurrogatePair, type Hit, type Rule } from '../rule.ts';

/**
 * Menus, tag lists and widgets run together without spaces when a page is flattened: "Stocks MenuStocksMarket
 * PulseStock Market OverviewMarket Momentum", "North KoreaLazarus groupChainalysis". The form: a run of capitalised or
 * glued tokens holding several joins (one word's last lower-case letters meeting the next word's capital) whose words
 * are nearly all capitalised. Prose has joins only inside brand names (CoinDesk, BlackRock), one at a time; a table
 * flattened the same way ("cashFlow profileProsTrade-offs") is mostly lower-case words and stays. Where the run meets
 * the story's sentences, it stops at the glued break: "a BNB treasuryByJamie …" starts at "By", "… 12:33SHIB team has"
 * ends before "SHIB", and a stop glued to a capital ("Ledger.ByShaurya") ends the sentence before it.
 */
/** A join: a word of three lower-case letters or more, glued to a capitalised word. */
const JOIN = /\p{Ll}{3}(?=\p{Lu}\p{Ll})/gu;
/** A glued break: a join, or a digit glued to a capital ("12:33SHIB"). */
const BREAK = /(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll})|(?<=\d)(?=\p{Lu})/gu;
/** A token that may stand in a menu run: capitalised, all capitals, a digit, a separator, or glued. */
const RUN_TOKEN = /^(?:[\p{Lu}\p{N}&|/•·–-]|\p{Ll}+\p{Lu})/u;
/** A stop glued to a capital inside a token: a sentence ends there. */
const GLUED_STOP = /[.!?](?=\p{Lu})/gu;
/** Joins a run needs; at the text's end (a tag list) one fewer. */
const MIN_JOINS = 3;
/** Share of a run's words (split at joins and blanks) that must be capitalised. */
const MIN_CAPITALISED = 0.75;
/** Tokens of the story's sentence a run may hold at an edge before the glued break (the first words of it). */
const EDGE_MAX_TOKENS = 3;
/** Tokens holding a join and ending in a comma that make a run a list of brand names in a sentence. */
const LISTED_BRANDS_MIN = 2;
/** The first letter of each word: after a blank, or a glued capital. */
const WORD_START = /(?:^|(?<=\s))\p{L}|(?<=\p{Ll}{3})\p{Lu}/gu;
const CAPITAL = /\p{Lu}/u;

interface Tok {
  start: number;
  end: number;
  joins: number;
  breaks: number[]; // text offsets of glued breaks inside the token
}

export const gluedRun: Rule = {
  name: 'glued-run',
  category: 'site_chrome',
  find(text) {
    // One pass finds every join; most texts hold a brand name's one or none, and a run needs two at least.
    const cased: number[] = [];
    const joins = findJoins(text, cased);
    if (joins.length < MIN_JOINS - 1) return [];
    const hits: Hit[] = [];
    // A run keeps to its line (a menu is one line when the page has lines), so only lines with two joins are read.
    let j = 0;
    for (let lineStart = 0; lineStart < text.length && j < joins.length; ) {
      const nl = text.indexOf('\n', lineStart);
      const lineEnd = nl < 0 ? text.length : nl;
      let n = 0;
      while (j < joins.length && joins[j] < lineEnd) {
        j++;
        n++;
      }
      if (n >= MIN_JOINS - 1) hits.push(...runsIn(text, lineStart, lineEnd, joins, j - n, j, cased));
      lineStart = lineEnd + 1;
    }
    return hits;
  },
};

const JOIN_AT = /\p{Ll}{3}(?=\p{Lu}\p{Ll})/uy;

/**
 * Where JOIN matches, read at the places the one walk of the text lists (literals.ts; a regex scan tried its three
 * letters at every position of every text, and then a loop of this rule's own read every character): ASCII joins at
 * the capitals glued onto a lower-case letter, other scripts by the sticky regex at each character beyond ASCII.
 * `cased` gets the offsets of the characters beyond ASCII that may be (part of) a cased letter: near those the ASCII
 * test may miss a join JOIN's Unicode classes count (runsIn reads such stretches in full).
 */
function findJoins(text: string, cased: number[]): number[] {
  const out: number[] = [];
  const { gluedCapitals, beyondAscii } = shapes(text);
  // the two lists in one ascending order (an ASCII capital and a code unit beyond ASCII never share an offset)
  let g = 0;
  let b = 0;
  while (g < gluedCapitals.length || b < beyondAscii.length) {
    if (b >= beyondAscii.length || (g < gluedCapitals.length && gluedCapitals[g] < beyondAscii[b])) {
      const i = gluedCapitals[g++];
      if (i < 3 || i + 1 >= text.length) continue;
      if (isAsciiLower(text.charCodeAt(i + 1)) && isAsciiLower(text.charCodeAt(i - 1)) && isAsciiLower(text.charCodeAt(i - 2)) && isAsciiLower(text.charCodeAt(i - 3))) out.push(i - 3);
      continue;
    }
    const i = beyondAscii[b++];
    if (mayBeCased(text.charCodeAt(i))) cased.push(i);
    if (i < 3 || i + 1 >= text.length) continue;
    JOIN_AT.lastIndex = i - 3; // a non-ASCII letter: let the Unicode classes decide (also for the letters before it)
    if (JOIN_AT.test(text)) out.push(i - 3);
  }
  return out;
}

/**
 * The glued runs of one line, whose joins (as findJoins found them) are joins[firstJoin, endJoin). A run without a join
 * is never a hit, and most of a line is prose between a few brand names, so the tokens far from any join are not read:
 * where the run being read holds no join yet, reading jumps to the last plain lower-case word before the next join
 * (a token no run takes, after which the state is known), or stops when no join is left. Skipped stretches must hold no
 * cased letter beyond ASCII (`cased`, listed by findJoins), where its character loop may miss a join that JOIN's
 * Unicode classes count.
 */
function runsIn(text: string, from: number, to: number, joins: readonly number[], firstJoin: number, endJoin: number, cased: readonly number[]): Hit[] {
  const hits: Hit[] = [];
  let run: Tok[] = [];
  let runJoins = 0; // joins of the tokens in `run`
  let proseBefore = false;
  const close = (proseAfter: boolean) => {
    const hit = run.length ? judge(text, run, proseBefore, proseAfter) : null;
    if (hit) hits.push(hit);
    run = [];
    runJoins = 0;
  };
  // One token at a time, as /\S+/g would cut them (blank-separated, then split where a stop is glued to a capital);
  // only tokens a run takes are kept as objects.
  const step = (start: number, end: number, joins: number, breaks: number[]) => {
    if (!isRunToken(text, start, end, breaks)) {
      close(true);
      proseBefore = !endsSentence(text, end);
      return;
    }
    run.push({ start, end, joins, breaks });
    runJoins += joins;
    if (endsSentence(text, end)) {
      close(true);
      proseBefore = false;
    }
  };
  let next = firstJoin; // the first of the line's joins at or after i
  let triedFor = -1; // the join a jump was last looked for before
  for (let i = from; i < to; ) {
    while (i < to && isRegexSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    while (next < endJoin && joins[next] < i) next++;
    if (runJoins === 0 && next !== triedFor) {
      triedFor = next;
      if (next === endJoin) {
        if (!anyIn(cased, i, to)) break; // only runs without a join are left: none is a hit
      } else {
        const plain = plainWordBefore(text, i, joins[next]);
        if (plain >= 0 && !anyIn(cased, i, plain)) {
          // stepping that word would close the run (joinless: no hit) and leave this state
          run = [];
          proseBefore = !endsSentence(text, plain);
          i = plain;
          continue;
        }
      }
    }
    const start = i;
    while (i < text.length && !isRegexSpace(text.charCodeAt(i))) i++;
    if (mayBeGlued(text, start, i)) gluedParts(text, start, i, step);
    else step(start, i, 0, NO_BREAKS);
  }
  close(false);
  return hits;
}

/**
 * The end of the last blank-separated token in text[from, at) before the token holding `at` that is a plain lower-case
 * word (an ASCII lower-case letter first, nothing glued: a token no run takes), or -1. `from` is a token's start.
 */
function plainWordBefore(text: string, from: number, at: number): number {
  let s = at;
  while (s > from && !isRegexSpace(text.charCodeAt(s - 1))) s--;
  for (;;) {
    let e = s;
    while (e > from && isRegexSpace(text.charCodeAt(e - 1))) e--;
    if (e <= from) return -1;
    s = e;
    while (s > from && !isRegexSpace(text.charCodeAt(s - 1))) s--;
    if (isAsciiLower(text.charCodeAt(s)) && !mayBeGlued(text, s, e)) return e;
  }
}

/** Whether one of the ascending `offsets` lies in [from, to). */
function anyIn(offsets: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length && offsets[lo] < to;
}

const CASED = /^[\p{Ll}\p{Lu}]$/u;
let cased: Uint8Array | null = null; // per code unit beyond ASCII: 0 not looked at yet, 1 no, 2 yes
/** Whether a code unit beyond ASCII may be (part of) a lower- or upper-case letter: half of a pair always may. */
function mayBeCased(c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return true; // half of a pair: the code point may be a letter
  cased ??= new Uint8Array(0x10000);
  if (cased[c] === 0) cased[c] = CASED.test(String.fromCharCode(c)) ? 2 : 1;
  return cased[c] === 2;
}

/** A token without glued breaks (most of them): one shared empty list, read and never changed. */
const NO_BREAKS: number[] = [];

/** Capitalised, all capitals, a digit, a separator, or glued ("groupChainalysis"): a token a menu run may hold. */
function isRunToken(text: string, start: number, end: number, breaks: readonly number[]): boolean {
  const c = text.charCodeAt(start);
  if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 38 || c === 124 || c === 47 || c === 45) return true;
  if (c >= 97 && c <= 122) return breaks.length > 0;
  return RUN_TOKEN.test(text.slice(start, end)); // other scripts and signs: the Unicode pattern decides
}

/** Whether the token ending at `end` closes a sentence: a stop, maybe followed by a closing quote or parenthesis. */
function endsSentence(text: string, end: number): boolean {
  let i = end - 1;
  const c = text.charCodeAt(i);
  if (c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x29) i--; // " ” ’ )
  const d = text.charCodeAt(i);
  return d === 0x2e || d === 0x21 || d === 0x3f; // . ! ?
}

/** Whether text[start, end) holds a lower-case letter, digit or stop right before a capital: only such tokens need a closer look. */
function mayBeGlued(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      const p = text.charCodeAt(i - 1);
      if ((p >= 97 && p <= 122) || (p >= 48 && p <= 57) || p === 46 || p === 33 || p === 63 || p > 127) return true;
    } else if (c > 127) return true; // non-ASCII: let the Unicode patterns decide
  }
  return false;
}

/** The token text[start, end) split where a stop is glued to a capital, each part with its joins and glued breaks. */
function gluedParts(text: string, start: number, end: number, step: (start: number, end: number, joins: number, breaks: number[]) => void): void {
  const tok = text.slice(start, end);
  const cuts = [0];
  GLUED_STOP.lastIndex = 0;
  for (let g = GLUED_STOP.exec(tok); g; g = GLUED_STOP.exec(tok)) cuts.push(g.index + 1);
  cuts.push(tok.length);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const part = tok.slice(cuts[i], cuts[i + 1]);
    if (!part) continue;
    const at = start + cuts[i];
    step(at, at + part.length, countJoins(part), breaksIn(part, at));
  }
}

/** How many times JOIN matches in a part (as `part.match(JOIN).length`; a join is never empty). */
function countJoins(part: string): number {
  let n = 0;
  JOIN.lastIndex = 0;
  while (JOIN.exec(part)) n++;
  return n;
}

/** Text offsets of BREAK's (empty) matches in a part, as `matchAll` yields them: each search moves on one code point. */
function breaksIn(part: string, at: number): number[] {
  const out: number[] = [];
  BREAK.lastIndex = 0;
  for (let b = BREAK.exec(part); b; b = BREAK.exec(part)) {
    out.push(at + b.index);
    BREAK.lastIndex = b.index + b[0].length + (b[0] === '' ? (isSurrogatePair(part, b.index) ? 2 : 1) : 0);
  }
  return out;
}

/** The run as a hit, its edges cut at the glued breaks where it meets the story, or null when it is not a glued menu. */
function judge(text: string, run: Tok[], proseBefore: boolean, proseAfter: boolean): Hit | null {
  const joins = run.reduce((n, t) => n + t.joins, 0);
  const last = run[run.length - 1];
  const atEnd = !proseAfter && text.slice(last.end).trim() === '';
  if (joins < (atEnd ? MIN_JOINS - 1 : MIN_JOINS)) return null;
  // brand names listed in a sentence ("CoinMarketCap, TradingView, CryptoQuant, and …"): a menu has no commas
  if (run.filter((t) => t.joins && text[t.end - 1] === ',').length >= LISTED_BRANDS_MIN) return null;
  // one glued word with the story's words on both sides is a compound name ("the AdminConsumeLegacyBound function"),
  // not a menu run into the story
  if (run.length === 1 && proseBefore && proseAfter) return null;
  let start = run[0].start;
  let end = last.end;
  if (proseBefore) {
    const i = run.findIndex((t) => t.breaks.length);
    if (i >= 0 && i < EDGE_MAX_TOKENS) start = run[i].breaks[0];
  }
  if (proseAfter) {
    let i = run.length - 1;
    while (i >= 0 && !run[i].breaks.length) i--;
    if (i >= 0 && run.length - 1 - i < EDGE_MAX_TOKENS) end = run[i].breaks[run[i].breaks.length - 1];
  }
  if (end <= start) return null;
  // judged on the whole run, edges included: a flattened table's lower-case words must count against it
  const words = [...text.slice(run[0].start, last.end).matchAll(WORD_START)];
  const capitalised = words.filter((w) => CAPITAL.test(w[0])).length;
  return words.length && capitalised / words.length >= MIN_CAPITALISED ? { start, end } : null;
}
