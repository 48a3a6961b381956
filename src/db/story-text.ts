/**
 * After a placement: which member's text the story shows (src/pipeline/choose-text.ts), and its summary with it. The
 * clustering stage copies the canonical's summary to the cluster; when the canonical is a teaser, the fullest member's
 * summary replaces it and `text_item_id` names that member (the detail reads its text from there).
 */
import { chooseText, type TextChoice } from '../pipeline/choose-text.ts';
import type { Kind } from '../pipeline/types.ts';

export async function settleStoryText(d1: D1Database, clusterId: string, canonicalId: string): Promise<TextChoice> {
  const { results } = await d1
    .prepare(`SELECT id, length(coalesce(text, '')) AS chars, kind FROM items WHERE cluster_id = ?1`)
    .bind(clusterId)
    .all<{ id: string; chars: number; kind: Kind | null }>();
  const choice = chooseText(canonicalId, results);
  await d1
    .prepare(
      `UPDATE clusters SET text_item_id = ?2,
         summary = coalesce((SELECT clean_summary FROM items WHERE id = ?2), summary)
       WHERE id = ?1`,
    )
    .bind(clusterId, choice.fromCanonical ? null : choice.itemId)
    .run();
  return choice;
}
