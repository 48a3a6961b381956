/**
 * The lists readers poll (the API's stories, both feeds, the inspector's list) are rendered once per serving version
 * and answered from the cache after; every write that changes what readers see bumps the version, so they never see
 * an older page than the database after that write.
 */
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import { getDb } from '../../src/db/client.ts';
import { insertNewItems } from '../../src/db/queries/items.ts';
import { upsertSources } from '../../src/db/queries/sources.ts';
import { bumpServingVersion, coalescedBumps } from '../../src/db/serving-version.ts';
import { WORKER_DOMS } from '../../src/dom/worker-doms.ts';
import { processArticle } from '../../src/ingest/process-article.ts';
import { normalizeEntry } from '../../src/pipeline/normalize.ts';
import { ARTICLES, HARBOR } from '../fixtures/articles.ts';
import { seed } from './seed.ts';

const ADMIN = { ...env, ADMIN_TOKEN: 'editor secret for the serving tests' };
const get = (path: string, headers: Record<string, string> = {}) => exports.default.fetch(`http://onestory.test${path}`, { headers });
const titles = async (path: string) => ((await (await get(path)).json()) as { stories: { id: string; title: string }[] }).stories.map((s) => s.title);

/** Changes a story's title behind the cache's back: a write that (wrongly) bumps nothing. */
const retitleQuietly = (title: string) => env.DB.prepare(`UPDATE clusters SET title = ?1 WHERE title LIKE 'Lendvault%' OR title LIKE 'Quietly%'`).bind(title).run();

beforeAll(async () => {
  await seed(ARTICLES);
});

