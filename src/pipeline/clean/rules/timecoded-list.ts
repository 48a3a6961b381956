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
        const tail = line.slice(last, last + TITLE_MAX_CHARS);
        const stop = tail.search(STOP_INSIDE);
        flush(last + (stop >= 0 ? stop + 1 : tail.length));
      }
      lineStart += line.length + 1;
    }
    return hits;
  },
};
