/**
 * /admin/replay/articles places the articles it is sent, and on request says how long the Worker's thread was held at a
 * stretch meanwhile (the serving bench reports it). Without the request the answer is as before.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import { LOOP_BLOCK_REPORTED_MS } from '../../src/ingest/loop-blocks.ts';
import { ARTICLES } from '../fixtures/articles.ts';

const ADMIN = { ...env, ADMIN_TOKEN: 'replay secret for the tests' };
const replay = (body: unknown) =>
  app.request(
    '/admin/replay/articles',
    { method: 'POST', headers: { authorization: `Bearer ${ADMIN.ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) },
    ADMIN,
  );

describe('POST /admin/replay/articles with watch_loop', () => {
  it('places the articles and reports the longest block of the thread while it did', async () => {
    const res = await replay({ articles: ARTICLES, watch_loop: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { status: string }[]; loop: { ticks: number; maxBlockMs: number; blocksOverMs: number; overMs: number } };
    expect(body.results.map((r) => r.status)).toEqual(ARTICLES.map(() => 'placed'));
    expect(body.loop.overMs).toBe(LOOP_BLOCK_REPORTED_MS);
    expect(body.loop.maxBlockMs).toBeGreaterThanOrEqual(0);
    expect(body.loop.blocksOverMs).toBeLessThanOrEqual(body.loop.ticks);
  });

  it('answers with the results alone when not asked to watch', async () => {
    const res = await replay({ articles: ARTICLES.slice(0, 1) });
    expect(res.status).toBe(200);
    expect(Object.keys((await res.json()) as object)).toEqual(['results']);
  });
});
