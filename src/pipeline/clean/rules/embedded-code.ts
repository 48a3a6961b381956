import { holds } from '../alternation.ts';
import { matches, type Hit, type Rule } from '../rule.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const INVOCATION = /^\s*\)\s*\(\s*\)\s*;?/;

/** Where leaked code starts: a JSON-LD object or a self-invoking script, printed as text by the page flattener. */
const CODE_START = /\{\s*"@context"\s*:|\(function\s*\(\)\s*\{/g;
/** What every match of CODE_START holds: its scan is skipped on texts without either. */
const CODE_START_TRIGGER = ['"@context"', '(function'];

/** JSON-LD blobs and inline scripts that leaked into the text: brace-matched from their opening brace, or to the end when cut off. */
export const embeddedCode: Rule = {
  name: 'embedded-code',
  category: 'other',
  find(text) {
    const hits: Hit[] = [];
    if (!holds(text, CODE_START_TRIGGER)) return hits;
    for (const m of matches(text, CODE_START)) {
      const start = m.index ?? 0;
      if (hits.length && start < hits[hits.length - 1].end) continue;
      hits.push({ start, end: trailer(text, closeOf(text, start)) });
    }
    return hits;
  },
};

/** Index just past the brace that closes the first opening brace at or after `from`; the text's end when a length cap cut the code off. */
function closeOf(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = text.indexOf('{', from); i >= 0 && i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** A script's closing `)();` belongs to it. */
function trailer(text: string, end: number): number {
  const m = INVOCATION.exec(text.slice(end, end + 16));
  return m ? end + m[0].length : end;
}
