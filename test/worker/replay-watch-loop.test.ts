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

  it('reports on request how long placement ran between its yields, and of what: term counts and crowd in one round trip', async () => {
    const again = ARTICLES.map((a) => ({ ...a, id: `${a.id}-again`, url: `${a.url}-again` }));
    const res = await replay({ articles: again, watch_stretches: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { status: string }[]; stretches: { ms: number[]; long: unknown[]; byPart: Record<string, [number, number, number]> } };
    expect(body.results.map((r) => r.status)).toEqual(again.map(() => 'placed'));
    expect(body.stretches.ms.length).toBeGreaterThan(again.length);
    const parts = Object.keys(body.stretches.byPart);
    expect(parts.filter((p) => p.startsWith('d1 batch of N: SELECT term, df FROM ter + SELECT count(*)'))).toHaveLength(1);
    expect(parts.filter((p) => p.startsWith('d1 first: SELECT count(*)'))).toEqual([]);
    expect(body.stretches.byPart['clean + label'][0]).toBe(again.length);
  });

  it('reports on request how the serving cache answered the readers that came while it placed', async () => {
    const again = ARTICLES.map((a) => ({ ...a, id: `${a.id}-read`, url: `${a.url}-read` }));
    let done = false;
    const replaying = Promise.resolve(replay({ articles: again, watch_reads: true })).finally(() => (done = true));
    let read = 0;
    while (!done) {
      expect((await app.request('/api/v1/stories', {}, ADMIN)).status).toBe(200);
      read++;
      // a page from memory does no I/O: without a timer turn between them these reads would hold the thread forever
      await new Promise((r) => setTimeout(r, 5));
    }
    const res = await replaying;
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { status: string }[]; reads: { byOutcome: Record<string, [number, number, number]>; versionsServed: number } };
    expect(body.results.map((r) => r.status)).toEqual(again.map(() => 'placed'));
    const counted = Object.values(body.reads.byOutcome).reduce((s, [n]) => s + n, 0);
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThanOrEqual(read);
    expect(body.reads.byOutcome.rendered[0], 'a version placed meanwhile is rendered').toBeGreaterThan(0);
    expect(body.reads.versionsServed).toBeGreaterThan(0);
  });

  it('answers with the results alone when not asked to watch', async () => {
    const res = await replay({ articles: ARTICLES.slice(0, 1) });
    expect(res.status).toBe(200);
    expect(Object.keys((await res.json()) as object)).toEqual(['results']);
  });
});