describe('the serving cache', () => {
  it('answers a list again from its cache until a write bumps the serving version, then renders it anew', async () => {
    await bumpServingVersion(env.DB);
    const first = await get('/api/v1/stories');
    const body = await first.text();
    expect(body).toContain('Lendvault halts withdrawals');
    await retitleQuietly('Quietly renamed story');
    expect(await (await get('/api/v1/stories')).text(), 'no bump: the cached page').toBe(body);
    await bumpServingVersion(env.DB);
    expect(await titles('/api/v1/stories')).toContain('Quietly renamed story');
    await retitleQuietly('Lendvault halts withdrawals after $48 million exploit drains its ether pool');
    await bumpServingVersion(env.DB);
  });

  it('keys a page by the normalized query: order, spelled-out defaults and case do not matter, a different filter does', async () => {
    const etagOf = async (path: string) => {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      return res.headers.get('etag');
    };
    const plain = await etagOf('/api/v1/stories?coin=BTC,ETH');
    expect(plain).toMatch(/^W\/"[0-9a-z]+-[0-9a-z]+"$/);
    expect(await etagOf('/api/v1/stories?limit=20&coin=eth,btc')).toBe(plain);
    expect(await etagOf('/api/v1/stories?coin=BTC,ETH&limit=21')).not.toBe(plain);
    expect(await etagOf('/api/v1/stories?coin=BTC')).not.toBe(plain);
    expect(await etagOf('/api/v1/stories?coin=BTC,ETH&unknown=1'), 'a parameter the filter does not read is kept in the key').not.toBe(plain);
  });

  it('answers If-None-Match with a 304 and no body while the version holds, and a 200 after a bump', async () => {
    const res = await get('/feed.xml');
    const etag = res.headers.get('etag')!;
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+, stale-while-revalidate=\d+/);
    // the inspector's list is an editor's page: the browser asks every time, and the ETag makes that a 304
    expect((await get('/inspector')).headers.get('cache-control')).toBe('no-cache');
    const again = await get('/feed.xml', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    await bumpServingVersion(env.DB);
    const after = await get('/feed.xml', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('keys the feeds by the URL as sent, since their self link repeats it', async () => {
    const a = await (await get('/feed.json?limit=50')).json() as { feed_url: string };
    const b = await (await get('/feed.json')).json() as { feed_url: string };
    expect(a.feed_url).toMatch(/\/feed\.json\?limit=50$/);
    expect(b.feed_url).toMatch(/\/feed\.json$/);
  });

  it('takes a story an editor hides out of the cached lists at once', async () => {
    const before = await titles('/api/v1/stories?limit=100');
    expect((await get('/inspector')).status).toBe(200);
    const story = ((await (await get('/api/v1/stories?limit=100')).json()) as { stories: { id: string; title: string }[] }).stories.find((s) => s.title.startsWith('Bitcoin ETFs'))!;
    const hidden = await app.request(
      '/admin/overrides',
      { method: 'POST', headers: { authorization: `Bearer ${ADMIN.ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'hide', story: story.id }) },
      ADMIN,
    );
    expect(hidden.status).toBe(201);
    const after = await titles('/api/v1/stories?limit=100');
    expect(after).toHaveLength(before.length - 1);
    expect(after).not.toContain(story.title);
    expect(await (await get('/inspector')).text()).not.toContain('Bitcoin ETFs take in');
    expect(await (await get('/feed.xml')).text()).not.toContain('Bitcoin ETFs take in');
  });

  it('shows a story placed after the list was cached', async () => {
    expect(await titles('/api/v1/stories?limit=100')).not.toContain('Harbor News opens a second desk');
    await seed([
      {
        id: 'later-story',
        source: HARBOR,
        url: 'https://harbor-news.test/2026/03/second-desk',
        title: 'Harbor News opens a second desk',
        published_iso: '2026-03-12T09:00:00Z',
        body: 'Harbor News said on Thursday it had opened a second newsroom desk in Lisbon, staffed by eleven reporters who will cover exchanges, custody firms and regulators across southern Europe from next month.',
      },
    ]);
    expect(await titles('/api/v1/stories?limit=100')).toContain('Harbor News opens a second desk');
  });

  it('answers a bad parameter with its 400 and caches nothing for it', async () => {
    const res = await get('/api/v1/stories?limit=0');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_limit');
    expect((await get('/api/v1/stories?limit=0')).status).toBe(400);
  });
});

describe('concurrent misses of one page', () => {
  it('answers every reader of a page that many ask for at once after a bump, none of them waiting on another request', async () => {
    for (let round = 0; round < 3; round++) {
      await bumpServingVersion(env.DB);
      const paths = ['/api/v1/stories?limit=100', '/feed.xml', '/feed.json', '/api/v1/stories'];
      const first = get(paths[0]);
      const busy = env.DB.prepare('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) SELECT count(*) AS n FROM c').first();
      const answers = await Promise.all([first, ...Array.from({ length: 23 }, (_, i) => get(paths[(i + 1) % paths.length]))]);
      await busy;
      const statuses = await Promise.all(answers.map(async (r) => `${r.status} ${r.status === 200 ? '' : (await r.text()).slice(0, 200)}`));
      expect(statuses.filter((s) => !s.startsWith('200'))).toEqual([]);
      // one page per key and version: the new one, or the previous one for a reader that came while it rendered
      const byEtag = new Map<string, Set<string>>();
      for (const r of answers.filter((_, i) => i % paths.length === 0)) {
        const etag = r.headers.get('etag')!;
        byEtag.set(etag, (byEtag.get(etag) ?? new Set()).add(await r.text()));
      }
      for (const bodies of byEtag.values()) expect(bodies.size, 'one page per key and version').toBe(1);
      expect(byEtag.size).toBeLessThanOrEqual(2);
    }
  });
});

describe('readers while another request renders the new version of their page', () => {
  it('get the previous version at once, with its own ETag, while one of them renders the new one', async () => {
    const path = '/api/v1/stories?limit=7';
    const before = await get(path);
    const [oldEtag, oldBody] = [before.headers.get('etag'), await before.text()];
    await bumpServingVersion(env.DB);
    const first = get(path); // one of these renders the new version; its reads wait behind the busy statement
    const busy = env.DB.prepare('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) SELECT count(*) AS n FROM c').first();
    const responses = await Promise.all([first, ...Array.from({ length: 6 }, () => get(path))]);
    await busy;
    const answers = await Promise.all(responses.map(async (r) => ({ status: r.status, etag: r.headers.get('etag'), body: await r.text() })));
    const newer = answers.filter((a) => a.etag !== oldEtag);
    const previous = answers.filter((a) => a.etag === oldEtag);
    expect(newer.length, 'the reader that rendered the new version').toBeGreaterThan(0);
    expect(previous.length, 'readers that came during the rendering').toBeGreaterThan(0);
    for (const a of previous) expect(a).toEqual({ status: 200, etag: oldEtag, body: oldBody });
    // once the rendering landed, a poller holding the previous ETag gets the new page
    const after = await get(path, { 'if-none-match': oldEtag! });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).toBe(newer[0].etag);
  });

  it("never gives an editor's list (the inspector) a previous version", async () => {
    const before = (await get('/inspector')).headers.get('etag');
    await bumpServingVersion(env.DB);
    const first = get('/inspector');
    const busy = env.DB.prepare('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) SELECT count(*) AS n FROM c').first();
    const others = await Promise.all([first, ...Array.from({ length: 4 }, () => get('/inspector'))]);
    await busy;
    for (const r of others) expect(r.headers.get('etag')).not.toBe(before);
  });
});

describe('a rendering whose reader went away', () => {
  it('does not hold up the next reader of the same page', async () => {
    await bumpServingVersion(env.DB);
    const busy = env.DB.prepare('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) SELECT count(*) AS n FROM c').first();
    const gone = new AbortController();
    const first = exports.default.fetch('http://onestory.test/feed.xml', { signal: gone.signal }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    gone.abort();
    await first;
    await busy;
    const next = await get('/feed.xml');
    expect(next.status).toBe(200);
  });
});

describe("a batch's placements with coalesced bumps", () => {
  /** Stores an invented article as a pending item, as a replay does before it places it; returns the item's id. */
  async function pending(slug: string, title: string): Promise<string> {
    const db = getDb(env.DB);
    await upsertSources(db, [HARBOR], false);
    const r = normalizeEntry(
      { guid: slug, link: `https://harbor-news.test/2026/04/${slug}`, title, author: null, published: '2026-04-02T10:00:00Z', summary: null, categories: [],
        content: `${title}. The desk said on Thursday that the change follows a review of its coverage plans, and that readers would see the first results within a month, with more to come after the summer.` },
      { sourceId: HARBOR.id, baseUrl: HARBOR.homepage, now: Date.now() },
    );
    if (!r.ok) throw new Error(r.reason);
    await insertNewItems(db, [r.item], Date.now());
    return r.item.id;
  }

  it('bumps for the first placement of a window; a list read after the second gets the cached page until the flush', async () => {
    const first = await pending('weekend-edition', 'Harbor News adds a weekend edition');
    const second = await pending('podcast-launch', 'Harbor News launches a markets podcast');
    const bumps = coalescedBumps(env.DB, 60_000); // a window longer than the test: only the flush bumps again
    const deps = { db: getDb(env.DB), d1: env.DB, ...WORKER_DOMS, log: () => {}, bumps };
    expect((await processArticle(first, deps)).status).toBe('placed');
    expect(await titles('/api/v1/stories?limit=100')).toContain('Harbor News adds a weekend edition');
    expect((await processArticle(second, deps)).status).toBe('placed');
    const during = await titles('/api/v1/stories?limit=100');
    expect(during, 'placed within the window: the page cached after the first').not.toContain('Harbor News launches a markets podcast');
    expect(during).toContain('Harbor News adds a weekend edition');
    await bumps.flush();
    expect(await titles('/api/v1/stories?limit=100')).toContain('Harbor News launches a markets podcast');
  });

  it('a replay shows every story it placed once it has answered, however its bumps were coalesced', async () => {
    const more = [
      ['Harbor News opens a night desk', 'Harbor News said it had opened a night desk in Auckland so that its overnight coverage of Asian exchanges no longer waits for London to wake up, with six editors working in shifts.'],
      ['Ferrybank lists a euro stablecoin', 'Ferrybank, a regional payments bank, listed a euro stablecoin for its business customers on Monday, letting them settle invoices on weekends; the bank said it holds the reserves in short government bills.'],
      ['Miners in Quebec idle rigs in a cold snap', 'Several bitcoin miners in Quebec switched off their machines for two days as a cold snap raised power demand, under contracts that pay them to give load back to the grid when households need it.'],
    ].map(([title, body], i) => ({ id: `harbor-more-${i}`, source: HARBOR, url: `https://harbor-news.test/2026/05/more-${i}`, title, published_iso: `2026-05-0${i + 1}T08:00:00Z`, body }));
    await titles('/api/v1/stories?limit=100'); // a cached page from before
    await seed(more);
    const after = await titles('/api/v1/stories?limit=100');
    for (const a of more) expect(after).toContain(a.title);
  });
});
