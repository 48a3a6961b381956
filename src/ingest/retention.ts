/**
 * Retention: what the database may forget, and when. D1 caps a database at 10 GB, and most of an item's bytes serve
 * only its first weeks: the LSH band rows that let a new story find it, the anchors that let a new event find its
 * storyline, and the page text before cleaning that the inspector marks up. The stories themselves (cleaned text,
 * summary, fingerprint, coverage) are kept: they stay served.
 *
 * Ages are measured back from the reference time: now, or the newest item held when that is earlier (a database
 * replayed from last year's recordings keeps what its own newest stories still need).
 *
 * Run by the cron in bounded steps: each table is swept in primary-key order, SWEEP_ROWS_A_STEP rows read a step, a
 * cursor in `meta` carrying on where the last step stopped; a run takes at most STEPS_A_RUN steps of each kind, so its
 * reads are bounded whatever the table's size. Term counts need nothing here: decay-term-stats.ts drops the ones that
 * faded out, and outlet_passages and fetch_log are bounded where they are written (outlet-passages.ts,
 * prune-fetch-log.ts).
 */
import { DEFAULT_CONFIG as CLUSTER_CONFIG } from '../pipeline/cluster/config.ts';
import { DEFAULT_STORYLINE_CONFIG } from '../pipeline/storyline/config.ts';

const DAY_MS = 86_400_000;
// A story looks for candidates within CLUSTER_CONFIG.windowMs of its own publication time (3 days); an item may reach
// us days after it was published (a feed's backlog, a retry), so band rows are kept well past the window.
export const LSH_BANDS_KEEP_MS = 14 * DAY_MS; // 14 days: the 3-day window plus 11 days for late arrivals
// A story looks for its storyline within DEFAULT_STORYLINE_CONFIG.windowMs (14 days) both ways, plus late arrivals.
export const ANCHORS_KEEP_MS = 25 * DAY_MS; // 25 days: the 14-day window plus 11 days for late arrivals
// The text before cleaning (and the feed's own HTML) is what the inspector marks the removed noise in; after a month
// an editor no longer looks at why a line was cut, and the cleaned text and the removed spans (with their text) stay.
export const RAW_TEXT_KEEP_MS = 30 * DAY_MS; // 30 days
export const SWEEP_ROWS_A_STEP = 2_000; // rows read by one statement: well inside a D1 query's time limit
export const STEPS_A_RUN = 10; // steps of each kind a run: a cron run reads at most ~60,000 rows for retention

const LAST_RUN_KEY = 'retention.last_run';

if (LSH_BANDS_KEEP_MS <= CLUSTER_CONFIG.windowMs || ANCHORS_KEEP_MS <= DEFAULT_STORYLINE_CONFIG.windowMs) {
  throw new Error('retention would delete rows inside the clustering or storyline window');
}

export interface RetentionRun {
  at: number; // when it ran (ms)
  reference: number; // ages were measured back from this time (ms)
  lshBandsDeleted: number;
  anchorsDeleted: number;
  rawTextsPruned: number; // items whose raw page text and feed HTML were dropped
  rowsRead: number; // rows the sweeps read (what D1 bills)
  done: boolean; // every sweep reached the end of its table this run
  ms: number;
}

type PkCursor = [string, number, string] | null;

