import { matches, type Hit, type TailRule } from '../rule.ts';
import { TITLE_CASE_MINOR } from '../title-case.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const SPACES = /\s+/;
const SPACE_RUNS = /\s+/g;
const END_PUNCTUATION = /[.!?:;,]["”’)]?$/;
const ALNUM_RUN = /[\p{L}\p{N}]+/gu;
const ALNUM = /[\p{L}\p{N}]/u;
const CAPITALISED = /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u;

/** Most words a first line may have and still read as a headline rather than a paragraph. */
const HEADLINE_MAX_WORDS = 25;
/** Fewest words for a line without end punctuation to be taken for a headline ("Bitcoin" alone is a label). */
const HEADLINE_MIN_WORDS = 3;
/** Share of its words a line must have in common with the known title, and the title with it, to be a variant of it. */
const VARIANT_MIN_SHARE = 0.5;

/**
 * The headline the other rules left at the top: the first line left after them, and its copies right
 * below it, when it is repeated, or when it is short and ends without punctuation (a sentence would
 * end in one). With a title, copies of it are the title rule's; a first line then is often the
 * article's own dek, dateline or opening quote (a pull quote may even repeat), so it only goes when it
 * also reads as another headline: a variant sharing most words with the title, or a line in Title Case
 * (every word capitalised but the minor ones). Only for texts with line breaks: a flattened
 * page has no first line to go by.
 */
export const headlineLine: TailRule = {
  name: 'headline-line',
  category: 'duplicate_title',
  find(text, removed, ctx) {
    const lines = liveLines(text, removed);
    const firstLine = lines.next();
    if (firstLine.done) return [];
    const first = text.slice(firstLine.value.start, firstLine.value.end);
    const words = cappedWordCount(first, HEADLINE_MAX_WORDS + 1);
    if (words > HEADLINE_MAX_WORDS) return [];
    const hits: Hit[] = [firstLine.value];
    let more = false;
    for (const line of lines) {
      more = true;
      if (text.slice(line.start, line.end) !== first) break;
      hits.push(line);
    }
    if (!more) return [];
    const title = ctx.title?.trim();
    if (title && !isVariant(first, title) && !isTitleCase(first)) return [];
    if (hits.length > 1) return hits;
    return words >= HEADLINE_MIN_WORDS && !END_PUNCTUATION.test(first) ? hits : [];
  },
};

/**
 * The number of words in a trimmed line, counted no further than `cap`: a flattened page is one long first line,
 * and only whether it has more than HEADLINE_MAX_WORDS matters.
 */
function cappedWordCount(line: string, cap: number): number {
  let n = 1;
  SPACE_RUNS.lastIndex = 0;
  while (n < cap && SPACE_RUNS.exec(line)) n++;
  return n;
}

function wordsOf(s: string): string[] {
  return s.toLowerCase().match(ALNUM_RUN) ?? [];
}

/** Most of the line's words are the title's and most of the title's are the line's: "Mehr Transparenz bei X" for "Site | Transparenz bei X". */
function isVariant(line: string, title: string): boolean {
  const a = new Set(wordsOf(line));
  const b = new Set(wordsOf(title));
  if (!a.size || !b.size) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared >= VARIANT_MIN_SHARE * a.size && shared >= VARIANT_MIN_SHARE * b.size;
}

/** "Report Sees Guns as Path to Safety in Schools": every word capitalised (or a number) but English minor words. */
function isTitleCase(line: string): boolean {
  const words = line.split(SPACES).filter((w) => ALNUM.test(w));
  return words.length >= HEADLINE_MIN_WORDS && words.every((w) => CAPITALISED.test(w) || TITLE_CASE_MINOR.has(w.toLowerCase()));
}

const LINE = /[^\n]+/g;

/**
 * The text lines with something left on them once `removed` (sorted) is cut out, trimmed to what is
 * left; a line whose rest is split by a removed span is skipped. One pass over lines and spans.
 */
function* liveLines(text: string, removed: readonly Hit[]): Generator<Hit> {
  let p = 0;
  for (const m of matches(text, LINE)) {
    const lineStart = m.index ?? 0;
    const lineEnd = lineStart + m[0].length;
    while (p < removed.length && removed[p].end <= lineStart) p++;
    // What is left of the line: the stretches between the spans that touch it.
    const left: Hit[] = [];
    let at = lineStart;
    for (let q = p; q < removed.length && removed[q].start < lineEnd; q++) {
      if (removed[q].start > at) left.push({ start: at, end: removed[q].start });
      at = Math.max(at, removed[q].end);
    }
    if (at < lineEnd) left.push({ start: at, end: lineEnd });
    const live = left.filter((h) => text.slice(h.start, h.end).trim());
    if (live.length !== 1) continue;
    const s = text.slice(live[0].start, live[0].end);
    const start = live[0].start + (s.length - s.trimStart().length);
    yield { start, end: start + s.trim().length };
  }
}
