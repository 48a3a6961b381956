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
    if (lines.length < 2) return [];
    const first = text.slice(lines[0].start, lines[0].end);
    const words = first.split(/\s+/).length;
    if (words > HEADLINE_MAX_WORDS) return [];
    const hits: Hit[] = [];
    for (const line of lines) {
      if (text.slice(line.start, line.end) !== first) break;
      hits.push(line);
    }
    const headlineLike = words >= HEADLINE_MIN_WORDS && !/[.!?:;,]["”’)]?$/.test(first);
    return hits.length > 1 || headlineLike ? hits : [];
  },
};

/** The text lines with something left on them once `removed` is cut out, trimmed to what is left. */
function liveLines(text: string, removed: readonly Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    let start = m.index ?? 0;
    let end = start + m[0].length;
    for (const r of removed) {
      if (r.start <= start && r.end > start) start = Math.min(r.end, end);
      if (r.end >= end && r.start < end && r.start >= start) end = r.start;
    }
    const s = text.slice(start, end);
    const lead = s.length - s.trimStart().length;
    const body = s.trim();
    if (body && !removed.some((r) => r.start < start + lead + body.length && r.end > start + lead)) {
      out.push({ start: start + lead, end: start + lead + body.length });
    }
  }
  return out;
}
