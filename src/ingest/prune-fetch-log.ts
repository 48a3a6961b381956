/**
 * Keeps the fetch log bounded: every cron run writes a line per source (about 3,300 a day with 34 sources), and
 * lines older than FETCH_LOG_KEEP_DAYS are deleted. A source's current health lives on its own row in `sources`;
 * the log is only its recent history. The delete reads through the index on `at`, so it costs the rows it removes.
 */
export const FETCH_LOG_KEEP_DAYS = 30; // a month of history: enough to see when a feed started failing
const DAY_MS = 86_400_000;

/** Deletes log lines older than the window; returns how many went. */
export async function pruneFetchLog(d1: D1Database, now = Date.now()): Promise<number> {
  const result = await d1.prepare(`DELETE FROM fetch_log WHERE at < ?1`).bind(now - FETCH_LOG_KEEP_DAYS * DAY_MS).run();
  const deleted = result.meta.changes ?? 0;
  if (deleted) console.log(`[cron] fetch log: ${deleted} line${deleted > 1 ? 's' : ''} older than ${FETCH_LOG_KEEP_DAYS} days deleted`);
  return deleted;
}
