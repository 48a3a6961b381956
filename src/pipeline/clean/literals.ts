/**
 * Which of the rules' trigger literals and trigger words a text holds, found in one walk. Rules skip a branch whose
 * trigger literal a text lacks (alternation.ts); asked one `includes` at a time, the ~180 literals cost ~180 scans of
 * every text, more than most rules' own reading. Here each text is walked once: every window of four code units is
 * hashed, a bit table turns away the windows no literal starts with, and the few left are compared with the literals
 * that start so. The answer is exactly `text.includes(literal)`.
 *
 * The same walk keeps the runs of ASCII letters that are someone's trigger word (trigger-words.ts): two walks, one for
 * literals and one for words, read every character of every text twice, and each walk's loop cost as much as its test.
 *
 * The walk also keeps the places of three character shapes several rules read (`shapes`): capitals glued onto a word,
 * characters beyond ASCII, and the marks a unit of text may end at. Each rule's own walk for these read every character
 * again, for a handful of places.
 *
 * Literals are registered on first use (module load for most) and the scan covers those registered when it ran;
 * a literal registered later, or one shorter than a window, is answered by `includes`. A word registered later makes
 * the next question about words walk the text again.
 */

/** Code units hashed per window: the shortest literal the scan looks for. */
const WINDOW = 4;
/** Bits of the table of window hashes some literal starts with: 64 K entries keep false hits rare for ~200 literals. */
const TABLE_BITS = 16;
/** Below this length (characters) a text is searched with `includes`: a scan would cost more than a few searches. */
const SCAN_MIN_CHARS = 256;

const ids = new Map<string, number>(); // literal -> id
const literals: string[] = [];
const byHash = new Map<number, number[]>(); // window hash -> ids of the scanned literals starting with that window
const table = new Uint8Array(1 << TABLE_BITS);

/** The id of a literal, registering it on first sight. */
export function literalId(literal: string): number {
  let id = ids.get(literal);
  if (id === undefined) {
    id = literals.length;
    literals.push(literal);
    ids.set(literal, id);
    if (literal.length >= WINDOW) {
      const h = windowHash(literal.charCodeAt(0), literal.charCodeAt(1), literal.charCodeAt(2), literal.charCodeAt(3));
      const list = byHash.get(h);
      if (list) list.push(id);
      else byHash.set(h, [id]);
      table[slot(h)] = 1;
    }
  }
  return id;
}

/** Four code units as one number: exact for ASCII (seven bits each), mixed for other characters. */
function windowHash(a: number, b: number, c: number, d: number): number {
  return ((a << 21) ^ (b << 14) ^ (c << 7) ^ d) & WINDOW_MASK;
}
/** The 28 bits four seven-bit characters fill: shifting the hash by seven and masking drops the oldest character. */
const WINDOW_MASK = (1 << 28) - 1;

function slot(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> (32 - TABLE_BITS);
}

/** Trigger words (lower-case ASCII letters), their hashes, and a bit filter of the hashes' low bits (trigger-words.ts). */
const words = new Set<string>();
const wordHashes = new Set<number>();
/** A hash's low bits, marked for every trigger word: most letter runs are turned away here, without a Set lookup. */
const WORD_FILTER_SIZE = 1 << 14;
const wordFilter = new Uint8Array(WORD_FILTER_SIZE);
let wordMinLength = Infinity;
let wordMaxLength = 0;

/** Registers a trigger word (lower-case ASCII letters, checked by the caller); its runs are kept from the next walk on. */
export function registerWord(word: string): void {
  if (words.has(word)) return;
  words.add(word);
  const h = wordHash(word);
  wordHashes.add(h);
  wordFilter[h & (WORD_FILTER_SIZE - 1)] = 1;
  wordMinLength = Math.min(wordMinLength, word.length);
  wordMaxLength = Math.max(wordMaxLength, word.length);
}

function wordHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

let scannedText: string | null = null;
let scannedCount = 0; // literals registered when the text was scanned
let scannedWords = -1; // trigger words registered when the text was scanned
let generation = 0;
let foundIn = new Uint32Array(64); // literal id -> the generation of the last scan that found it
let wordsFound = new Map<string, number[]>(); // trigger word -> offsets of its runs, in order

/** Places in a text, ascending, as the walk found them. */
export interface Shapes {
  /** ASCII capitals glued onto a preceding [\p{Ll}'’-] (a superset beyond ASCII: see mayEndWord). */
  readonly gluedCapitals: readonly number[];
  /** Every code unit beyond ASCII. */
  readonly beyondAscii: readonly number[];
  /** Every line break, . ! ? " and ”: where a unit of text (a line, a sentence, a quote) may end. */
  readonly unitEnds: readonly number[];
}
let shapesFound: Shapes = { gluedCapitals: [], beyondAscii: [], unitEnds: [] };

