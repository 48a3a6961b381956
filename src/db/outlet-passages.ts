/**
 * The outlet history in D1, with the same meaning as OutletMemory (src/pipeline/clean/outlet-memory.ts): per source,
 * the passage keys of its last HISTORY_ITEMS processed items. An item's keys are counted against the history before
 * they join it; a source's item sequence lives on its row (passage_seq), rows older than the window are deleted as
 * new ones arrive, so the table holds about HISTORY_ITEMS x 40 rows a source. The article queue runs one batch at a
 * time, so items of one source join their history in order.
 */
import { HISTORY_ITEMS, type OutletHistory } from '../pipeline/clean/outlet-history.ts';

export interface OutletHistoryRead {
  history: OutletHistory;
  seq: number; // the source's sequence number before this item
}

export async function readOutletHistory(d1: D1Database, sourceId: string, keys: readonly string[]): Promise<OutletHistoryRead> {
  // one round trip: the first row (key NULL) carries the source's sequence, the others the counts of this text's keys
  const { results } = await d1
    .prepare(
      `WITH s AS (SELECT passage_seq AS seq FROM sources WHERE id = ?1)
       SELECT NULL AS key, seq AS n FROM s
       UNION ALL
       SELECT p.key, count(*) FROM outlet_passages p, s
       WHERE s.seq > 0 AND p.source_id = ?1 AND p.seq > s.seq - ?2 AND p.key IN (SELECT value FROM json_each(?3)) GROUP BY p.key`,
    )
    .bind(sourceId, HISTORY_ITEMS, JSON.stringify([...new Set(keys)]))
    .all<{ key: string | null; n: number }>();
  let seq = 0;
  const counts = new Map<string, number>();
  for (const r of results) {
    if (r.key === null) seq = r.n;
    else counts.set(r.key, r.n);
  }
  return { history: { items: Math.min(seq, HISTORY_ITEMS), counts }, seq };
}

/** Adds an item's keys as the source's next item and forgets items beyond the window, in one batch. */
export async function recordOutletPassages(d1: D1Database, sourceId: string, seq: number, keys: readonly string[]): Promise<void> {
  await d1.batch(outletPassageWrites(d1, sourceId, seq, keys));
}

/** The statements of recordOutletPassages, for a caller that sends them in a batch of its own (placement's). */
export function outletPassageWrites(d1: D1Database, sourceId: string, seq: number, keys: readonly string[]): D1PreparedStatement[] {
  const next = seq + 1;
  return [
    d1
      .prepare(`INSERT OR IGNORE INTO outlet_passages (source_id, key, seq) SELECT ?1, value, ?2 FROM json_each(?3)`)
      .bind(sourceId, next, JSON.stringify([...new Set(keys)])),
    d1.prepare(`DELETE FROM outlet_passages WHERE source_id = ?1 AND seq <= ?2`).bind(sourceId, next - HISTORY_ITEMS),
    d1.prepare(`UPDATE sources SET passage_seq = ?2 WHERE id = ?1`).bind(sourceId, next),
  ];
}
