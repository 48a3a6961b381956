import type { Hit, Rule } from '../rule.ts';
import { TITLE_CASE_MINOR } from '../title-case.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const ALNUM_RUN = /[\p{L}\p{N}]+/gu;
const LEADING_PUNCTUATION = /^[^\p{L}\p{N}\s]+/u;
const CLOSING_PUNCTUATION = /[^\p{L}\p{N}\s]+$/u;

/** Below this many words a title is too generic to hunt for in the body ("Markets", "Bitcoin"). */
const TITLE_MIN_WORDS = 3;
/** Most characters a copy may hold beyond the title's letters and digits, per word: spaces, punctuation, an entity. */
const GAP_PER_WORD = 8;

const ENTITY = /&#?\w{1,8};/y;
const ALNUM = /[\p{L}\p{N}]/u;

/**
 * A page's title carries the site's name after a bar or a spaced dash ("Council shuts bridge | The Herald",
 * "Council shuts bridge - Herald News"); the page shows the headline without it.
 */
const SITE_SEPARATOR = /\s+[|–—-]\s+|\s*\|\s*/u;
/** A headline copy cut short by the page ("Council shuts the old bridge over…"): the title's first words, then an ellipsis. */
const ELLIPSIS = /^[,;:]?\s?(?:…|\.\.\.)/;
/** Share of the title's letters and digits a cut-short copy holds at least: a few first words are a sentence's, not a copy. */
const CUT_COPY_MIN_SHARE = 0.5;

/**
 * Every in-text copy of the headline (the aggregator already has it from the feed), with the title's
 * leading and closing punctuation ("$…", "…?") when the text has it. Matching is on letters and digits
 * only, so copies whose `$`, `%`, quotes, entities or spaces differ from the feed title still match,
 * including copies glued to the blocks around them ("EmailMiners Sell…DipsByAna"). A page's title with the site's
 * name after it is looked for without the name too, and a copy the page cut short with an ellipsis counts when it holds
 * half the title or more. Without a title, `headlineLine` (a tail rule) finds the headline by its shape.
 */
export const duplicateTitle: Rule = {
  name: 'duplicate-title',
  category: 'duplicate_title',
  find(text, ctx) {
    const title = ctx.title?.trim() ?? '';
    const hits = copiesOf(text, title);
    // the headline without the site's name after it: the part before the first separator, copied with its capitals
    // (a title's first clause in lower case inside a sentence, "… look for undervalued altcoins under $1 .", is not one)
    const cut = SITE_SEPARATOR.exec(title);
    if (cut && cut.index > 0 && isSiteName(title.slice(cut.index + cut[0].length))) hits.push(...copiesOf(text, title.slice(0, cut.index), true));
    if (text.includes('…') || text.includes('...')) hits.push(...cutShortCopies(text, title));
    return hits;
  },
};

/** The copies of one title in the text (see duplicateTitle). */
function copiesOf(text: string, title: string, sameCase = false): Hit[] {
  const titleWords = title.match(ALNUM_RUN) ?? [];
  if (titleWords.length < TITLE_MIN_WORDS) return [];
  const key = titleWords.join('').toLowerCase();
  const lead = LEADING_PUNCTUATION.exec(title)?.[0] ?? '';
  const close = CLOSING_PUNCTUATION.exec(title)?.[0] ?? '';
  const hits: Hit[] = [];
  for (const [first, last] of copies(text, key)) {
    const span = text.slice(first, last);
    if (span.includes('<') || span.length > key.length + GAP_PER_WORD * titleWords.length) continue;
    if (inSentence(text, first, last, close)) continue;
    if (sameCase && !sameCaseAt(text, first, title)) continue;
    // the headline without the site's name is a shorter, plainer phrase, which a line of the story may end on ("My Top
    // 10 Women Talking Sports" under the title "Top 10 Women Talking Sports | <site>"): after a word and a space it is
    // that line's text, not a copy standing alone or glued to a block
    if (sameCase && WORD_BEFORE.test(text.slice(Math.max(0, first - 2), first))) continue;
    const start = lead && text.slice(first - lead.length, first) === lead ? first - lead.length : first;
    hits.push({ start, end: close && text.startsWith(close, last) ? last + close.length : last });
  }
  return hits;
}