/** The shapes' places in the text, from the one walk (walked now unless it was the last text walked). */
export function shapes(text: string): Shapes {
  if (text !== scannedText) scan(text);
  return shapesFound;
}

const LOWER = /^\p{Ll}$/u;
let lower: Uint8Array | null = null; // per code unit beyond ASCII: 0 not looked at yet, 1 no, 2 yes

/** Whether a code unit beyond ASCII may end a word: ’, a lower-case letter, or half of a pair (the code point decides). */
function mayEndWord(c: number): boolean {
  if (c === 0x2019 || (c >= 0xd800 && c <= 0xdfff)) return true;
  lower ??= new Uint8Array(0x10000);
  if (lower[c] === 0) lower[c] = LOWER.test(String.fromCharCode(c)) ? 2 : 1;
  return lower[c] === 2;
}

/** Whether the text holds the literal with id `id`: `text.includes(literal)`, answered from one scan per text. */
export function holdsLiteral(text: string, id: number): boolean {
  const literal = literals[id];
  if (literal.length < WINDOW) return text.includes(literal);
  if (text !== scannedText) {
    if (text.length < SCAN_MIN_CHARS) return text.includes(literal);
    scan(text);
  }
  if (id >= scannedCount) return text.includes(literal);
  return foundIn[id] === generation;
}

/**
 * Offsets (ascending) of the runs of ASCII letters that are a registered trigger word, case folded, by word (lower
 * case); a word the text lacks is not a key.
 */
export function triggerWordRuns(text: string): ReadonlyMap<string, number[]> {
  if (text !== scannedText || scannedWords !== words.size) scan(text);
  return wordsFound;
}

function scan(text: string): void {
  scannedText = text;
  scannedCount = literals.length;
  scannedWords = words.size;
  generation++;
  wordsFound = new Map();
  if (foundIn.length < scannedCount) {
    const grown = new Uint32Array(Math.max(scannedCount, foundIn.length * 2));
    grown.set(foundIn);
    foundIn = grown;
  }
  const n = text.length;
  const glued: number[] = [];
  const beyondAscii: number[] = [];
  const unitEnds: number[] = [];
  shapesFound = { gluedCapitals: glued, beyondAscii, unitEnds };
  // the window's hash rolled on one character at a time: windowHash of the four characters ending at i
  let h = 0;
  let runStart = -1; // where the run of ASCII letters being read started, or -1
  let runHash = 0; // wordHash of that run, case folded
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
      if (runStart < 0) {
        runStart = i;
        runHash = 0;
        // a capital opening a run is glued after ' - or a lower-case letter beyond ASCII
        if (c <= 0x5a && i > 0) {
          const p = text.charCodeAt(i - 1);
          if (p === 0x27 || p === 0x2d || (p > 127 && mayEndWord(p))) glued.push(i);
        }
      } else if (c <= 0x5a && text.charCodeAt(i - 1) >= 0x61) glued.push(i); // inside a run: after a lower-case letter
      runHash = (Math.imul(runHash, 31) + (c | 0x20)) | 0; // ASCII letters: | 0x20 folds the case
    } else {
      if (runStart >= 0) {
        endRun(text, runStart, i, runHash);
        runStart = -1;
      }
      if (c > 127) {
        beyondAscii.push(i);
        if (c === 0x201d) unitEnds.push(i);
      } else if (c === 0x0a || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x22) unitEnds.push(i);
    }
    h = ((h << 7) ^ c) & WINDOW_MASK;
    if (i < WINDOW - 1 || table[slot(h)] === 0) continue;
    const candidates = byHash.get(h);
    if (!candidates) continue;
    const at = i - (WINDOW - 1);
    for (const id of candidates) {
      if (id < scannedCount && foundIn[id] !== generation && text.startsWith(literals[id], at)) foundIn[id] = generation;
    }
  }
  if (runStart >= 0) endRun(text, runStart, n, runHash);
}

/** Keeps the letter run text[start, end) when it is a trigger word. */
function endRun(text: string, start: number, end: number, h: number): void {
  const length = end - start;
  if (length < wordMinLength || length > wordMaxLength || wordFilter[h & (WORD_FILTER_SIZE - 1)] === 0 || !wordHashes.has(h)) return;
  const word = text.slice(start, end).toLowerCase();
  if (!words.has(word)) return;
  const list = wordsFound.get(word);
  if (list) list.push(start);
  else wordsFound.set(word, [start]);
}
