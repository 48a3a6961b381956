import type { Hit } from './rule.ts';

/**
 * The text left once `removed` (sorted, non-overlapping) is cut out: a removed block becomes a paragraph
 * break, an inline removal a space; blank runs are folded and paragraphs joined with a blank line.
 */
export function render(text: string, removed: Hit[]): string {
  let out = '';
  let at = 0;
  for (const r of removed) {
    out += text.slice(at, r.start) + (r.inline ? ' ' : '\n');
    at = r.end;
  }
  out += text.slice(at);
  return out
    .split(/\s*\n\s*/)
    .map((p) => p.replace(/[ \t\u00a0]{2,}/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}
