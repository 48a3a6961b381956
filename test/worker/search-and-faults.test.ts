/** Search (q= through FTS5) and the list faults a newsletter editor found: order, source names, until, RSS paging, 404s. */
import { exports } from 'cloudflare:workers';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES, HARBOR, PEAK, RELAY } from '../fixtures/articles.ts';
import { seed } from './seed.ts';

const get = (path: string) => exports.default.fetch(`http://onestory.test${path}`);
const json = async (path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.json() as Promise<any>;
};
const titles = (body: any) => body.stories.map((s: any) => s.title);

const [original, copy, ...others] = ARTICLES;

beforeAll(async () => {
  // the copy first: its story is created at 08:42, then the original (08:15) joins and becomes the canonical, so the
  // story shows 08:15 while it was first seen at 08:42
  await seed([copy, ...others]);
  await seed([
    original,
    {
      id: 'staking-0830',
      source: PEAK,
      url: 'https://peak-coin.test/staking/validator-fee-change',
      title: 'Validators earn more after the Arbel network cuts its base fee',
      published_iso: '2026-03-10T08:30:00Z',
      body: 'Validators on the Arbel proof-of-stake network earned 7% more this week after a base-fee cut, the Arbel Foundation said in a report published on Tuesday. The change was approved in February.',
    },
    {
      id: 'zorblat-title',
      source: HARBOR,
      url: 'https://harbor-news.test/2026/03/zorblat-bridge',
      title: 'Zorblat bridge reopens after a two-day audit pause',
      published_iso: '2026-03-11T06:00:00Z',
      body: 'The cross-chain bridge reopened on Wednesday after auditors signed off on a patched contract, its developers said. Transfers queued during the pause will settle within six hours.',
    },
    {
      id: 'zorblat-body',
      source: RELAY,
      url: 'https://relay-daily.test/markets/layer-two-fees',
      title: 'Layer-two fees fall to a record low as blob space stays cheap',
      published_iso: '2026-03-11T09:00:00Z',
      body: 'Rollup gas charges dropped to their cheapest level ever on Wednesday as blob capacity went unused, according to the explorer Feewatch. Some of the new volume came from wallets returning through Zorblat.',
    },
  ]);
});

describe('story lists, the faults', () => {
  it('lists newest first by the date each story shows, even when its canonical arrived after its first copy', async () => {
    const { stories } = await json('/api/v1/stories?limit=100');
    const shown = stories.map((s: any) => Date.parse(s.published_at));
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    const lendvault = stories.find((s: any) => s.title.startsWith('Lendvault'));
    expect(lendvault.published_at).toBe('2026-03-10T08:15:00.000Z');
    // the 08:30 story comes before the story shown at 08:15 (first seen at 08:42, where the old order put it)
    expect(titles({ stories }).indexOf('Validators earn more after the Arbel network cuts its base fee')).toBeLessThan(
      stories.indexOf(lendvault),
    );
  });

  it('takes a source by display name or id, any case, and answers an unknown one with a 400 saying so', async () => {
    const byId = titles(await json(`/api/v1/stories?source=${RELAY.id}`));
    expect(byId.length).toBeGreaterThan(0);
    expect(titles(await json('/api/v1/stories?source=Relay%20Daily'))).toEqual(byId);
    expect(titles(await json('/api/v1/stories?source=relay%20daily'))).toEqual(byId);
    for (const path of ['/api/v1/stories?source=No%20Such%20Outlet', '/api/v1/stories?source=nope', '/feed.xml?source=nope']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      const body: any = await res.json();
      expect(body.error.code).toBe('unknown_source');
      expect(body.error.message).toMatch(/\/api\/v1\/sources/);
    }
  });

  it('reads until= a date as that whole day, so since=D&until=D returns the day, and a date-time as included', async () => {
    const day = titles(await json('/api/v1/stories?since=2026-03-11&until=2026-03-11'));
    expect(day.sort()).toEqual(['Layer-two fees fall to a record low as blob space stays cheap', 'Zorblat bridge reopens after a two-day audit pause']);
    const upTo = titles(await json('/api/v1/stories?since=2026-03-11&until=2026-03-11T06:00:00Z'));
    expect(upTo).toEqual(['Zorblat bridge reopens after a two-day audit pause']);
    expect((await json('/api/v1/stories?since=2026-03-10&until=2026-03-10')).stories.length).toBe(ARTICLES.length - 1 + 1);
  });

  it('pages the RSS feed with atom:link rel="next", and the pages neither repeat nor skip', async () => {
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'atom:link' });
    const all = (await json('/api/v1/stories?limit=100')).stories.map((s: any) => s.id);
    const seen: string[] = [];
    let url: string | null = '/feed.xml?limit=3';
    while (url) {
      const res = await get(url);
      expect(res.status).toBe(200);
      const channel = parser.parse(await res.text()).rss.channel;
      seen.push(...channel.item.map((i: any) => i.guid['#text']));
      const next = channel['atom:link'].find((l: any) => l['@_rel'] === 'next');
      url = next ? new URL(next['@_href']).pathname + new URL(next['@_href']).search : null;
      expect(seen.length).toBeLessThanOrEqual(all.length);
    }
    expect(seen).toEqual(all);
  });

  it('answers an unknown story on the inspector with an HTML 404 page', async () => {
    const res = await get('/inspector/clusters/no-such-story');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('Not found');
    expect(html).toContain('no-such-story');
    expect(html).toContain('href="/inspector"');
  });
});

