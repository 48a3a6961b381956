/**
 * Ingestion end to end, in the real Worker: cron -> FEEDS queue -> feed consumer -> ARTICLES queue -> pipeline -> D1,
 * against a local server playing the outlets, broken ones included.
 */
import { XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CP1252_TITLE, startFeedServer, type FeedServer } from '../support/feed-server.ts';
import { startTestWorker, waitFor, type TestWorker } from '../support/worker.ts';

const FEEDS = {
  'harbor-news': ['Harbor News', '/feeds/harbor-news.xml', 'original', true],
  'quay-wire': ['Quay Wire', '/feeds/quay-wire.atom', 'aggregator', false],
  'alpine-ledger': ['Alpine Ledger', '/feeds/cp1252.xml', 'original', false],
  mischief: ['Mischief Daily', '/feeds/evil.xml', 'content_farm', false],
  malformed: ['Malformed Times', '/feeds/malformed.xml', 'aggregator', false],
  'html-instead': ['Homepage Only', '/feeds/homepage.html', 'aggregator', false],
  gone: ['Gone Gazette', '/feeds/gone.xml', 'aggregator', false],
  broken: ['Broken Bugle', '/feeds/broken.xml', 'aggregator', false],
  huge: ['Huge Herald', '/feeds/huge.xml', 'aggregator', false],
  slow: ['Slow Sentinel', '/feeds/slow.xml', 'aggregator', false],
} as const;
const ITEMS_EXPECTED = 7; // harbor 2 + quay 3 + alpine 1 + mischief 1 (its javascript: item is refused)

let server: FeedServer;
let worker: TestWorker;
type Source = { id: string; items_seen: number; health: { ok: boolean | null; last_fetch_at: string | null; last_error: string | null; last_error_code: string | null } };

async function itemsStored(): Promise<number> {
  const { stories } = await worker.json<{ stories: { coverage: unknown[] }[] }>('/api/v1/stories?limit=100');
  return stories.reduce((n, s) => n + 1 + s.coverage.length, 0);
}

async function runCron() {
  const res = await worker.fetch('/__scheduled?cron=' + encodeURIComponent('*/15 * * * *'));
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  server = await startFeedServer();
  const sources = Object.entries(FEEDS).map(([id, [name, feed, tier, fullText]]) => ({
    id,
    name,
    homepage: `https://${id}.test/`,
    feedUrl: server.url + feed,
    tier,
    fullText,
  }));
  worker = await startTestWorker({ testScheduled: true, vars: { SOURCES_JSON: JSON.stringify(sources), FETCH_TIMEOUT_MS: '1500' } });
  await runCron();
  await waitFor('every source fetched', async () => {
    const { sources } = await worker.json<{ sources: Source[] }>('/api/v1/sources');
    return sources.filter((s) => s.health.last_fetch_at).length === sources.length ? sources : undefined;
  });
  await waitFor('every item processed', async () => ((await itemsStored()) === ITEMS_EXPECTED ? true : undefined));
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
  await server?.close();
});

async function health(id: string): Promise<Source> {
  const { sources } = await worker.json<{ sources: Source[] }>('/api/v1/sources');
  return sources.find((s) => s.id === id)!;
}

