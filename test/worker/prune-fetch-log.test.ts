/** The fetch log keeps FETCH_LOG_KEEP_DAYS of history and no more. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { FETCH_LOG_KEEP_DAYS, pruneFetchLog } from '../../src/ingest/prune-fetch-log.ts';

const DAY = 86_400_000;
const log = (sourceId: string, at: number) =>
  env.DB.prepare(`INSERT INTO fetch_log (source_id, at, ok, message) VALUES (?1, ?2, 1, 'ok')`).bind(sourceId, at);
const times = async () =>
  (await env.DB.prepare('SELECT source_id, at FROM fetch_log ORDER BY at').all<{ source_id: string; at: number }>()).results;

describe('pruneFetchLog', () => {
  it('deletes the lines older than the window, of every source, and keeps the rest', async () => {
    const now = Date.UTC(2026, 10, 22);
    const old = now - (FETCH_LOG_KEEP_DAYS + 1) * DAY;
    const recent = now - (FETCH_LOG_KEEP_DAYS - 1) * DAY;
    await env.DB.batch([log('coindesk', old), log('gone-source', old - DAY), log('coindesk', recent), log('decrypt', now)]);
    expect(await pruneFetchLog(env.DB, now)).toBe(2);
    expect(await times()).toEqual([
      { source_id: 'coindesk', at: recent },
      { source_id: 'decrypt', at: now },
    ]);
    expect(await pruneFetchLog(env.DB, now)).toBe(0); // nothing left to delete: a second run is a no-op
  });

  it('reads the old lines through the index on their time, not the whole table', async () => {
    const plan = await env.DB.prepare('EXPLAIN QUERY PLAN DELETE FROM fetch_log WHERE at < ?1').bind(0).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join(' ')).toMatch(/USING (?:COVERING )?INDEX fetch_log_at_idx/);
  });
});
