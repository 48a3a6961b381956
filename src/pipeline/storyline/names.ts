/**
 * The names a story mentions: people, organisations, places, products. A name is a run of capitalised words inside a
 * sentence ("Electric Coin Company", "Josh Swihart"), or a word whose shape is a name wherever it stands (an
 * acronym "DOJ", an inner capital "BitMine"). Sentence-initial words are names only in a run of two or more: "Former"
 * or "Bitcoin" opening a sentence says nothing. Titles count only when written in sentence case: in Title Case every
 * word is capitalised.
 *
 * A run is split at role words ("Electric Coin Company CEO Josh Swihart" is two names) and its tokens are kept in
 * lower case; coins (a coin is a topic, not an actor), generic acronyms (ETF, AI) and calendar words are dropped.
 * Runs that share a token are one name ("Jerome Powell" and "Powell"): `group` numbers them.
 */
import { COIN_TABLE } from '../label/coin-table.ts';
import { STOPWORDS } from '../fingerprint/stopwords.ts';

export interface NameToken {
  token: string; // lower case, as the same-event features spell words (`w:<token>`)
  group: number; // tokens of one name share it
}

/** Coin names and symbols: every crypto story names one, so they tell no matter apart (labels cover coins). */
const COIN_WORDS: ReadonlySet<string> = new Set(
  COIN_TABLE.flatMap((c) => [...(c.ambiguous ? [] : [c.symbol]), c.name, ...(c.names ?? [])]) // TRUMP, ONE: also words and people
    .filter((w) => !/\s/.test(w)) // "USD Coin" is a coin, "Electric Coin Company" is not
    .map((w) => w.toLowerCase()),
);
/** Capitalised, but the name of a kind of thing, not of one actor. */
const GENERIC = new Set('etf etfs etp etps nft nfts defi dao daos ai ipo usd us uk eu faq api apis tvl otc kyc aml crypto'.split(' '));
const CALENDAR = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);
/** Titles in front of a name: they end one name and start the next ("Bitmine Chairman Tom Lee"). */
export const ROLES: ReadonlySet<string> = new Set(
  'ceo cto cfo coo founder co-founder cofounder former chairman chairwoman chair president vice chief head director executive senator sen rep representative analyst judge secretary minister governor commissioner partner counsel spokesperson lawmaker'.split(
    ' ',
  ),
);
/** Small words inside names: "Bank of America", "Department of Justice". */
const JOINERS = new Set(['of', 'de', 'la', 'von', 'van', 'der', 'and', 'for']);

/** Words as the same-event features spell them (event-terms.ts), so a name token is the feature `w:<token>`. */
const WORD = /[\p{L}][\p{L}\p{N}'’-]*/gu;
/** Between two words of one sentence; a mark here ends the sentence (a new one starts after it). */
const SENTENCE_BREAK = /[.!?:;\n"“”|]/;
/** Punctuation that ends a run without ending the sentence. */
const RUN_BREAK = /[,()[\]—–/]/;
/** A title with this share of capitalised content words is in Title Case: its capitals are style, not names. */
const TITLE_CASE_SHARE = 0.75;
/** Names are introduced early; a long body adds repeats, not names, and costs CPU. */
const TEXT_CHARS_READ = 4000;

export function nameTokens(title: string, text: string): NameToken[] {
  const runs: string[][] = [];
  if (!isTitleCase(title)) scanRuns(title, runs);
  scanRuns(text.slice(0, TEXT_CHARS_READ), runs);
  // union runs that share a token: one name however it is spelled out
  const parent = runs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  // an acronym is the name it abbreviates: "FCA" and "Financial Conduct Authority" are one actor
  const initials = new Map<string, number>();
  runs.forEach((run, i) => run.length > 1 && initials.set(run.map((w) => w[0]).join(''), i));
  runs.forEach((run, i) => {
    const long = run.length === 1 ? initials.get(run[0]) : undefined;
    if (long !== undefined) parent[find(i)] = find(long);
  });
  runs.forEach((run, i) => {
    for (const t of run) {
      const o = owner.get(t);
      if (o === undefined) owner.set(t, i);
      else parent[find(i)] = find(o);
    }
  });
  return [...owner].map(([token, i]) => ({ token, group: find(i) }));
}

function isTitleCase(title: string): boolean {
  // content words only: Title Case leaves "of" and "from" small, and "$31M" is no word
  const words = (title.match(WORD) ?? []).filter((w) => w.length > 1 && !STOPWORDS.has(w.toLowerCase()));
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length > 2 && caps / words.length >= TITLE_CASE_SHARE;
}

function scanRuns(s: string, out: string[][]): void {
  let run: string[] = [];
  let runAtStart = false;
  let runFirstWord = ''; // as written: its shape can make a lone sentence-initial word a name
  let prevEnd = 0;
  let first = true;
  const flush = () => {
    while (run.length && JOINERS.has(run[run.length - 1])) run.pop();
    const words = run.filter((w) => !JOINERS.has(w));
    run = [];
    // a lone capitalised word opening a sentence is a name only by its shape (DOJ, BitMine)
    if (!words.length || (words.length === 1 && runAtStart && !nameShaped(runFirstWord))) return;
    const tokens = words
      .map((w) => w.replace(/['’](s)?$/, ''))
      .filter((w) => w.length >= 2 && !STOPWORDS.has(w) && !CALENDAR.has(w) && !COIN_WORDS.has(w) && !GENERIC.has(w));
    if (tokens.length) out.push(tokens);
  };
  for (const m of s.matchAll(WORD)) {
    const tok = m[0];
    const gap = s.slice(prevEnd, m.index);
    const atStart = first || SENTENCE_BREAK.test(gap);
    first = false;
    prevEnd = m.index + tok.length;
    if (run.length && (atStart || RUN_BREAK.test(gap))) flush();
    const lower = tok.toLowerCase();
    if (/^\p{Lu}/u.test(tok)) {
      if (ROLES.has(lower)) {
        if (run.length) flush();
        continue;
      }
      if (!run.length) {
        runAtStart = atStart;
        runFirstWord = tok;
      }
      run.push(lower);
      if (/['’]s?$/.test(tok)) flush(); // "Fed’s Powell": a possessive ends a name
    } else if (run.length && JOINERS.has(lower)) run.push(lower);
    else if (run.length) flush();
  }
  if (run.length) flush();
}

/** An acronym (two capitals or more) or a word with an inner capital: a name even opening a sentence. */
function nameShaped(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(word) || /^\p{Lu}?\p{Ll}+\p{Lu}/u.test(word);
}