/** Most words of each part of a site's name ("The Japan Times", "WSVN 7News | Miami News, Weather, Sports"). */
const SITE_PART_MAX_WORDS = 4;
const SITE_WORD = /^[\p{Lu}\p{N}&]/u;

/**
 * Whether what follows a title's separator names the site: every part (between further separators) a few words, each
 * capitalised or a Title Case minor word. A headline's second clause ("— Best Crypto to Buy Now With ADA, HBAR and
 * SHIB on Watchlists", "- here's what's next") is longer, or runs in lower case.
 */
function isSiteName(rest: string): boolean {
  return rest.split(SITE_SEPARATOR).every((part) => {
    const words = part.split(/\s+/).filter(Boolean);
    return words.length > 0 && words.length <= SITE_PART_MAX_WORDS && words.every((w) => SITE_WORD.test(w) || TITLE_CASE_MINOR.has(w.toLowerCase()));
  });
}

const FIRST_ALNUM = /[\p{L}\p{N}]/u;
/** Whether the copy's first letter at `first` has the case of the title's first letter. */
function sameCaseAt(text: string, first: number, title: string): boolean {
  const t = FIRST_ALNUM.exec(title)?.[0] ?? '';
  const c = text[first];
  return (t === t.toUpperCase()) === (c === c.toUpperCase());
}

/**
 * The copies of the title's opening words that stand within reach of an ellipsis (a title's length and a margin before
 * it): each ellipsis's window is read, not the whole text, so a text with an ellipsis or two costs a few short scans.
 */
function openingsBeforeEllipses(text: string, opening: string, titleLength: number): [number, number][] {
  const out: [number, number][] = [];
  let readTo = 0; // windows overlap when ellipses stand close: each stretch is read once
  for (let e = nextEllipsis(text, 0); e >= 0; e = nextEllipsis(text, e + 1)) {
    const from = Math.max(readTo, e - titleLength - ELLIPSIS_REACH_MARGIN);
    if (from >= e) continue;
    for (const [a, b] of copies(text.slice(from, e), opening)) out.push([from + a, from + b]);
    readTo = e;
  }
  return out;
}

/** Extra characters a copy may hold beyond the title's own before its ellipsis (blanks, punctuation, entities). */
const ELLIPSIS_REACH_MARGIN = 40;

function nextEllipsis(text: string, from: number): number {
  const a = text.indexOf('…', from);
  const b = text.indexOf('...', from);
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/**
 * Copies of the title's first words, as many as half its letters or more, closed by an ellipsis: a teaser or a share
 * box shows the headline cut short. Found from the title's first TITLE_MIN_WORDS words, then read on letter by letter
 * while the text goes on as the title does.
 */
function cutShortCopies(text: string, title: string): Hit[] {
  const titleWords = title.match(ALNUM_RUN) ?? [];
  if (titleWords.length <= TITLE_MIN_WORDS) return [];
  const key = titleWords.join('').toLowerCase();
  const opening = titleWords.slice(0, TITLE_MIN_WORDS).join('').toLowerCase();
  const hits: Hit[] = [];
  for (const [first, last] of openingsBeforeEllipses(text, opening, title.length)) {
    let matched = opening.length;
    let end = last;
    for (let i = last; i < text.length && matched < key.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 128) {
        if (c >= 65 && c <= 90) c += 32;
        else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
          if (c === 32 || c === 44 || c === 39 || c === 45 || c === 58) continue; // a blank, a comma, an apostrophe, a dash, a colon
          break;
        }
      } else {
        c = foldedOther(c);
        if (c < 0) {
          if (text.charCodeAt(i) === 0x2019) continue; // ’
          break;
        }
      }
      if (key.charCodeAt(matched) !== c) break;
      matched++;
      end = i + 1;
    }
    if (matched >= key.length || matched < key.length * CUT_COPY_MIN_SHARE) continue; // whole copies are copiesOf's
    const ellipsis = ELLIPSIS.exec(text.slice(end, end + 4));
    if (!ellipsis) continue;
    // a word cut in two ("doct…") is not read on: the copy ends where the title's words stopped matching
    hits.push({ start: first, end: end + ellipsis[0].length });
  }
  return hits;
}

