import { registerWord, triggerWordRuns } from './literals.ts';

/**
 * Where a rule's trigger words stand in a text, found in one pass for every rule that asks. Several form rules read
 * only the sentences around a rare word (a reward, a channel, a picture); a regex or an indexOf per word scanned the
 * whole text once per word and cost more than the rules' own reading. Here each text is walked once, letter run by
 * letter run (ASCII letters, case folded), and the runs that are someone's trigger word are kept with their offsets:
 * in the same walk that finds the rules' trigger literals (literals.ts).
 *
 * The positions are a superset of where the rules' own regexes (with their \b boundaries) can match a trigger word:
 * a word such a regex matches between boundaries is a whole letter run here. Rules still judge each sentence with
 * their regexes, so the scan decides only which sentences are read, never what is removed.
 */

/** A rule's words, registered once at module load; `positions` answers for them. */
export interface TriggerSet {
  readonly words: readonly string[];
}

const LOWER_ASCII_WORD = /^[a-z]+$/;

/** Registers lower-case ASCII words (a plural is another word) and returns the set to ask `positions` about. */
export function triggerWords(words: readonly string[]): TriggerSet {
  const set = new Set(words);
  for (const w of set) {
    if (!LOWER_ASCII_WORD.test(w)) throw new Error(`trigger word must be lower-case ASCII letters: ${w}`);
    registerWord(w);
  }
  return { words: [...set] };
}

/** Offsets (ascending) where any of the set's words stands as a whole run of ASCII letters, case ignored. */
export function positions(text: string, set: TriggerSet): number[] {
  const found = triggerWordRuns(text);
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
