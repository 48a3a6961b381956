/** Placement's D1 (yieldingD1): D1's own answers, with the thread handed to readers before every round trip. */
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/db/client.ts';
import { meta } from '../../src/db/schema.ts';
import { bindingOf, READER_WAIT_MAX_MS, readerStarted, yieldingD1 } from '../../src/ingest/yield-to-readers.ts';
import { bumpServingVersion, servingVersion } from '../../src/db/serving-version.ts';

describe('yieldingD1', () => {
  it('answers run, first, all, raw and a batch of its own statements as D1 does, drizzle included', async () => {
    const d1 = yieldingD1(env.DB);
    const put = d1.prepare(`INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
    expect((await put.bind('test.a', '1').run()).success).toBe(true);
    await d1.batch([put.bind('test.b', '2'), put.bind('test.c', '3'), d1.prepare(`DELETE FROM meta WHERE key = ?1`).bind('test.a')]);
    const list = d1.prepare(`SELECT key, value FROM meta WHERE key LIKE 'test.%' ORDER BY key`);
    expect((await list.all()).results).toEqual([
      { key: 'test.b', value: '2' },
      { key: 'test.c', value: '3' },
    ]);
    expect(await list.first()).toEqual({ key: 'test.b', value: '2' });
    expect(await list.first('value')).toBe('2');
    expect(await list.raw()).toEqual([
      ['test.b', '2'],
      ['test.c', '3'],
    ]);
    const db = getDb(d1);
    expect(await db.select().from(meta).where(eq(meta.key, 'test.c'))).toEqual([{ key: 'test.c', value: '3' }]);
  });

  it('lets a reader in flight finish before the next round trip, and never waits beyond the bound', async () => {
    const d1 = yieldingD1(env.DB);
    const order: string[] = [];
    const done = readerStarted();
    setTimeout(() => {
      order.push('reader done');
      done();
    }, 5);
    await d1.prepare('SELECT 1 AS one').first().then(() => order.push('query answered'));
    expect(order).toEqual(['reader done', 'query answered']);

    const stuck = readerStarted(); // a reader that takes far longer than the bound
    const t0 = Date.now();
    expect(await d1.prepare('SELECT 2 AS two').first('two')).toBe(2);
    expect(Date.now() - t0).toBeLessThan(READER_WAIT_MAX_MS * 5);
    stuck();
  });

  it('is the same database as its binding: a bump made through it is the version readers of the binding see', async () => {
    const d1 = yieldingD1(env.DB);
    expect(bindingOf(d1)).toBe(env.DB);
    expect(bindingOf(yieldingD1(d1))).toBe(env.DB);
    const token = await bumpServingVersion(getDb(d1));
    expect(await servingVersion(env.DB)).toBe(token);
  });
});
