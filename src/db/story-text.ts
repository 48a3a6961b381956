/**
 * After a placement: which member's text the story shows (src/pipeline/choose-text.ts), and its summary with it. The
 * clustering stage copies the canonical's summary to the cluster; when the canonical is a teaser, the fullest member's
 * summary replaces it and `text_item_id` names that member (the detail reads its text from there).
 */
import { chooseText, type TextCandidate, type TextChoice } from '../pipeline/choose-text.ts';
import type { Kind } from '../pipeline/types.ts';

export async function settleStoryText(d1: D1Database, clusterId: string, canonicalId: string): Promise<TextChoice> {
  const choice = await chooseStoryText(d1, clusterId, canonicalId);
  await storyTextWrite(d1, clusterId, choice).run();
  return choice;
}

/** The read and the choice of settleStoryText, for a caller that sends the write (storyTextWrite) in a batch of its own. */
export async function chooseStoryText(d1: D1Database, clusterId: string, canonicalId: string): Promise<TextChoice> {
  const { results } = await d1
    .prepare(`SELECT id, length(coalesce(text, '')) AS chars, kind FROM items WHERE cluster_id = ?1`)
    .bind(clusterId)
    .all<{ id: string; chars: number; kind: Kind | null }>();
  return chooseText(canonicalId, results);
}

/** The text candidates among these items (length of each cleaned text, kind), for a change that knows its members. */
export async function textCandidates(d1: D1Database, itemIds: string[]): Promise<Map<string, TextCandidate>> {
  if (!itemIds.length) return new Map();
  const { results } = await d1
    .prepare(`SELECT id, length(coalesce(text, '')) AS chars, kind FROM items WHERE id IN (SELECT value FROM json_each(?1))`)
    .bind(JSON.stringify(itemIds))
    .all<{ id: string; chars: number; kind: Kind | null }>();
  return new Map(results.map((r) => [r.id, r]));
}

/** Writes a choice: the member named (null when the canonical's own) and its summary; after the canonical's is copied. */
export function storyTextWrite(d1: D1Database, clusterId: string, choice: TextChoice): D1PreparedStatement {
  return d1
    .prepare(
      `UPDATE clusters SET text_item_id = ?2,
         summary = coalesce((SELECT clean_summary FROM items WHERE id = ?2), summary)
       WHERE id = ?1`,
    )
    .bind(clusterId, choice.fromCanonical ? null : choice.itemId);
}
