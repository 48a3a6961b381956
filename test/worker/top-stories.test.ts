/** sort=top and the digest: events ranked by distinct outlets (originals weigh more), speed of coverage, kind and age. */
import { env, exports } from 'cloudflare:workers';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { rescoreUnscored } from '../../src/db/story-score.ts';
import { bumpServingVersion } from '../../src/db/serving-version.ts';
import { ARTICLES, PEAK, RELAY } from '../fixtures/articles.ts';
import { seed } from './seed.ts';

const get = (path: string) => exports.default.fetch(`http://onestory.test${path}`);
const json = async (path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.json() as Promise<any>;
};
const LENDVAULT = 'Lendvault halts withdrawals after $48 million exploit drains its ether pool';
const [original, copy] = ARTICLES;

beforeAll(async () => {
  await seed([
    ...ARTICLES,
    // Relay syndicates the same copy again under another address: one outlet, counted once
    { ...copy, id: 'lendvault-copy-again', url: 'https://relay-daily.test/markets/lendvault-halts-withdrawals-2', published_iso: '2026-03-10T09:05:00Z' },
    // a third outlet, within six hours of the first report
    { ...original, id: 'lendvault-peak', source: PEAK, url: 'https://peak-coin.test/defi/lendvault-exploit', title: 'Lendvault pauses withdrawals after $48 million oracle exploit', published_iso: '2026-03-10T10:45:00Z' },
  ]);
});

describe('sort=top', () => {
  it('puts the event three outlets covered above newer single-outlet stories, each with score and reasons', async () => {
    const { stories } = await json('/api/v1/stories?sort=top');
    expect(stories[0].title).toBe(LENDVAULT);
    const scores = stories.map((s: any) => s.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    // newest first would put the presale advertorial (10:20) on top
    expect((await json('/api/v1/stories')).stories[0].title).not.toBe(LENDVAULT);
    const lendvault = stories[0];
    expect(lendvault.score_reasons[0]).toBe('3 outlets (2 original), weighing 2.6');
    expect(lendvault.score_reasons[1]).toMatch(/^2 of 2 other outlets within 6 h of the first report: ×1\.5$/);
    expect(lendvault.score_reasons.at(-1)).toMatch(/^\d+ h old: ×0\.\d+$/);
    expect(lendvault.coverage.map((c: any) => c.source)).toEqual(['Relay Daily', 'Relay Daily', 'Peak Coin Journal']);
  });

  it('ranks an advertorial below plain news of the same reach', async () => {
    const { stories } = await json('/api/v1/stories?sort=top&limit=100');
    const ad = stories.find((s: any) => s.kind === 'sponsored');
    const news = stories.find((s: any) => s.title.startsWith('Tidecoin'));
    expect(ad.score).toBeLessThan(news.score);
    expect(ad.score_reasons).toContain('not plain news: ×0.3');
  });

  it('orders the feeds and the inspector the same way, and pages by the same ages', async () => {
    const api = (await json('/api/v1/stories?sort=top&limit=100')).stories.map((s: any) => s.title);
    const rss = await new Parser().parseString(await (await get('/feed.xml?sort=top')).text());
    expect(rss.items.map((i) => i.title)).toEqual(api);
    const html = await (await get('/inspector?sort=top')).text();
    expect(html.indexOf(LENDVAULT)).toBeLessThan(html.indexOf('Tidecoin sells'));
    expect(html).toContain('3 outlets (2 original)');
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await json(`/api/v1/stories?sort=top&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.stories.map((s: any) => s.title));
      cursor = page.next_cursor;
    } while (cursor);
    expect(paged).toEqual(api);
  });

  it('scores stories placed before scores existed on the next cron run', async () => {
    await env.DB.prepare('UPDATE clusters SET score = 0, score_reasons = NULL').run();
    await bumpServingVersion(env.DB); // as every writer of what readers see does
    expect((await json('/api/v1/stories?sort=top')).stories[0].score_reasons).toContain('not scored yet');
    expect(await rescoreUnscored(env.DB)).toBe(ARTICLES.length - 1);
    expect((await json('/api/v1/stories?sort=top')).stories[0].title).toBe(LENDVAULT);
    expect(await rescoreUnscored(env.DB)).toBe(0);
  });
});

describe('GET /api/v1/digest and /digest.xml', () => {
  it("lists a day's events by score without age, in the reader's time zone", async () => {
    const d = await json('/api/v1/digest?date=2026-03-10&limit=3');
    expect(d).toMatchObject({ date: '2026-03-10', tz: 'UTC', from: '2026-03-10T00:00:00.000Z', to: '2026-03-11T00:00:00.000Z' });
    expect(d.stories).toHaveLength(3);
    expect(d.stories[0].title).toBe(LENDVAULT);
    expect(d.stories[0].score_reasons.join(' ')).not.toMatch(/h old/);
    // in Los Angeles, 10 March ends at 07:00 UTC on the 11th and the 9th ends at 07:00 UTC on the 10th: nothing yet then
    expect((await json('/api/v1/digest?date=2026-03-09&tz=America/Los_Angeles')).stories).toEqual([]);
    const tokyo = await json('/api/v1/digest?date=2026-03-10&tz=Asia/Tokyo&limit=50');
    expect(tokyo.from).toBe('2026-03-09T15:00:00.000Z');
    expect(tokyo.stories).toHaveLength(ARTICLES.length - 1);
  });

  it('serves the same digest as RSS and refuses a bad zone, date or limit', async () => {
    const api = (await json('/api/v1/digest?date=2026-03-10')).stories.map((s: any) => s.id);
    const rss = await new Parser().parseString(await (await get('/digest.xml?date=2026-03-10')).text());
    expect(rss.title).toBe('onestory: top stories of 2026-03-10');
    expect(rss.items.map((i) => i.guid)).toEqual(api);
    for (const [q, code] of [['tz=Mars/Olympus', 'bad_tz'], ['date=2026-3-10', 'bad_date'], ['limit=51', 'bad_limit']]) {
      const res = await get(`/api/v1/digest?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as any).error.code).toBe(code);
    }
  });
});
