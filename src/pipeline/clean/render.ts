import type { Hit } from './rule.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const SPACE_RUN = /[ \t\u00a0]{2,}/g;
const SPACE = /\s/;
const SPACE_OR_CLOSING = /[\s,.;:!?)\]]/;

/**
 * The text left once `removed` (sorted, non-overlapping) is cut out: a removed block becomes a paragraph
 * break, an inline removal a space (none before punctuation); blank runs are folded and paragraphs joined
 * with a blank line.
 */
export function render(text: string, removed: Hit[]): string {
  let out = '';
  let at = 0;
  for (const r of removed) {
    out += text.slice(at, r.start) + (r.inline ? closeUp(text, r) : '\n');
    at = r.end;
  }
  out += text.slice(at);
  // Split at each line break, not at /\s*\n\s*/: the blanks around a break are trimmed off the pieces anyway, and a
  // plain split does not try a regex at every character.
  return out
    .split('\n')
    .map((p) => p.replace(SPACE_RUN, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/** What stands in for an inline removal: a space between two words, nothing next to a blank or before punctuation. */
function closeUp(text: string, r: Hit): string {
  const before = text[r.start - 1] ?? ' ';
  const after = text[r.end] ?? ' ';
  return SPACE.test(before) || SPACE_OR_CLOSING.test(after) ? '' : ' ';
}
