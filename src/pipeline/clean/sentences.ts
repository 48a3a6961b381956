/**
 * Sentences over flattened text. A sentence ends at . ! ? followed by a blank, a capital (glued blocks),
 * a quote or the end, or at a line break; a dot inside "0.20" or "Barrons.com" does not end one.
 */
/** Longest stretch read as one sentence (2,000 characters, in the regex below): text without stops (menus, markup) is cut into pieces this long, which also keeps the work linear. */
const SENTENCE = /(?:[^.!?\n]|[.!?](?=[^\s.!?A-Z"“‘(])){0,2000}(?:[.!?]+["”’)]?|\n|$)?/y;

/** The sentences of text[from, to) as [start, end) pairs, in order. */
export function* sentences(text: string, from = 0, to = text.length): Generator<[number, number]> {
  let at = from;
  while (at < to) {
    SENTENCE.lastIndex = at;
    const m = SENTENCE.exec(text);
    if (!m || m[0].length === 0) return;
    const end = Math.min(at + m[0].length, to);
    yield [at, end];
    at = end;
  }
}

/** The end of the run of sentences starting at `from` whose later members all pass `keep`. */
export function sentenceRunEnd(text: string, from: number, keep: (sentence: string) => boolean, maxSentences = 12): number {
  let end = from;
  let n = 0;
  for (const [s, e] of sentences(text, from)) {
    if (n > 0 && !keep(text.slice(s, e))) break;
    end = e;
    if (++n >= maxSentences || text[e - 1] === '\n') break;
  }
  return end;
}
