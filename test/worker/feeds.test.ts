/** /feed.xml and /feed.json: the same stories as the API, well-formed, escaped, and stable under updates. */
import { exports } from 'cloudflare:workers';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES, HARBOR, RELAY } from '../fixtures/articles.ts';
import { seed } from './seed.ts';

const text = async (path: string) => {
  const res = await exports.default.fetch(`http://onestory.test${path}`);
  expect(res.status, path).toBe(200);
  return res.text();
};

beforeAll(async () => {
  await seed([
    ...ARTICLES,
    {
      id: 'hostile',
      source: HARBOR,
      url: 'https://harbor-news.test/2026/03/hostile?x=1&y=2',
      title: 'Fees < 1% & "zero" slippage: <img src=x onerror=alert(1)> exchange claims',
      published_iso: '2026-03-10T11:00:00Z',
      body: 'An exchange said on Tuesday its fees fell below 1% & promised "zero" slippage for <b>all</b> pairs, a claim traders disputed after comparing fills on three venues.',
    },
  ]);
});

describe('the RSS feed', () => {
  it('is well-formed XML that rss-parser reads back, one item per event, guid = story id', async () => {
    const xml = await text('/feed.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = await new Parser().parseString(xml);
    const api: any = JSON.parse(await text('/api/v1/stories?limit=100'));
    expect(feed.items.map((i) => i.guid)).toEqual(api.stories.map((s: any) => s.id));
    expect(feed.items.map((i) => i.title)).toEqual(api.stories.map((s: any) => s.title));
    expect(feed.items.map((i) => i.link)).toEqual(api.stories.map((s: any) => s.url));
  });

  it('lists the other outlets under "Also covered by" and a category per coin', async () => {
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category' }).parse(await text('/feed.xml'));
    const items = parsed.rss.channel.item;
    const lendvault = items.find((i: any) => i.title.startsWith('Lendvault'));
    expect(lendvault.description).toContain('Also covered by');
    expect(lendvault.description).toContain('https://relay-daily.test/defi/lendvault-halts-withdrawals');
    const etf = items.find((i: any) => i.title.startsWith('Bitcoin ETFs'));
    expect(etf.category.map((c: any) => (typeof c === 'string' ? c : c['#text']))).toContain('BTC');
  });

  it('escapes hostile titles and links so no markup reaches a reader', async () => {
    const xml = await text('/feed.xml');
    expect(xml).not.toMatch(/<img|<b>/);
    const feed = await new Parser().parseString(xml);
    const hostile = feed.items.find((i) => i.link?.includes('hostile'))!;
    expect(hostile.title).toBe('Fees < 1% & "zero" slippage: exchange claims');
    expect(hostile.link).toBe('https://harbor-news.test/2026/03/hostile?x=1&y=2');
  });

  it('applies the same filters as the API', async () => {
    const feed = await new Parser().parseString(await text('/feed.xml?exclude_kind=sponsored,price-prediction'));
    expect(feed.items.some((i) => /Presale|Price Prediction/.test(i.title ?? ''))).toBe(false);
    const btc = await new Parser().parseString(await text('/feed.xml?coin=BTC'));
    expect(btc.items.length).toBeGreaterThan(1);
  });

  it('updates an event in place when more coverage arrives: same guid, newer date, longer list', async () => {
    const before = await new Parser().parseString(await text('/feed.xml'));
    const item = before.items.find((i) => i.title?.startsWith('Lendvault'))!;
    await seed([
      {
        ...ARTICLES[1],
        id: 'lendvault-second-copy',
        source: { ...RELAY, id: 'tide-post', name: 'Tide Post' },
        url: 'https://tide-post.test/lendvault',
        published_iso: '2026-03-10T09:05:00Z',
      },
    ]);
    const after = await new Parser().parseString(await text('/feed.xml'));
    expect(after.items).toHaveLength(before.items.length);
    const updated = after.items.find((i) => i.guid === item.guid)!;
    expect(updated.content).toContain('Tide Post');
    const api: any = JSON.parse(await text(`/api/v1/stories/${item.guid}`));
    expect(api.members).toHaveLength(3);
  });
});

describe('the JSON Feed', () => {
  it('is JSON Feed 1.1 with the same stories as the API', async () => {
    const feed = JSON.parse(await text('/feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    const api: any = JSON.parse(await text('/api/v1/stories?limit=100'));
    expect(feed.items.map((i: any) => [i.id, i.title, i.url])).toEqual(api.stories.map((s: any) => [s.id, s.title, s.url]));
    const lendvault = feed.items.find((i: any) => i.title.startsWith('Lendvault'));
    expect(lendvault._onestory.coverage[0].source).toBe('Relay Daily');
  });
});
