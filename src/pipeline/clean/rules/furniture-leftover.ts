import { gaps, trimmed } from '../gaps.ts';
import type { NoiseCategory } from '../../types.ts';
import type { Hit, RemovedHit, TailRule } from '../rule.ts';
import { TITLE_CASE_MINOR } from '../title-case.ts';

/**
 * A piece of a menu, a link list or a quote board left between two removed ones: "Stocks by Grouping" between two
 * runs of a flattened menu, the last headline of a numbered list that a stop cut off ("Too Few Profits. Tesla Stock
 * Fans Should Heed This Warning Before July 23."), a quote board's names and figures once its price chips went. Each
 * rule that took the neighbours stopped at a form it could not read; the piece between them is furniture too when it
 * holds no running text: every word capitalised, a figure or a mark, or one of the words a Title Case headline
 * leaves in lower case.
 *
 * Precision: a sub-heading of the story is in Title Case too, but stands between the story's paragraphs, or between a
 * caption, an ad or a read-also link and the next paragraph; only a piece with furniture on both sides goes. It runs
 * after every rule that removes menus and lists (stray-label, read earlier, sees only some of them).
 */
const FURNITURE: ReadonlySet<NoiseCategory> = new Set(['site_chrome', 'related_links', 'ticker']);
/** Most words such a piece has: a headline or two of a list; longer, it may be a paragraph in Title Case. */
const LEFTOVER_MAX_WORDS = 16;
const SPACES = /\s+/;
/** A word of running text: it opens with a lower-case letter. */
const LOWER_START = /^\p{Ll}/u;
/** Marks a word may open with before its first letter: a quote, a parenthesis. */
const OPENING_MARKS = /^[("“‘'[]+/;

/** The removed block spans by where they end and where they start (inline ones skipped): one pass, not one per gap. */
function blockEnds(removed: readonly RemovedHit[]): { endingAt: Map<number, RemovedHit>; startingAt: Map<number, RemovedHit> } {
  const endingAt = new Map<number, RemovedHit>();
  const startingAt = new Map<number, RemovedHit>();
  for (const r of removed) {
    if (r.inline) continue;
    endingAt.set(r.end, r);
    if (!startingAt.has(r.start)) startingAt.set(r.start, r);
  }
  return { endingAt, startingAt };
}

/** Whether the words hold no running text: none opens in lower case unless it is a Title Case minor word. */
function holdsNoRunningText(piece: string): boolean {
  const words = piece.split(SPACES).filter(Boolean);
  if (!words.length || words.length > LEFTOVER_MAX_WORDS) return false;
  return words.every((w) => {
    const bare = w.replace(OPENING_MARKS, '');
    return !LOWER_START.test(bare) || TITLE_CASE_MINOR.has(bare.toLowerCase());
  });
}

export const furnitureLeftover: TailRule = {
  name: 'furniture-leftover',
  category: 'site_chrome',
  find(text, removed) {
    const hits: Hit[] = [];
    if (removed.length < 2) return hits;
    const { endingAt, startingAt } = blockEnds(removed);
    // the inline removals (price chips), in order, walked once alongside the gaps
    const inline = removed.filter((r) => r.inline);
    let k = 0;
    for (const g of gaps(text, removed)) {
      if (!g.before || !g.after) continue;
      const before = endingAt.get(g.start);
      const after = startingAt.get(g.end);
      if (!before || !after || !FURNITURE.has(before.category) || !FURNITURE.has(after.category)) continue;
      const piece = trimmed(text, g.start, g.end);
      if (!piece) continue;
      // what the inline removals inside the gap (price chips) leave of it
      let rest = '';
      let at = piece.start;
      while (k < inline.length && inline[k].end <= piece.start) k++;
      for (let i = k; i < inline.length && inline[i].start < piece.end; i++) {
        rest += `${text.slice(at, inline[i].start)} `;
        at = inline[i].end;
      }
      rest += text.slice(at, piece.end);
      if (holdsNoRunningText(rest)) hits.push(piece);
    }
    return hits;
  },
};
