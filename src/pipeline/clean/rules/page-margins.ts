import { isAsciiDigit, isAsciiLower, isAsciiUpper, isRegexSpace } from '../ascii.ts';
import { trimmed } from '../gaps.ts';
import type { Hit, Rule } from '../rule.ts';

/**
 * The furniture around a flattened page's prose region. A page flattened without white space between its blocks runs
 * menus, labels, counters and other stories' headlines into the story: "…we need a ceasefire.”Share42Tweet7More from
 * The HeraldCouncil votes on budgetPark reopens after floods3 hours agoPrivacy Policy". Cut at its block joins (a stop,
 * a lower-case word or a figure glued to a capital), the story is a run of long segments of running text (a dozen
 * words and more, most of them lower-case, closed by a stop); furniture is short segments, Title Case or capitals,
 * without a stop. Two margins are read, by form alone (no outlet's words):
 *   - the tail: after the last body sentence, a stretch of five segments or more, mostly without a stop, with a
 *     furniture-shaped one among its first three, is the page's footer (related headlines, share counters, tag lists,
 *     links) and goes to its end; short sentences right after the last body sentence stay (the story's own ending), and
 *     so does a last segment that reads as a sentence cut off (the page's text may end mid-sentence);
 *   - the head: before the first segment of running text, runs of two furniture-shaped segments or more go (a menu's
 *     pieces the glued-run rule left, a dateline glued to a label, a share bar); the segment right before the running
 *     text is spared (a heading such as "In Brief", a byline), and so is a run's last segment when a list item follows
 *     (the heading of a key-points list).
 * Precision: a story's list ("What We Like / Low fees / …") stands between body sentences and is never read; the tail
 * needs a furniture-shaped segment early, so a list of figures that closes a market report (sentence-shaped items) stays.
 * Only flattened text is read: a few stops glued to a capital ("…rose.The index…") are the cheap sign of it; text with
 * blanks between its paragraphs has no such joins and costs one scan.
 */

/** Stops glued to a capital that mark a text as a flattened page; fewer, a join is a typo or a brand ("Yahoo!Finance"). */
const MIN_GLUED_STOPS = 3;
/** Words a segment of running text has at least (a body sentence, or a paragraph cut off before its stop). */
const PROSE_MIN_WORDS = 12;
/** Share of a running-text segment's words that open in lower case. */
const PROSE_MIN_LOWER = 0.45;
/** Most words a segment may have to be furniture-shaped by length alone (a label, a counter, a date). */
const FURNITURE_MAX_WORDS = 3;
/** Largest share of lower-case words in a furniture-shaped segment of any length (Title Case, capitals, names). */
const FURNITURE_MAX_LOWER = 0.25;
/** Segments a tail stretch needs: fewer is the end of a story cut short, a sign-off, a line or two of a table. */
const TAIL_MIN_SEGMENTS = 5;
/** Share of a tail stretch's segments that close without a stop: a list, not sentences. */
const TAIL_MIN_UNSTOPPED = 0.6;
/** The first segments of a tail stretch, one of which must be furniture-shaped (a label: "Related", "Share", a date). */
const TAIL_LABEL_WITHIN = 3;
/** A cut-off sentence at the text's end: words at least, and share of them lower case. */
const RESUMED_MIN_WORDS = 3;
const RESUMED_MIN_LOWER = 0.6;
/** Furniture-shaped segments a run in the head needs. */
const HEAD_MIN_RUN = 2;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const LOWER_START = /^\p{Ll}/u;
const STOP_END = /[.!?…]["”’)]?\s*$/u;
/** A segment ending on a word that cannot end a block: an inline link glued into its sentence ("in theBinance…"). */
const FUNCTION_END = /\s(?:the|a|an|of|in|on|to|and|or|for|with|by|at|from|as|is|its|their|our|your|this|that)$/;
/** Longest FUNCTION_END match (characters): a blank and "their". */
const FUNCTION_END_MAX_CHARS = 6;

type Kind = 'body' | 'furniture' | 'other';

interface Segment {
  start: number;
  end: number;
  words: number;
  lower: number; // share of the words that open in lower case
  stop: boolean; // closes with a stop
  kind: Kind;
}

export const pageMargins: Rule = {
  name: 'page-margins',
  category: 'site_chrome',
  find(text) {
    if (!isFlattened(text)) return [];
    const segs = segments(text);
    const hits: Hit[] = [...head(segs), ...tail(segs)];
    const out: Hit[] = [];
    for (const h of hits) {
      const t = trimmed(text, h.start, h.end);
      if (t) out.push(t);
    }
    return out;
  },
};

/** Whether MIN_GLUED_STOPS stops stand glued between a lower-case letter and a capital ("rose.The"): ASCII only, a cheap gate. */
function isFlattened(text: string): boolean {
  let n = 0;
  for (let i = text.indexOf('.', 1); i >= 0 && i + 1 < text.length; i = text.indexOf('.', i + 1)) {
    if (!isAsciiLower(text.charCodeAt(i - 1)) || !isAsciiUpper(text.charCodeAt(i + 1))) continue;
    if (++n >= MIN_GLUED_STOPS) return true;
    // one join a word: a name spelled with dots ("Anna.Berg.Satire.Blog", a site's slogan) is one token, not three
    // blocks run together; the next join is looked for after the token's end
    while (i + 1 < text.length && !isRegexSpace(text.charCodeAt(i + 1))) i++;
  }
  return false;
}

const isUpper = (c: string): boolean => c !== c.toLowerCase();
const isLower = (c: string): boolean => c !== c.toUpperCase();
const isDigit = (c: string): boolean => isAsciiDigit(c.charCodeAt(0));
const STOPS = '.!?…';
const CLOSERS = '"”’)';

const OPENERS = '“"‘(';

/** Whether a block join stands before text[i]: a stop, a lower-case word or a figure glued to a capital (or a stop to a quote). */
function joinAt(text: string, i: number): boolean {
  const c = text[i];
  const p = text[i - 1];
  if (OPENERS.includes(c)) return STOPS.includes(p) && isLower(text[i - 2] ?? ''); // "…he said.“We will…"
  if (!isUpper(c)) return false;
  if (STOPS.includes(p)) return true;
  if (CLOSERS.includes(p) && STOPS.includes(text[i - 2] ?? '')) return true;
  const n = text[i + 1] ?? '';
  if (isLower(p)) return isLower(text[i - 2] ?? '') && isLower(n); // "newsLocal": a word glued to a capitalised word
  return isDigit(p) && (isLower(n) || isUpper(n)); // "2020Article", "ago0BSNIP"
}

/** The text cut at its block joins and line breaks, each piece measured. */
function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  const push = (end: number) => {
    if (end <= start) return;
    const prev = out[out.length - 1];
    const seg = measure(text, start, end);
    // nothing of a word, or glued after a word a block cannot end on: one segment with the one before (only the
    // segment's last characters can hold that word, so only they are read)
    if (prev && (!seg.words || FUNCTION_END.test(text.slice(Math.max(prev.start, prev.end - FUNCTION_END_MAX_CHARS), prev.end)))) {
      out[out.length - 1] = measure(text, prev.start, end);
    } else out.push(seg);
    start = end;
  };
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      push(i);
      start = i + 1;
      continue;
    }
    if (isRegexSpace(code) || isAsciiLower(code) || isAsciiDigit(code) || code === 46 || code === 44) continue; // no join starts at these
    if (joinAt(text, i)) push(i);
  }
  push(text.length);
  return out;
}

