/**
 * Where a rule's trigger words stand in a text, found in one pass for every rule that asks. Several form rules read
 * only the sentences around a rare word (a reward, a channel, a picture); a regex or an indexOf per word scanned the
 * whole text once per word and cost more than the rules' own reading. Here each text is walked once, letter run by
 * letter run (ASCII letters, case folded), and the runs that are someone's trigger word are kept with their offsets.
 *
 * The positions are a superset of where the rules' own regexes (with their \b boundaries) can match a trigger word:
 * a word such a regex matches between boundaries is a whole letter run here. Rules still judge each sentence with
 * their regexes, so the scan decides only which sentences are read, never what is removed.
 */

/** A rule's words, registered once at module load; `positions` answers for them. */
export interface TriggerSet {
  readonly words: readonly string[];
}

const registry = new Set<string>(); // every set's words
const hashes = new Set<number>();
/** A hash's low bits, marked for every trigger word: most runs are turned away here, without a Set lookup. */
const FILTER_BITS = 1 << 14;
const filter = new Uint8Array(FILTER_BITS);
let minLength = Infinity;
let maxLength = 0;

/** Registers lower-case ASCII words (a plural is another word) and returns the set to ask `positions` about. */
export function triggerWords(words: readonly string[]): TriggerSet {
  const set = new Set(words);
  for (const w of set) {
    if (!/^[a-z]+$/.test(w)) throw new Error(`trigger word must be lower-case ASCII letters: ${w}`);
    registry.add(w);
    hashes.add(hashOf(w));
    filter[hashOf(w) & (FILTER_BITS - 1)] = 1;
    minLength = Math.min(minLength, w.length);
    maxLength = Math.max(maxLength, w.length);
  }
  return { words: [...set] };
}

function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

let scannedText: string | null = null;
let scannedRegistry = -1;
let found = new Map<string, number[]>(); // word -> offsets of its runs, in order

/** Offsets (ascending) where any of the set's words stands as a whole run of ASCII letters, case ignored. */
export function positions(text: string, set: TriggerSet): number[] {
  if (text !== scannedText || scannedRegistry !== registry.size) scan(text);
  // most texts hold one of a set's words or none: its list is the answer, with no arrays built per call
  let first: number[] | null = null;
  let lists: number[][] | null = null;
  for (const w of set.words) {
    const list = found.get(w);
    if (!list) continue;
    if (!first) first = list;
    else (lists ??= [first]).push(list);
  }
  if (!lists) return first ?? [];
  return lists.flat().sort((a, b) => a - b);
}

function scan(text: string): void {
  scannedText = text;
  scannedRegistry = registry.size;
  found = new Map();
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!isAsciiLetter(c)) {
      i++;
      continue;
    }
    const start = i;
    let h = 0;
    do {
      h = (Math.imul(h, 31) + (c | 0x20)) | 0; // ASCII letters: | 0x20 folds the case
      c = ++i < n ? text.charCodeAt(i) : 0;
    } while (isAsciiLetter(c));
    const length = i - start;
    if (length < minLength || length > maxLength || filter[h & (FILTER_BITS - 1)] === 0 || !hashes.has(h)) continue;
    const word = text.slice(start, i).toLowerCase();
    if (!registry.has(word)) continue;
    const list = found.get(word);
    if (list) list.push(start);
    else found.set(word, [start]);
  }
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}
