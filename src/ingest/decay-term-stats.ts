/**
 * Makes the document-frequency table rolling: once a day (checked at every cron run) every count, the document
 * count included, is multiplied by 0.5^(days / DF_HALF_LIFE_DAYS), and terms that faded out are dropped. IDF is a
 * ratio of counts, so decaying both sides keeps it meaningful while old news weighs less and less.
 */
import { DOCUMENTS_TERM } from '../db/cluster-store.ts';

export const DF_HALF_LIFE_DAYS = 30; // a month: long enough to know a common word, short enough to forget last quarter's names
export const DF_FORGET_BELOW = 0.05; // a term counted once fades below this after ~4 half-lives: drop the row
const DAY_MS = 86_400_000;
const LAST_DECAY_KEY = 'term_stats.decayed_at';

/** Returns how many whole days were decayed (0 when less than a day has passed since the last decay). */
export async function decayTermStats(d1: D1Database, now = Date.now()): Promise<number> {
  const row = await d1.prepare(`SELECT value FROM meta WHERE key = ?1`).bind(LAST_DECAY_KEY).first<{ value: string }>();
  if (!row) {
    // First run: start the clock; nothing counted yet is older than today.
    await d1.prepare(`INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO NOTHING`).bind(LAST_DECAY_KEY, String(now)).run();
    return 0;
  }
  const last = Number(row.value);
  const days = Math.floor((now - last) / DAY_MS);
  if (days < 1) return 0;
  const factor = Math.pow(0.5, days / DF_HALF_LIFE_DAYS);
  await d1.batch([
    d1.prepare(`UPDATE term_stats SET df = df * ?1`).bind(factor),
    d1.prepare(`DELETE FROM term_stats WHERE df < ?1 AND term <> ?2`).bind(DF_FORGET_BELOW, DOCUMENTS_TERM),
    d1.prepare(`UPDATE meta SET value = ?2 WHERE key = ?1`).bind(LAST_DECAY_KEY, String(last + days * DAY_MS)),
  ]);
  console.log(`[cron] term counts decayed by ${factor.toFixed(3)} (${days} day${days > 1 ? 's' : ''})`);
  return days;
}
