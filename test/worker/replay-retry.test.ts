/**
 * Replaying the same data again runs the items that failed the first time (a replay beside a busy database once
 * failed one article, and the second replay called it "seen before"), and a replayed feed names each item that failed.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/db/client.ts';
import { markItemFailed } from '../../src/db/queries/items.ts';
import { parseWithLinkedom } from '../../src/dom/linkedom.ts';
import { replayArticles, replayFeed, type ReplaySource } from '../../src/ingest/replay.ts';
import { ARTICLES } from '../fixtures/articles.ts';

const item = (slug: string, title: string, hour: number, body: string) =>
  `<item><title>${title}</title><link>https://harbor-news.test/${slug}</link><pubDate>Tue, 10 Mar 2026 ${hour}:00:00 +0000</pubDate><description>${body}</description></item>`;
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor News</title><link>https://harbor-news.test/</link><description>d</description>
${item('bridge', 'Bridge operator pauses transfers after a validator fault', 10, 'The operator of a cross-chain bridge paused transfers on Tuesday after two of its validators signed conflicting messages, and said no funds were lost.')}
${item('stablecoin', 'Regulator opens consultation on stablecoin reserves', 11, 'A financial regulator opened a consultation on how stablecoin issuers should hold reserves, proposing short-dated government bills and daily reporting.')}
</channel></rss>`;

const deps = () => ({ db: getDb(env.DB), d1: env.DB, parseHTML: parseWithLinkedom, userAgent: 'onestory-test', log: () => {} });
const statusOf = async (id: string) => (await env.DB.prepare('SELECT status, error FROM items WHERE id = ?1').bind(id).first<{ status: string; error: string | null }>())!;

describe('replay after a failure', () => {
  it('runs an article that failed before, instead of calling it seen before', async () => {
    const first = await replayArticles(ARTICLES, deps());
    expect(first.every((r) => r.status === 'placed')).toBe(true);
    const victim = first[2].itemId!;
    await markItemFailed(getDb(env.DB), victim, 'pipeline failed: D1_ERROR: database is locked: SQLITE_BUSY');

    const second = await replayArticles(ARTICLES, deps());
    const retried = second.find((r) => r.itemId === victim)!;
    expect(retried).toMatchObject({ status: 'placed', retried: true });
    expect(second.filter((r) => r.itemId !== victim).map((r) => r.status)).toEqual(Array(ARTICLES.length - 1).fill('seen before'));
    expect((await statusOf(victim)).status).toBe('ready');
  });

  it('runs the failed items of a replayed feed again', async () => {
    const source: ReplaySource = { id: 'harbor-news', name: 'Harbor News', homepage: 'https://harbor-news.test/', feedUrl: 'https://harbor-news.test/feed', tier: 'original', fullText: true, configured: false };
    const xml = FEED;
    const first = await replayFeed(source, xml, deps());
    expect(first).toMatchObject({ failed: 0, retried: 0, failures: [] });
    const ids = (await env.DB.prepare("SELECT id FROM items WHERE source_id = 'harbor-news'").all<{ id: string }>()).results.map((r) => r.id);
    await markItemFailed(getDb(env.DB), ids[0], 'pipeline failed: a passing fault');

    const second = await replayFeed(source, xml, deps());
    expect(second).toMatchObject({ retried: 1, failed: 0, processed: 1 });
    expect((await statusOf(ids[0])).status).toBe('ready');
  });
});
