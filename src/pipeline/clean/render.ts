import type { Hit } from './rule.ts';

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
  return out
    .split(/\s*\n\s*/)
    .map((p) => p.replace(/[ \t\u00a0]{2,}/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/** What stands in for an inline removal: a space between two words, nothing next to a blank or before punctuation. */
function closeUp(text: string, r: Hit): string {
  const before = text[r.start - 1] ?? ' ';
  const after = text[r.end] ?? ' ';
  return /\s/.test(before) || /[\s,.;:!?)\]]/.test(after) ? '' : ' ';
}
