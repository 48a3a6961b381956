import type { Hit, TailRule } from '../rule.ts';

/** Most words a first line may have and still read as a headline rather than a paragraph. */
const HEADLINE_MAX_WORDS = 25;
/** Fewest words for a line without end punctuation to be taken for a headline ("Bitcoin" alone is a label). */
const HEADLINE_MIN_WORDS = 3;

/**
 * The headline when no title is given: the first line left after the other rules, and its copies right
 * below it, when it is repeated, or when it is short and ends without punctuation (a sentence would end
 * in one). Only for texts with line breaks: a flattened page has no first line to go by.
 */
export const headlineLine: TailRule = {
  name: 'headline-line',
  category: 'duplicate_title',
  find(text, removed) {
    const lines = liveLines(text, removed);
    const firstLine = lines.next();
    if (firstLine.done) return [];
    const first = text.slice(firstLine.value.start, firstLine.value.end);
    const words = first.split(/\s+/).length;
    if (words > HEADLINE_MAX_WORDS) return [];
    const hits: Hit[] = [firstLine.value];
    let more = false;
    for (const line of lines) {
      more = true;
      if (text.slice(line.start, line.end) !== first) break;
      hits.push(line);
    }
    if (!more) return [];
    const headlineLike = words >= HEADLINE_MIN_WORDS && !/[.!?:;,]["”’)]?$/.test(first);
    return hits.length > 1 || headlineLike ? hits : [];
  },
};

/**
 * The text lines with something left on them once `removed` (sorted) is cut out, trimmed to what is
 * left; a line whose rest is split by a removed span is skipped. One pass over lines and spans.
 */
function* liveLines(text: string, removed: readonly Hit[]): Generator<Hit> {
  let p = 0;
  for (const m of text.matchAll(/[^\n]+/g)) {
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
