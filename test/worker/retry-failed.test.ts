/** A failed item is not lost: later crons run it again, up to MAX_ATTEMPTS, after a quiet spell. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, RETRY_QUIET_MS, retryFailedItems } from '../../src/ingest/schedule.ts';

const now = Date.UTC(2026, 2, 10, 12);
const row = (id: string, attempts: number, updatedAt: number) =>
  env.DB.prepare(
    `INSERT INTO items (id, source_id, url, title, published_at, fetched_at, status, error, attempts, updated_at)
     VALUES (?1, 'harbor-news', 'https://harbor-news.test/' || ?1, 'A title', ?2, ?2, 'failed', 'pipeline failed: D1 was busy', ?3, ?2)`,
  ).bind(id, updatedAt, attempts);
const status = async (id: string) => (await env.DB.prepare('SELECT status FROM items WHERE id = ?1').bind(id).first<{ status: string }>())!.status;

describe('retryFailedItems', () => {
  it('requeues failures that are old enough and under the attempt cap, and leaves the rest failed', async () => {
    await env.DB.batch([
      row('due', 1, now - RETRY_QUIET_MS - 1),
      row('too-recent', 1, now - 60_000),
      row('gave-up', MAX_ATTEMPTS, now - 10 * RETRY_QUIET_MS),
    ]);
    expect(await retryFailedItems(env, now)).toBe(1);
    expect(await status('due')).toBe('pending');
    expect(await status('too-recent')).toBe('failed');
    expect(await status('gave-up')).toBe('failed');
  });
});