describe('ingestion against real and broken outlets', () => {
  it('records each broken feed with a clear error code and keeps going', async () => {
    expect((await health('malformed')).health).toMatchObject({ ok: false, last_error_code: 'malformed_xml' });
    expect((await health('html-instead')).health).toMatchObject({ ok: false, last_error_code: 'not_a_feed' });
    expect((await health('gone')).health).toMatchObject({ ok: false, last_error_code: 'http_404' });
    expect((await health('broken')).health).toMatchObject({ ok: false, last_error_code: 'http_500' });
    expect((await health('huge')).health).toMatchObject({ ok: false, last_error_code: 'too_large' });
    expect((await health('slow')).health).toMatchObject({ ok: false, last_error_code: 'timeout' });
    for (const id of ['harbor-news', 'quay-wire', 'alpine-ledger', 'mischief']) expect((await health(id)).health.ok).toBe(true);
  });

  it('decodes a windows-1252 feed declared only in its XML declaration', async () => {
    const { stories } = await worker.json<{ stories: { title: string }[] }>('/api/v1/stories?source=alpine-ledger');
    expect(stories.map((s) => s.title)).toEqual([CP1252_TITLE]);
  });

  it('strips a script from a title, refuses a javascript: link, and says so on the source', async () => {
    const { stories } = await worker.json<{ stories: { title: string; url: string; summary: string }[] }>('/api/v1/stories?source=mischief');
    expect(stories).toHaveLength(1);
    expect(stories[0].title).toBe('Token unlock worth $90M lands Friday & 5 < 6');
    expect(stories[0].url).toBe('https://mischief.test/unlock');
    expect(JSON.stringify(stories)).not.toMatch(/script|alert|onerror|onclick|javascript:/i);
    const src = await worker.json<{ sources: { id: string; items_seen: number; health: { last_result: string } }[] }>('/api/v1/sources');
    const mischief = src.sources.find((s) => s.id === 'mischief')!;
    expect(mischief.items_seen).toBe(1);
    expect(mischief.health.last_result).toMatch(/1 skipped \(refused javascript: link/);
  });

  it('serves a well-formed RSS feed that parses back and never carries markup unescaped', async () => {
    const res = await worker.fetch('/feed.xml');
    const xml = await res.text();
    expect(res.headers.get('content-type')).toMatch(/application\/rss\+xml/);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(/<script|<b>|<img/i);
    const feed = await new Parser().parseString(xml);
    const titles = feed.items.map((i) => i.title);
    expect(titles).toContain('Token unlock worth $90M lands Friday & 5 < 6');
    expect(titles).toContain(CP1252_TITLE);
  });

  it('falls back to the feed summary when a page is too large or missing, recording why', async () => {
    const { stories } = await worker.json<{ stories: { id: string; title: string }[] }>('/api/v1/stories?source=quay-wire&limit=100');
    const byTitle = new Map(stories.map((s) => [s.title, s.id]));
    const huge = await worker.json(`/api/v1/stories/${byTitle.get('Regulator publishes stablecoin reserve rules for comment')}`);
    expect(huge.members[0].error).toMatch(/too_large/);
    expect(huge.text).toContain('short-dated treasuries');
    const missing = await worker.json(`/api/v1/stories/${byTitle.get('Exchange lists three new perpetual futures markets')}`);
    expect(missing.members[0].error).toMatch(/http_404/);
  });

  it('extracts a fetched page and groups the rewrite with the original report', async () => {
    const { stories } = await worker.json<{ stories: any[] }>('/api/v1/stories?source=harbor-news');
    const lendvault = stories.find((s) => /Lendvault/.test(s.title));
    expect(lendvault.source).toBe('Harbor News');
    expect(lendvault.coverage.map((c: any) => c.source)).toEqual(['Quay Wire']);
    const detail = await worker.json(`/api/v1/stories/${lendvault.id}`);
    const quay = detail.members.find((m: any) => m.source === 'Quay Wire');
    expect(quay.text_source).toMatch(/^page/);
    expect(quay.text).toContain('manipulated a price oracle');
    expect(quay.text).not.toMatch(/Subscribe to our newsletter|All rights reserved/);
    expect(detail.text).not.toMatch(/appeared first on/);
  });

  it('stores nothing twice when the cron runs again (conditional GET and idempotent inserts)', async () => {
    const before = await itemsStored();
    const hitsBefore = server.hits.get('/feeds/harbor-news.xml') ?? 0;
    await runCron();
    await waitFor('harbor fetched again', async () => ((server.hits.get('/feeds/harbor-news.xml') ?? 0) > hitsBefore ? true : undefined));
    await waitFor('quay fetched again', async () => ((server.hits.get('/feeds/quay-wire.atom') ?? 0) >= 2 ? true : undefined));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await itemsStored()).toBe(before);
    expect((await health('harbor-news')).health.ok).toBe(true);
  });
});
