/**
 * Editorial overrides in D1 (tables overrides and override_items; what they mean: src/pipeline/cluster/overrides.ts).
 * Reads take the D1 binding: placement asks once per story, with the ids as one JSON parameter (json_each), so the
 * question stays one indexed query however many members the story would join.
 */
import type { OverrideAction, OverrideRecord, OverrideRole } from '../../pipeline/cluster/overrides.ts';

/** An override as stored: its record, and what the editor named and wrote. */
export interface StoredOverride extends OverrideRecord {
  storyId: string; // the story named (merge: the one merged away; split: the one the item left)
  intoId: string | null; // merge: the story kept; split: the one the item went into
  note: string;
}

/** One item an override names, with what identifies it in any database. */
export interface OverrideTarget {
  role: OverrideRole;
  itemId: string;
  sourceId: string;
  url: string;
}

type Row = {
  id: string;
  action: OverrideAction;
  story_id: string;
  into_id: string | null;
  item_id: string | null;
  note: string;
  created_at: number;
  member: string | null;
  role: OverrideRole | null;
};

/** Every override naming any of these items, each with every item it names. */
export async function overridesNaming(d1: D1Database, itemIds: string[]): Promise<StoredOverride[]> {
  if (!itemIds.length) return [];
  const { results } = await d1
    .prepare(
      `SELECT o.id, o.action, o.story_id, o.into_id, o.item_id, o.note, o.created_at, oi.item_id AS member, oi.role
       FROM overrides o JOIN override_items oi ON oi.override_id = o.id
       WHERE o.id IN (SELECT override_id FROM override_items WHERE item_id IN (SELECT value FROM json_each(?1)))`,
    )
    .bind(JSON.stringify(itemIds))
    .all<Row>();
  return fold(results);
}

/** Every override, oldest first (the order in which they apply), with the items each names. */
export async function allOverrides(d1: D1Database): Promise<{ override: StoredOverride; targets: OverrideTarget[] }[]> {
  const { results } = await d1
    .prepare(
      `SELECT o.id, o.action, o.story_id, o.into_id, o.item_id, o.note, o.created_at, oi.item_id AS member, oi.role, oi.source_id, oi.url
       FROM overrides o LEFT JOIN override_items oi ON oi.override_id = o.id
       ORDER BY o.created_at, o.id, oi.role, oi.item_id`,
    )
    .all<Row & { source_id: string | null; url: string | null }>();
  const targets = new Map<string, OverrideTarget[]>();
  for (const r of results) {
    if (!r.member || !r.role) continue;
    const list = targets.get(r.id) ?? [];
    list.push({ role: r.role, itemId: r.member, sourceId: r.source_id ?? '', url: r.url ?? '' });
    targets.set(r.id, list);
  }
  return fold(results).map((o) => ({ override: o, targets: targets.get(o.id) ?? [] }));
}

export async function getOverride(d1: D1Database, id: string): Promise<StoredOverride | null> {
  const { results } = await d1
    .prepare(
      `SELECT o.id, o.action, o.story_id, o.into_id, o.item_id, o.note, o.created_at, oi.item_id AS member, oi.role
       FROM overrides o LEFT JOIN override_items oi ON oi.override_id = o.id WHERE o.id = ?1`,
    )
    .bind(id)
    .all<Row>();
  return fold(results)[0] ?? null;
}

/** The statements that store an override and the items it names (for one batch with the changes it makes). */
export function insertOverride(d1: D1Database, o: StoredOverride, targets: OverrideTarget[]): D1PreparedStatement[] {
  return [
    d1
      .prepare(`INSERT INTO overrides (id, action, story_id, into_id, item_id, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`)
      .bind(o.id, o.action, o.storyId, o.intoId, o.item, o.note, o.createdAt),
    // one JSON parameter for any number of items: D1 binds at most 100 parameters a statement
    d1
      .prepare(
        `INSERT OR IGNORE INTO override_items (override_id, role, item_id, source_id, url)
         SELECT ?1, json_extract(value, '$.role'), json_extract(value, '$.itemId'), json_extract(value, '$.sourceId'), json_extract(value, '$.url') FROM json_each(?2)`,
      )
      .bind(o.id, JSON.stringify(targets)),
  ];
}

export function deleteOverride(d1: D1Database, id: string): D1PreparedStatement[] {
  return [d1.prepare(`DELETE FROM override_items WHERE override_id = ?1`).bind(id), d1.prepare(`DELETE FROM overrides WHERE id = ?1`).bind(id)];
}

function fold(rows: Row[]): StoredOverride[] {
  const out = new Map<string, StoredOverride>();
  for (const r of rows) {
    let o = out.get(r.id);
    if (!o) {
      o = { id: r.id, action: r.action, createdAt: r.created_at, item: r.item_id, story: [], into: [], storyId: r.story_id, intoId: r.into_id, note: r.note };
      out.set(r.id, o);
    }
    if (r.member && r.role === 'story') o.story.push(r.member);
    else if (r.member && r.role === 'into') o.into.push(r.member);
  }
  return [...out.values()];
}