function measure(text: string, start: number, end: number): Segment {
  const t = text.slice(start, end);
  // the words counted as they are found, not gathered into an array first
  let words = 0;
  let lowerWords = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(t); m; m = WORD.exec(t)) {
    words++;
    if (LOWER_START.test(m[0])) lowerWords++;
  }
  const lower = words ? lowerWords / words : 0;
  const stop = STOP_END.test(t);
  let kind: Kind = 'other';
  if (words >= PROSE_MIN_WORDS && lower >= PROSE_MIN_LOWER && stop) kind = 'body';
  else if (words <= FURNITURE_MAX_WORDS || lower <= FURNITURE_MAX_LOWER) kind = 'furniture';
  return { start, end, words, lower, stop, kind };
}

/** Running text: a body sentence, or a paragraph's worth of lower-case words cut off before its stop. */
const isRunningText = (s: Segment): boolean => s.words >= PROSE_MIN_WORDS && s.lower >= PROSE_MIN_LOWER;

/** The runs of furniture-shaped segments before the first segment of running text (the one right before it spared). */
function head(segs: readonly Segment[]): Hit[] {
  const first = segs.findIndex(isRunningText);
  if (first < 0) return [];
  const zone = first - 1; // the segment right before the running text is its heading or byline
  const isFurniture = (i: number) => i < zone && segs[i].kind === 'furniture' && !segs[i].stop;
  const hits: Hit[] = [];
  for (let i = 0; i < zone; ) {
    if (!isFurniture(i)) {
      i++;
      continue;
    }
    let j = i;
    while (isFurniture(j)) j++;
    // a list item follows: the run's last segment is its heading
    const end = segs[j]?.kind === 'other' ? j - 1 : j;
    if (end - i >= HEAD_MIN_RUN) hits.push({ start: segs[i].start, end: segs[end - 1].end });
    i = j;
  }
  return hits;
}

/** The footer after the last body sentence, when it reads as a list with a label early in it. */
function tail(segs: readonly Segment[]): Hit[] {
  let last = segs.length - 1;
  while (last >= 0 && segs[last].kind !== 'body') last--;
  if (last < 0) return [];
  let from = last + 1;
  while (from < segs.length && segs[from].stop) from++; // the story's own short closing sentences
  let to = segs.length;
  const end = segs[to - 1];
  if (to - 1 > from && !end.stop && end.words >= RESUMED_MIN_WORDS && end.lower >= RESUMED_MIN_LOWER) to--; // a sentence cut off
  const stretch = segs.slice(from, to);
  if (stretch.length < TAIL_MIN_SEGMENTS) return [];
  if (stretch.filter((s) => !s.stop).length / stretch.length < TAIL_MIN_UNSTOPPED) return [];
  if (!stretch.slice(0, TAIL_LABEL_WITHIN).some((s) => s.kind === 'furniture')) return [];
  return [{ start: stretch[0].start, end: stretch[stretch.length - 1].end }];
}