/** One bounded run of every rule; records itself in `meta` for GET /admin/retention. */
export async function runRetention(d1: D1Database, now = Date.now(), steps = STEPS_A_RUN): Promise<RetentionRun> {
  const t0 = Date.now();
  const newest = await d1.prepare(`SELECT max(published_at) AS t FROM items`).first<{ t: number | null }>();
  const reference = Math.min(now, newest?.t ?? now);
  const bands = await sweep(d1, 'lsh_bands', reference - LSH_BANDS_KEEP_MS, steps);
  const anchors = await sweep(d1, 'story_anchors', reference - ANCHORS_KEEP_MS, steps);
  const raw = await pruneRawText(d1, reference - RAW_TEXT_KEEP_MS, steps);
  const run: RetentionRun = {
    at: now,
    reference,
    lshBandsDeleted: bands.deleted,
    anchorsDeleted: anchors.deleted,
    rawTextsPruned: raw.pruned,
    rowsRead: bands.read + anchors.read + raw.read,
    done: bands.done && anchors.done && raw.done,
    ms: Date.now() - t0,
  };
  await d1.prepare(`INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).bind(LAST_RUN_KEY, JSON.stringify(run)).run();
  if (run.lshBandsDeleted || run.anchorsDeleted || run.rawTextsPruned) {
    console.log(`[cron] retention: ${run.lshBandsDeleted} band rows, ${run.anchorsDeleted} anchor rows deleted, raw text of ${run.rawTextsPruned} items dropped (${run.rowsRead} rows read)`);
  }
  return run;
}

export async function lastRetentionRun(d1: D1Database): Promise<RetentionRun | null> {
  const row = await d1.prepare(`SELECT value FROM meta WHERE key = ?1`).bind(LAST_RUN_KEY).first<{ value: string }>();
  return row ? (JSON.parse(row.value) as RetentionRun) : null;
}

/**
 * Deletes rows older than `before` from a table keyed (key, published_at, item_id), reading it in key order from where
 * the last step stopped. Neither table has an index on the time alone (each would cost as much as the rows it finds
 * old), so a sweep reads its way round the table; it wraps to the start when it reaches the end.
 */
async function sweep(d1: D1Database, table: 'lsh_bands' | 'story_anchors', before: number, steps: number) {
  const cursorKey = `retention.cursor.${table}`;
  const stored = await d1.prepare(`SELECT value FROM meta WHERE key = ?1`).bind(cursorKey).first<{ value: string }>();
  let cursor: PkCursor = stored ? (JSON.parse(stored.value) as PkCursor) : null;
  let deleted = 0;
  let read = 0;
  let done = false;
  const ORDER = `ORDER BY key, published_at, item_id`;
  for (let i = 0; i < steps && !done; i++) {
    const from = cursor ? `(key, published_at, item_id) > (?, ?, ?)` : `1 = 1`;
    // the step's last row: this step covers (cursor, end]
    const end = await d1
      .prepare(`SELECT key, published_at AS p, item_id AS id FROM ${table} WHERE ${from} ${ORDER} LIMIT 1 OFFSET ${SWEEP_ROWS_A_STEP - 1}`)
      .bind(...(cursor ?? []))
      .first<{ key: string; p: number; id: string }>();
    const to = end ? `AND (key, published_at, item_id) <= (?, ?, ?)` : '';
    const result = await d1
      .prepare(`DELETE FROM ${table} WHERE ${from} ${to} AND published_at < ?`)
      .bind(...(cursor ?? []), ...(end ? [end.key, end.p, end.id] : []), before)
      .run();
    deleted += result.meta.changes ?? 0;
    read += SWEEP_ROWS_A_STEP + (result.meta.rows_read ?? 0);
    if (end) cursor = [end.key, end.p, end.id];
    else {
      cursor = null; // the end of the table: the next step starts over
      done = true;
    }
  }
  await d1.prepare(`INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).bind(cursorKey, JSON.stringify(cursor)).run();
  return { deleted, read, done };
}

/**
 * Drops the raw page text and the feed's HTML of placed items published before `before`, oldest first through the
 * index on published_at, from where the last run stopped. Pending and failed items keep theirs: they may still be
 * processed again.
 */
async function pruneRawText(d1: D1Database, before: number, steps: number) {
  const markKey = 'retention.raw_text_until';
  const mark = Number((await d1.prepare(`SELECT value FROM meta WHERE key = ?1`).bind(markKey).first<{ value: string }>())?.value ?? 0);
  let from = mark;
  let pruned = 0;
  let read = 0;
  let done = false;
  for (let i = 0; i < steps && !done; i++) {
    const last = await d1
      .prepare(`SELECT published_at AS p FROM items WHERE published_at >= ?1 AND published_at < ?2 ORDER BY published_at LIMIT 1 OFFSET ?3`)
      .bind(from, before, SWEEP_ROWS_A_STEP - 1)
      .first<{ p: number }>();
    const until = last ? last.p + 1 : before; // items of one millisecond are never split between two steps
    const result = await d1
      .prepare(
        `UPDATE items SET raw_text = NULL, feed_content = NULL
         WHERE published_at >= ?1 AND published_at < ?2 AND status = 'ready' AND (raw_text IS NOT NULL OR feed_content IS NOT NULL)`,
      )
      .bind(from, until)
      .run();
    pruned += result.meta.changes ?? 0;
    read += result.meta.rows_read ?? 0;
    from = until;
    done = !last;
  }
  await d1.prepare(`INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).bind(markKey, String(from)).run();
  return { pruned, read, done };
}
