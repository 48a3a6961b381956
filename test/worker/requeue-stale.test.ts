/** An item stored but never processed (its queue message lost) is not left pending forever: the cron queues it again. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { requeueStalePending, STALE_PENDING_MS } from '../../src/ingest/schedule.ts';

const now = Date.UTC(2026, 2, 10, 12);
const row = (id: string, status: string, pageStatus: string, updatedAt: number) =>
  env.DB.prepare(
    `INSERT INTO items (id, source_id, url, title, published_at, fetched_at, status, page_status, updated_at)
     VALUES (?1, 'harbor-news', 'https://harbor-news.test/' || ?1, 'A title', ?4, ?4, ?2, ?3, ?4)`,
  ).bind(id, status, pageStatus, updatedAt);
const touched = async (id: string) => (await env.DB.prepare('SELECT updated_at FROM items WHERE id = ?1').bind(id).first<{ updated_at: number }>())!.updated_at;

describe('requeueStalePending', () => {
  it('queues pending items untouched for a while, and leaves recent ones, ones waiting for a page and processed ones', async () => {
    const old = now - STALE_PENDING_MS - 1;
    await env.DB.batch([
      row('lost', 'pending', 'done', old),
      row('lost-feed-only', 'pending', 'not_needed', old),
      row('recent', 'pending', 'not_needed', now - 60_000),
      row('waits-for-page', 'pending', 'wanted', old),
      row('processed', 'ready', 'done', old),
    ]);
    expect(await requeueStalePending(env, now)).toBe(2);
    expect(await touched('lost')).toBe(now);
    expect(await touched('lost-feed-only')).toBe(now);
    expect(await touched('waits-for-page')).toBe(old);
    expect(await requeueStalePending(env, now)).toBe(0); // touched: not queued twice in a row
  });
});
