/** The JSON shape of an editorial override (/admin/overrides, and the story detail's `editorial` list). */
import type { OverrideTarget, StoredOverride } from '../db/queries/overrides.ts';

export function apiOverride(o: StoredOverride, targets?: OverrideTarget[]) {
  return {
    id: o.id,
    action: o.action,
    story: o.storyId,
    into: o.intoId,
    item: o.item,
    note: o.note,
    created_at: new Date(o.createdAt).toISOString(),
    // the items it names, by role, with what identifies them in another database: an export POST /import takes back
    ...(targets ? { items: targets.map((t) => ({ role: t.role, item_id: t.itemId, source_id: t.sourceId, url: t.url })) } : {}),
  };
}
