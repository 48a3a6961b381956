/**
 * Each story's rendering, kept between pages. The serving cache (serving-cache.ts) keeps whole pages, but every write
 * readers could see bumps the serving version, and during a replay that is every placement: nearly every poll of a
 * list then renders the page again, on the thread placement also uses. Most of a page has not changed since the last
 * rendering (a placement touches one story, sometimes its storyline's others), so a page is rendered per story and
 * each story's part is kept, keyed by its format and the page's context, and reused while the story's row reads the
 * same: a page after a bump parses, escapes and serializes only the stories whose rows changed, and joins the rest.
 *
 * Exact by construction: what a story shows is a function of its row as D1 returns it (`listStoryRows`: the cluster's
 * listed columns, its source, its members and storyline events as JSON text) and the instant its score's age is taken;
 * the signature a kept part is checked against is all of that, compared whole (no hash to collide). A change anywhere
 * in a story's row (an editor's pin that changes its canonical, a member joining, an outlet renamed, a storyline
 * event's new title) is a new signature, so the part is rendered again; a hidden or merged story is not in the rows.
 * Whatever a part depends on beyond the row (the feeds' base URL for their links) is the caller's `context`.
 */
import { listedStory, type ListedRow } from '../db/queries/stories.ts';
import type { Story } from '../model/story.ts';

export const KEPT_PARTS_MAX = 4_000; // stories x formats x contexts an isolate keeps: the first pages readers poll are 20-100 stories
export const KEPT_CHARS_MAX = 4 * 1024 * 1024; // of signatures and parts (UTF-16: 8 MB of an isolate's 128 MB); a part is 0.5-5 K characters

interface Kept {
  signature: string;
  text: string;
}

const kept = new Map<string, Kept>(); // insertion order is recency: a hit moves its entry to the end
let keptChars = 0;
let keeping = true;

/** Tests: render every part anew (false) or keep parts (true, the default). Either way forgets what was kept. */
export function keepRenderedStories(on: boolean): void {
  keeping = on;
  kept.clear();
  keptChars = 0;
}

/**
 * Each row's part in `format`, in the rows' order: the kept one while the row reads the same, else `render` of the
 * row's story (and kept). `context` names whatever else `render` reads (a base URL); `now` is the page's ranking
 * instant (`listStoryRows`).
 */
export function renderedStories(format: string, context: string, rows: ListedRow[], now: number | null, render: (story: Story) => string): string[] {
  return rows.map((row) => {
    const signature = rowSignature(row, now);
    const key = `${format}\n${context}\n${row.id}`;
    const hit = keeping ? kept.get(key) : undefined;
    if (hit && hit.signature === signature) {
      kept.delete(key);
      kept.set(key, hit);
      return hit.text;
    }
    const text = render(listedStory(row, now));
    if (keeping) remember(key, { signature, text });
    return text;
  });
}

/** Every value of the row, in its order, each string prefixed by its length (so no two rows share a signature), and `now`. */
function rowSignature(row: ListedRow, now: number | null): string {
  let signature = String(now);
  for (const v of Object.values(row)) signature += typeof v === 'string' ? `|${v.length}:${v}` : `|${JSON.stringify(v)}`;
  return signature;
}

function remember(key: string, entry: Kept): void {
  const old = kept.get(key);
  if (old) keptChars -= old.signature.length + old.text.length;
  kept.delete(key);
  kept.set(key, entry);
  keptChars += entry.signature.length + entry.text.length;
  for (const [k, e] of kept) {
    if (kept.size <= KEPT_PARTS_MAX && keptChars <= KEPT_CHARS_MAX) break;
    kept.delete(k);
    keptChars -= e.signature.length + e.text.length;
  }
}
