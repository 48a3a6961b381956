import { holds } from '../alternation.ts';
import { matchAll, type Hit, type Rule, type TailRule } from '../rule.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const SPACE = /\s/;

/** A bracketed excerpt marker, "[…]", "[&#8230;]", "[&hellip;]", "[...]": never prose, wherever it stands. */
const BRACKETED = /\s?\[(?:…|&#8230;|&hellip;|\.\.\.)\]/g;
/** A bare ellipsis closing a stretch of text, after a word (and at most one space). */
const TRAILING = /(?<=[^\s.] ?)(?:…|\.\.\.)$/;

/** The bracketed marker without its optional leading blank, which keeps the scan from skipping ahead to a "[". */
const BRACKETED_TRIGGER = ['[…]', '[&#8230;]', '[&hellip;]', '[...]'];

export const truncationMarker: Rule = {
  name: 'truncation-marker',
  category: 'other',
  find: (text) => (holds(text, BRACKETED_TRIGGER) ? matchAll(text, BRACKETED).map((h) => ({ ...h, inline: true })) : []),
};

/**
 * A bare "…" or "..." that ends the excerpt: the last thing left once the other rules ran, with only removed
 * noise (a "The post … appeared first" line, a read-more link, closing markup) after it. An ellipsis
 * ending a paragraph inside the text is the writer's ("Doch es geht auch einfacher...") and stays.
 */
export const trailingEllipsis: TailRule = {
  name: 'truncation-marker',
  category: 'other',
  find(text, removed) {
    let end = text.length;
    for (let i = removed.length - 1; ; i--) {
      while (end > 0 && SPACE.test(text[end - 1])) end--;
      if (i < 0 || removed[i].end < end) break;
      end = Math.min(end, removed[i].start);
    }
    const m = TRAILING.exec(text.slice(Math.max(0, end - 8), end));
    return m ? [{ start: end - m[0].length, end, inline: true } satisfies Hit] : [];
  },
};
