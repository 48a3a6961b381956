import type { Hit, Rule } from '../rule.ts';

/**
 * A video playlist or chapter list: a line of three or more time codes each followed by a short title ("00:00
 * Intro 01:12 Bitcoin ETF flows 03:40 Solana outage"). A transcript also carries time codes, but each before a
 * speaker's sentences: a gap longer than a title between two codes means it is one, and it stays.
 */
const CODE = /\b\d{1,2}:\d{2}(?::\d{2})?\b/g;
const MIN_CODES = 3;
const CODE_ANYWHERE = /\d:\d\d/;
/** Longest title between two codes (characters). */
const TITLE_MAX_CHARS = 80;
const STOP_INSIDE = /[.!?]\s/;
/** A chapter title opens with a capital or a digit, maybe after a dash: "01:12 Bitcoin ETF flows", "03:40 - Outage". */
const TITLE_START = /^\d{1,2}:\d{2}(?::\d{2})?\s?(?:[-–—|:]\s?)?[\p{Lu}\p{N}"“]/u;

/**
 * The last title has no code after it to end it, and a flattened page glues the next block on ("… 09:45 Outlook The
 * foundation said …"): it ends at a full stop, at a word that opens sentences, or a little past the longest title
 * before it (characters of slack, cut back to a word's end): chapter titles are of a length.
 */
const LAST_TITLE_SLACK = 12;
const SENTENCE_OPENER = /\s(?:The|This|These|That|Those|It|Its|In|On|At|As|But|And|According|However|Meanwhile|While|After|A|An|He|She|They|We)\s/;
const BLANK = /\s/;

function lastTitleLength(tail: string, longest: number): number {
  const stop = tail.search(STOP_INSIDE);
  let end = stop >= 0 ? stop + 1 : tail.length;
  const opener = SENTENCE_OPENER.exec(tail.slice(0, end));
  if (opener) end = opener.index;
  if (end > longest + LAST_TITLE_SLACK) {
    end = longest + LAST_TITLE_SLACK;
    while (end > 0 && !BLANK.test(tail[end])) end--;
  }
  return end;
}

/** The longest code-and-title in the run, but the last (characters). */
function longestTitle(line: string, run: readonly number[]): number {
  let longest = 0;
  for (let i = 1; i < run.length; i++) longest = Math.max(longest, run[i] - run[i - 1]);
  return longest;
}

export const timecodedList: Rule = {
  name: 'timecoded-list',
  category: 'related_links',
  find(text) {
    const hits: Hit[] = [];
    if (!CODE_ANYWHERE.test(text)) return hits;
    let lineStart = 0;
    for (const line of text.split('\n')) {
      const codes = [...line.matchAll(CODE)].map((m) => m.index ?? 0);
      if (codes.length >= MIN_CODES) {
        let run = [codes[0]];
        const flush = (end: number) => {
          if (run.length >= MIN_CODES) hits.push({ start: lineStart + run[0], end: lineStart + end });
        };
        for (let i = 1; i < codes.length; i++) {
          const gap = line.slice(codes[i - 1], codes[i]);
          if (gap.length <= TITLE_MAX_CHARS && !STOP_INSIDE.test(gap) && TITLE_START.test(gap) && TITLE_START.test(line.slice(codes[i]))) run.push(codes[i]);
          else {
            flush(codes[i - 1] + Math.min(TITLE_MAX_CHARS, gap.length));
            run = [codes[i]];
          }
        }
        const last = run[run.length - 1];
        flush(last + lastTitleLength(line.slice(last, last + TITLE_MAX_CHARS), run.length >= MIN_CODES ? longestTitle(line, run) : TITLE_MAX_CHARS));
      }
      lineStart += line.length + 1;
    }
    return hits;
  },
};
