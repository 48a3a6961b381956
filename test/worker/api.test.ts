/** The JSON API, inside workerd on D1, over stories the real pipeline made from our fixture articles. */
import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES, RELAY } from '../fixtures/articles.ts';
import { seed } from './seed.ts';

const get = (path: string, init?: RequestInit) => exports.default.fetch(`http://onestory.test${path}`, init);
const json = async (path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.json() as Promise<any>;
};

let ids: Map<string, string>;
beforeAll(async () => {
  ids = await seed(ARTICLES);
});

describe('GET /api/v1/stories', () => {
  it('serves one story per event, newest first, with the other outlets as coverage', async () => {
    const { stories, next_cursor } = await json('/api/v1/stories');
    expect(next_cursor).toBeNull();
    expect(stories).toHaveLength(ARTICLES.length - 1); // the syndicated copy joins its original
    const times = stories.map((s: any) => Date.parse(s.published_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const lendvault = stories.find((s: any) => s.title.startsWith('Lendvault'));
    expect(Object.keys(lendvault).sort()).toEqual(
      ['coins', 'coverage', 'id', 'kind', 'published_at', 'score', 'score_reasons', 'source', 'source_id', 'storyline', 'summary', 'title', 'updated_at', 'url'].sort(),
    );
    expect(lendvault).toMatchObject({ source: 'Harbor News', url: 'https://harbor-news.test/2026/03/lendvault-exploit', kind: 'news' });
    expect(lendvault.coverage).toEqual([
      { source: 'Relay Daily', title: 'Lendvault halts withdrawals after $48M exploit', url: 'https://relay-daily.test/defi/lendvault-halts-withdrawals', published_at: '2026-03-10T08:42:00.000Z' },
    ]);
    expect(lendvault.summary).toMatch(/^Lendvault, a lending protocol/);
    expect(lendvault.summary).not.toMatch(/appeared first/);
  });

  it('keeps two different events about the same coin on the same day apart', async () => {
    const { stories } = await json('/api/v1/stories?coin=BTC');
    const titles = stories.map((s: any) => s.title);
    expect(titles).toContain('Bitcoin ETFs take in $1.2 billion in a day, the most since launch');
    expect(titles).toContain('Tidecoin sells 600 bitcoin from its reserve to fund Paraguay expansion');
    for (const s of stories) expect(s.coins).toContain('BTC');
  });

  it('filters by kind, excluded kinds and source', async () => {
    const predictions = await json('/api/v1/stories?kind=price-prediction');
    expect(predictions.stories.map((s: any) => s.kind)).toEqual(['price-prediction']);
    const editorial = await json('/api/v1/stories?exclude_kind=sponsored,price-prediction');
    expect(editorial.stories.map((s: any) => s.kind)).not.toContain('sponsored');
    expect(editorial.stories.map((s: any) => s.kind)).not.toContain('price-prediction');
    expect(editorial.stories).toHaveLength(ARTICLES.length - 3);
    const relay = await json(`/api/v1/stories?source=${RELAY.id}`);
    expect(relay.stories.map((s: any) => s.title)).toEqual(['Lendvault halts withdrawals after $48 million exploit drains its ether pool']);
  });

  it('pages with a cursor that neither repeats nor skips while new stories arrive', async () => {
    const before = (await json('/api/v1/stories?limit=100')).stories.map((s: any) => s.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const page: any = await json(`/api/v1/stories?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.stories.map((s: any) => s.id));
      cursor = page.next_cursor;
      // a newer story lands between two page requests
      await seed([{ ...ARTICLES[3], id: `late-${round}`, url: `https://peak-coin.test/late-${round}`, title: `Late story ${round} about validator rewards`, body: `Validators on a proof-of-stake network earned ${round + 3}% more rewards this week after a fee change, the foundation behind the network said in a report published on Wednesday ${round}.`, published_iso: new Date(Date.now() + round * 1000).toISOString() }]);
      round++;
    } while (cursor && round < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(before);
  });

  it('answers bad parameters with 400 and a coded error', async () => {
    for (const [query, code] of [
      ['limit=0', 'bad_limit'],
      ['limit=101', 'bad_limit'],
      ['limit=ten', 'bad_limit'],
      ['since=yesterday', 'bad_date'],
      ['kind=gossip', 'bad_kind'],
      ['exclude_kind=news,rumour', 'bad_exclude_kind'],
      ['cursor=not-a-cursor', 'bad_cursor'],
      ['coin=%3Cscript%3E', 'bad_coin'],
      ['source=No%20Such%20Outlet', 'unknown_source'],
      ['source=a%01b', 'bad_source'],
      ['sort=hot', 'bad_sort'],
      ['sort=relevance', 'bad_sort'],
    ]) {
      const res = await get(`/api/v1/stories?${query}`);
      expect(res.status, query).toBe(400);
      const body: any = await res.json();
      expect(body.error.code, query).toBe(code);
      expect(body.error.message.length, query).toBeGreaterThan(10);
    }
  });

  it('carries an ETag and answers If-None-Match with 304', async () => {
    const first = await get('/api/v1/stories?limit=3');
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await get('/api/v1/stories?limit=3', { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
  });
});

describe('GET /api/v1/stories/:id', () => {
  it('adds the cleaned text and every member with its noise, kind reasons, coins and score parts', async () => {
    const { stories } = await json('/api/v1/stories');
    const lendvault = stories.find((s: any) => s.title.startsWith('Lendvault'));
    const detail = await json(`/api/v1/stories/${lendvault.id}`);
    expect(detail.text).toMatch(/^Lendvault, a lending protocol/);
    expect(detail.text).not.toMatch(/appeared first on/);
    expect(detail.members.map((m: any) => [m.source, m.canonical])).toEqual([
      ['Harbor News', true],
      ['Relay Daily', false],
    ]);
    const copy = detail.members[1];
    expect(copy.similarity).toBeGreaterThan(0.5);
    expect(copy.removed.map((r: any) => r.category)).toEqual(expect.arrayContaining(['cta', 'disclaimer']));
    for (const r of copy.removed) expect(copy.text).not.toContain(r.text.trim());
    expect(detail.members[0].score.parts).toMatchObject({ tier: expect.any(Number), firstReport: expect.any(Number) });
    expect(detail.canonical_reason.canonicalId).toBe(ids.get('lendvault-original'));
  });

  it('answers an unknown id with 404', async () => {
    const res = await get('/api/v1/stories/does-not-exist');
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('not_found');
  });
});

describe('GET /api/v1/sources', () => {
  it('lists the sources with their story counts and health', async () => {
    const { sources } = await json('/api/v1/sources');
    const harbor = sources.find((s: any) => s.id === 'harbor-news');
    expect(harbor).toMatchObject({ name: 'Harbor News', tier: 'original', stories: 1, items_failed: 0 });
    expect(harbor.health).toHaveProperty('consecutive_failures', 0);
  });
});