describe('search (q=)', () => {
  it('finds a story by a word of its cleaned body, not only its title', async () => {
    expect(titles(await json('/api/v1/stories?q=Quillstone'))).toEqual(['Lendvault halts withdrawals after $48 million exploit drains its ether pool']);
  });

  it('ranks a title match above a body match, and sort=new puts them back in time order', async () => {
    expect(titles(await json('/api/v1/stories?q=zorblat'))).toEqual([
      'Zorblat bridge reopens after a two-day audit pause',
      'Layer-two fees fall to a record low as blob space stays cheap',
    ]);
    expect(titles(await json('/api/v1/stories?q=zorblat&sort=new'))).toEqual([
      'Layer-two fees fall to a record low as blob space stays cheap',
      'Zorblat bridge reopens after a two-day audit pause',
    ]);
  });

  it('matches a phrase only in its order, and a prefix with a trailing star', async () => {
    expect(titles(await json('/api/v1/stories?q=%22oracle%20manipulation%22'))).toHaveLength(1);
    expect(titles(await json('/api/v1/stories?q=%22manipulation%20oracle%22'))).toEqual([]);
    expect(titles(await json('/api/v1/stories?q=Quillst*'))).toHaveLength(1);
    expect(titles(await json('/api/v1/stories?q=Quillst'))).toEqual([]);
  });

  it('searches the feeds and the inspector the same way', async () => {
    const xml = await (await get('/feed.xml?q=Quillstone')).text();
    expect(xml).toContain('Lendvault halts withdrawals');
    expect(xml).not.toContain('Tidecoin');
    const feed: any = await json('/feed.json?q=Tidecoin');
    expect(feed.items.map((i: any) => i.title)).toEqual(['Tidecoin sells 600 bitcoin from its reserve to fund Paraguay expansion']);
    const page = await (await get('/inspector?q=Quillstone')).text();
    expect(page).toContain('Lendvault halts withdrawals');
    expect(page).not.toContain('Tidecoin sells');
  });

  it('answers FTS5 syntax, operators, stray quotes and long queries as a literal search or a 400, never a 500', async () => {
    const hostile = ['NOT', 'AND OR NEAR(', '"unclosed', 'a:b', '^start', '*', '(((', '-', 'Lendvault AND', 'x'.repeat(500), 'word '.repeat(99), '$48M'];
    for (const q of hostile) {
      for (const path of ['/api/v1/stories', '/feed.xml', '/feed.json', '/inspector']) {
        const res = await get(`${path}?q=${encodeURIComponent(q)}`);
        expect([200, 400], `${path} q=${q.slice(0, 20)}`).toContain(res.status);
        if (path === '/inspector') expect(res.status).toBe(200);
      }
    }
    expect((await json('/api/v1/stories?q=%2448M')).stories.map((s: any) => s.title)).toEqual([
      'Lendvault halts withdrawals after $48 million exploit drains its ether pool',
    ]);
    const tooLong = await get(`/api/v1/stories?q=${'x'.repeat(501)}`);
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as any).error.code).toBe('bad_q');
    const wordless = await get('/api/v1/stories?q=%25%25%25');
    expect(wordless.status).toBe(400);
    expect(((await wordless.json()) as any).error.code).toBe('bad_q');
  });

  it('pages a ranked search with its cursor and refuses a cursor of another sort', async () => {
    const first = await json('/api/v1/stories?q=zorblat&limit=1');
    expect(first.next_cursor).toBeTruthy();
    const second = await json(`/api/v1/stories?q=zorblat&limit=1&cursor=${first.next_cursor}`);
    expect(titles(second)).toEqual(['Layer-two fees fall to a record low as blob space stays cheap']);
    expect(second.next_cursor).toBeNull();
    const mixed = await get(`/api/v1/stories?q=zorblat&sort=new&limit=1&cursor=${first.next_cursor}`);
    expect(mixed.status).toBe(400);
  });
});
