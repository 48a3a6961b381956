/**
 * An outlet's own boilerplate, learned from its history rather than written as a rule: a passage (a sentence or a
 * line) that stood in several of the outlet's last items is its furniture (a call to action, a disclaimer, a bio, a
 * menu), however it is worded, and whatever the outlet. The caller keeps the history (D1 in the Worker, memory in
 * the command line) and hands `clean` the counts for this text's passages; this module only reads text.
 *
 * A passage that carries the story's own facts (a figure of the headline, or two of its names) is never removed
 * this way: an outlet that reuses a background paragraph across a running story is writing about the story.
 */
import { stableId } from '../ids.ts';
import { sentences } from './sentences.ts';

/** An outlet's items a passage is counted over: about a day of a busy outlet's feed. */
export const HISTORY_ITEMS = 20;
/** Earlier items a passage must stand in to count as the outlet's boilerplate (and items the history must hold). */
export const MIN_REPEATS = 3;
/** Passages shorter than this many letters are not learned: a fragment ("government shutdown.") recurs by chance. */
const MIN_PASSAGE_LETTERS = 20;
/** Longest passage learned (characters): longer runs are prose or a whole flattened page, not one piece of furniture. */
const MAX_PASSAGE_CHARS = 1_500;

export interface Passage {
  start: number;
  end: number;
  key: string; // stable id of the passage's letters and digits, case and spacing folded, digits as 0
}

/** What the caller knows of the outlet's recent items: how many, and in how many each passage key stood. */
export interface OutletHistory {
  items: number;
  counts: ReadonlyMap<string, number>;
}

const LETTER = /\p{L}/u;
const NOT_KEPT = /[^\p{L}\p{N}]+/gu;
const DIGIT = /\p{N}/gu;

/** The passages of a text: its sentences (a line with no stop is one), with their keys; short ones left out. */
export function passages(text: string): Passage[] {
  const out: Passage[] = [];
  for (const [s, e] of sentences(text)) {
    const key = passageKey(text.slice(s, e));
    if (key) out.push({ start: s, end: e, key });
  }
  return out;
}

export function passageKey(passage: string): string | null {
  if (passage.length > MAX_PASSAGE_CHARS) return null;
  const folded = passage.toLowerCase().replace(NOT_KEPT, ' ').replace(DIGIT, '0').trim();
  let letters = 0;
  for (const ch of folded) if (LETTER.test(ch) && ++letters >= MIN_PASSAGE_LETTERS) return stableId(folded);
  return null;
}

// A figure: digits with their separators (1,200 or 3.5), read off the headline and the passage alike.
const FIGURE = /\d[\d,.]*\d|\d/g;
// A name: a capitalised word of four or more letters (Lendvault, Ethereum); short ones (CEO, SEC, The) are too common.
const NAME = /\b\p{Lu}[\p{Ll}\p{Lu}]{3,}\b/gu;

/** True when the passage repeats a figure of the headline or two of its names: the story's facts. */
export function carriesStoryFacts(passage: string, title: string | null): boolean {
  if (!title) return false;
  const figures = new Set(title.match(FIGURE) ?? []);
  for (const f of passage.match(FIGURE) ?? []) if (figures.has(f) && f.length >= 2) return true;
  const names = new Set((title.match(NAME) ?? []).map((n) => n.toLowerCase()));
  let shared = 0;
  for (const n of new Set((passage.match(NAME) ?? []).map((x) => x.toLowerCase()))) if (names.has(n) && ++shared >= 2) return true;
  return false;
}

/** How a removal by history is explained in the inspector and the API. */
export function historyEvidence(count: number, items: number): string {
  return `repeats in ${count} of this outlet's last ${items} items`;
}