/** Before a copy: the text's or a line's start, or a word and one space ("… the Water-Making Spell"), not a sentence end or a label's colon. */
const PROSE_BEFORE = /(?:^|\n[ \t]*|[\p{L}\p{N},] )$/u;
/** Inside a sentence: a word and one space before the copy. */
const WORD_BEFORE = /[\p{L}\p{N},] $/u;
/** After it: one space and a lower-case word that is not a byline's "by" ("… Spell conjures water"), or a comma. */
const PROSE_AFTER = /^(?:[,;]|\s(?!by\b)\p{Ll})/u;
/** Or the sentence's end, "… geht es um Reiki und Schamanismus. Wenn …". */
const SENTENCE_END = /^[.!?](?:\s|$)/;

/**
 * The title's words used in a sentence, not a copy of the headline: a short title ("Water-Making Spell",
 * "XYZ is available for trading") the text runs on from in lower case, or that ends a sentence begun
 * before it. A headline copy stands alone or is glued to the blocks around it, and what follows it opens
 * with a capital or a byline.
 */
function inSentence(text: string, first: number, last: number, close: string): boolean {
  const before = text.slice(Math.max(0, first - 40), first);
  const after = text.slice(last, last + 4);
  return (PROSE_BEFORE.test(before) && PROSE_AFTER.test(after)) || (!close && WORD_BEFORE.test(before) && SENTENCE_END.test(after));
}

const AMPERSAND = 38;

/**
 * What `foldedOther` found for each UTF-16 code unit beyond ASCII: 0 not looked at yet, NO_ALNUM, or the code
 * unit it folds to plus one. Pages in other scripts are mostly such letters, and the Unicode class test and
 * lower-casing cost tens of times a table look-up (allocated on first use: 256 KB).
 */
let folded: Int32Array | null = null;
const NO_ALNUM = -1;

/** A non-ASCII code unit in lower case, or -1 when it is no letter or digit. */
function foldedOther(c: number): number {
  folded ??= new Int32Array(0x10000);
  let f = folded[c];
  if (f === 0) {
    const ch = String.fromCharCode(c);
    // Lower-casing keeps one code unit for all but a few letters (e.g. "İ"); those keep their own case.
    const lower = ch.toLowerCase();
    f = folded[c] = ALNUM.test(ch) ? (lower.length === 1 ? lower.charCodeAt(0) : c) + 1 : NO_ALNUM;
  }
  return f === NO_ALNUM ? NO_ALNUM : f - 1;
}

/**
 * Where the key occurs in the text's letters and digits (in lower case, HTML entities skipped), leftmost first and
 * not overlapping: [offset of its first letter, offset after its last] in the text. One pass, matching as it reads
 * (Knuth-Morris-Pratt), so the letters are never gathered into a string. ASCII is sorted by character code; other
 * characters are looked up.
 */
function copies(text: string, key: string): [number, number][] {
  const out: [number, number][] = [];
  const fallback = prefixTable(key);
  const recent = scratch(RECENT, key.length); // offsets of the last key.length letters, round robin
  let next = 0; // the slot the next letter's offset goes to: once key.length letters are in, the oldest one's
  let matched = 0;
  const firstLetter = key.length ? firstLetterFinder(text, key.charCodeAt(0)) : null;
  const hasEntity = text.includes('&'); // every entity opens with one: without it no jump lands inside an entity
  for (let i = 0; i < text.length; i++) {
    if (matched === 0 && firstLetter) {
      // Nothing matched yet: only a code unit that folds to the key's first letter can start a copy, and the letters
      // between change nothing (their offsets in `recent` are overwritten before a match reads them), so jump to it.
      const at = firstLetter(i);
      if (at < 0) break;
      const entityEnd = hasEntity ? entityCovering(text, at) : -1;
      if (entityEnd > at) {
        i = entityEnd - 1; // inside an entity the loop would have skipped: go on after it
        continue;
      }
      i = at;
    }
    let c = text.charCodeAt(i);
    if (c === AMPERSAND) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(text);
      if (m) {
        i += m[0].length - 1;
        continue;
      }
    }
    if (c < 128) {
      if (c >= 65 && c <= 90) c += 32; // A-Z to a-z
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    } else {
      c = foldedOther(c);
      if (c < 0) continue;
    }
    recent[next] = i;
    if (++next === key.length) next = 0; // a wrap, not a modulo per letter
    while (matched > 0 && key.charCodeAt(matched) !== c) matched = fallback[matched - 1];
    if (key.charCodeAt(matched) === c) matched++;
    if (matched === key.length) {
      out.push([recent[next], i + 1]); // key.length letters back: a full match has put at least that many in
      matched = 0; // copies do not overlap
    }
  }
  return out;
}

