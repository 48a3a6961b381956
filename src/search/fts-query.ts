/**
 * A reader's search words -> an FTS5 MATCH expression that is always valid syntax. Every word is quoted, so FTS5's
 * operators and punctuation in a pasted headline ("$48M", "U.S.", "AND", a stray quote) are searched for, never parsed.
 * What the reader may ask: words (all must match), "a phrase" in double quotes, and a prefix with a trailing `*`.
 */

export const MAX_SEARCH_CHARS = 500; // a pasted paragraph at most; longer is a 400, not a slow query
export const MAX_SEARCH_TERMS = 32; // words and phrases: the rest of a longer text adds nothing to a ranked search
export const MIN_PREFIX_CHARS = 2; // `b*` would read half the index; a one-letter prefix is searched as a word

export interface SearchTerm {
  tokens: string[]; // adjacent words: one word, or a phrase
  prefix: boolean; // the last token is a prefix
}

/** Words as FTS5's unicode61 tokenizer reads them: runs of letters and digits, everything else separates. */
const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

export function parseSearch(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  // "a phrase" (an unclosed quote runs to the end), or a run of non-space characters
  const chunk = /"([^"]*)"?(\*?)|(\S+)/g;
  for (const m of text.matchAll(chunk)) {
    const quoted = m[1] !== undefined;
    const raw = quoted ? m[1] : m[3];
    const star = quoted ? m[2] === '*' : raw.endsWith('*');
    const tokens = (raw.match(TOKEN) ?? []).map((t) => t.toLowerCase());
    if (!tokens.length) continue;
    const last = tokens[tokens.length - 1];
    terms.push({ tokens, prefix: star && [...last].length >= MIN_PREFIX_CHARS });
    if (terms.length === MAX_SEARCH_TERMS) break;
  }
  return terms;
}

/** The MATCH expression, or null when the text has no word to search for. */
export function ftsMatch(text: string): string | null {
  const terms = parseSearch(text);
  if (!terms.length) return null;
  // tokens hold letters and digits only, so a double quote never needs escaping inside one
  return terms.map((t) => `"${t.tokens.join(' ')}"${t.prefix ? '*' : ''}`).join(' ');
}