/** The one code unit beyond ASCII that folds to an ASCII letter (toLowerCase): the Kelvin sign, to "k" (a unit test holds this). */
const KELVIN_SIGN = 0x212a;

/**
 * For an ASCII first letter of the key, a function from an offset to the next offset at or after it whose code unit
 * folds to that letter (its two cases, and the Kelvin sign for "k"), or -1; null beyond ASCII (the loop reads every
 * character). Each case's next place is searched for with `indexOf` and kept until the walk passes it, so the text is
 * searched once per case: a native search runs many times faster than the loop's fold and step per character.
 */
function firstLetterFinder(text: string, first: number): ((from: number) => number) | null {
  if (first >= 128) return null;
  const units = [first];
  if (first >= 97 && first <= 122) units.push(first - 32);
  if (first === 107) units.push(KELVIN_SIGN);
  const chars = units.map((u) => String.fromCharCode(u));
  const nextAt = units.map(() => -2); // -2 not searched yet, -1 none left
  return (from) => {
    let best = -1;
    for (let k = 0; k < chars.length; k++) {
      if (nextAt[k] === -1) continue;
      if (nextAt[k] < from) nextAt[k] = text.indexOf(chars[k], from);
      if (nextAt[k] >= 0 && (best < 0 || nextAt[k] < best)) best = nextAt[k];
    }
    return best;
  };
}

/** Longest HTML entity ENTITY takes (characters): "&", "#", eight word characters, ";". */
const ENTITY_MAX_CHARS = 11;

/**
 * Where the entity holding offset `at` ends, or -1 when `at` is in none: the loop skips every entity from its "&", and an
 * entity holds no "&" after its first character, so only the last "&" less than an entity's length before `at` can
 * start one that holds it.
 */
function entityCovering(text: string, at: number): number {
  for (let a = at - 1; a >= 0 && a > at - ENTITY_MAX_CHARS; a--) {
    if (text.charCodeAt(a) !== AMPERSAND) continue;
    ENTITY.lastIndex = a;
    const m = ENTITY.exec(text);
    return m && a + m[0].length > at ? a + m[0].length : -1;
  }
  return -1;
}

/**
 * The walk's two tables, reused from call to call (`copies` runs to its end before it is called again): a typed array
 * of more than 64 bytes is allocated outside V8's heap, and two such allocations cost more than walking a short text.
 */
const FALLBACK = 0;
const RECENT = 1;
const scratchTables = [new Int32Array(256), new Int32Array(256)];

/** Scratch table `which`, at least `length` long (its contents are left over from earlier calls). */
function scratch(which: number, length: number): Int32Array {
  if (scratchTables[which].length < length) scratchTables[which] = new Int32Array(length * 2);
  return scratchTables[which];
}

/** For each prefix of the key, the length of its longest proper prefix that is also its suffix (in a scratch table). */
function prefixTable(key: string): Int32Array {
  const table = scratch(FALLBACK, key.length);
  table[0] = 0;
  for (let i = 1, k = 0; i < key.length; i++) {
    while (k > 0 && key.charCodeAt(i) !== key.charCodeAt(k)) k = table[k - 1];
    if (key.charCodeAt(i) === key.charCodeAt(k)) k++;
    table[i] = k;
  }
  return table;
}
