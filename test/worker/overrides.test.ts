/**
 * Editorial overrides through /admin/overrides, inside workerd on D1, over stories the real pipeline made: each action
 * changes what readers get at once, holds when later items arrive, and survives a full replay of the same data (into
 * the same database, and into an empty one the overrides were carried to).
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import { getDb } from '../../src/db/client.ts';
import { parseWithLinkedom } from '../../src/dom/linkedom.ts';
import { replayArticles, type RecordedArticle } from '../../src/ingest/replay.ts';
import { NOTE_MAX_CHARS } from '../../src/ingest/overrides.ts';
import { splitStoryId } from '../../src/pipeline/cluster/overrides.ts';
import { ARTICLES, PEAK, RELAY } from '../fixtures/articles.ts';

const ADMIN = { ...env, ADMIN_TOKEN: 'editor secret for the tests' };
const call = (method: string, path: string, body?: unknown, token: string | null = ADMIN.ADMIN_TOKEN) =>
  app.request(
    path,
    { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) },
    ADMIN,
  );
const post = (body: unknown) => call('POST', '/admin/overrides', body);
const json = async (path: string) => {
  const res = await app.request(path, {}, env);
  expect(res.status, path).toBe(200);
  return res.json() as Promise<any>;
};

const byId = new Map(ARTICLES.map((a) => [a.id, a]));
const article = (id: string) => byId.get(id)!;
/** Later arrivals, written for these tests: a third outlet's copy of the exploit, another outlet's take on the ETF flows. */
const LATER: RecordedArticle[] = [
  { ...article('lendvault-original'), id: 'lendvault-late', source: PEAK, url: 'https://peak-coin.test/defi/lendvault-exploit-48m', published_iso: '2026-03-10T09:30:00Z' },
  { ...article('etf-inflows'), id: 'etf-copy', source: RELAY, url: 'https://relay-daily.test/markets/etf-record-day', published_iso: '2026-03-10T09:45:00Z' },
];
const ALL = [...ARTICLES, ...LATER];

const deps = () => ({ db: getDb(env.DB), d1: env.DB, parseHTML: parseWithLinkedom, userAgent: 'onestory-test', log: () => {} });
let items: Map<string, string>; // article id -> item id

async function replay(articles: RecordedArticle[]) {
  const results = await replayArticles(articles, deps());
  expect(results.filter((r) => r.status !== 'placed' && r.status !== 'seen before')).toEqual([]);
  for (const r of results) items.set(r.id, r.itemId!);
  return results;
}

const PLACEMENT_TABLES = ['items', 'clusters', 'lsh_bands', 'term_stats', 'outlet_passages', 'story_anchors', 'storylines', 'sources', 'fetch_log', 'meta'];
async function wipe(tables: string[]) {
  await env.DB.batch(tables.map((t) => env.DB.prepare(`DELETE FROM ${t}`)));
}

/** Where items are, independent of story ids: each story's members (by source and URL), its canonical, hidden or not. */
async function stories() {
  const { results } = await env.DB.prepare(
    `SELECT i.source_id || ' ' || i.url AS item, i.cluster_id AS story, c.canonical_item_id = i.id AS canonical, c.hidden
     FROM items i JOIN clusters c ON c.id = i.cluster_id ORDER BY item`,
  ).all<{ item: string; story: string; canonical: number; hidden: number }>();
  const groups = new Map<string, { members: string[]; canonical: string; hidden: boolean }>();
  for (const r of results) {
    const g = groups.get(r.story) ?? { members: [], canonical: '', hidden: !!r.hidden };
    g.members.push(r.item);
    if (r.canonical) g.canonical = r.item;
    groups.set(r.story, g);
  }
  return [...groups.values()].sort((a, b) => (a.members[0] < b.members[0] ? -1 : 1));
}
const keyOf = (id: string) => `${article(id)?.source.id ?? LATER.find((a) => a.id === id)!.source.id} ${(article(id) ?? LATER.find((a) => a.id === id))!.url}`;
const storyOf = async (id: string) => (await env.DB.prepare('SELECT cluster_id FROM items WHERE id = ?1').bind(items.get(id)).first<{ cluster_id: string }>())!.cluster_id;
const groupOf = async (id: string) => (await stories()).find((g) => g.members.includes(keyOf(id)))!;
const listed = async () => (await json('/api/v1/stories?limit=100')).stories as { id: string; title: string; url: string; coverage: { url: string }[] }[];

/**
 * The full replays an operator may run after an override: the same data again into the same database; everything but
 * the overrides wiped and replayed (a rebuild); an empty database with the overrides imported before the replay, and
 * one with them imported after it. Each must end where the override left the stories.
 */
async function expectSurvivesReplay(expected: Awaited<ReturnType<typeof stories>>) {
  await replay(ALL);
  expect(await stories(), 'the same data replayed into the same database').toEqual(expected);

  await wipe(PLACEMENT_TABLES);
  await replay(ALL);
  expect(await stories(), 'stories rebuilt from the same data, the overrides kept').toEqual(expected);

  const exported = await (await call('GET', '/admin/overrides')).json();
  await wipe([...PLACEMENT_TABLES, 'overrides', 'override_items']);
  const imported = await call('POST', '/admin/overrides/import', exported);
  expect(imported.status).toBe(200);
  await replay(ALL);
  expect(await stories(), 'an empty database, the overrides imported, then the replay').toEqual(expected);

  await wipe([...PLACEMENT_TABLES, 'overrides', 'override_items']);
  await replay(ALL);
  expect(await stories()).not.toEqual(expected); // the clustering alone decides otherwise
  expect((await (await call('POST', '/admin/overrides/import', exported)).json()) as object).toMatchObject({ imported: (exported as any).overrides.length });
  expect(await stories(), 'an empty database, the replay, then the overrides imported').toEqual(expected);
}

beforeEach(async () => {
  await wipe([...PLACEMENT_TABLES, 'overrides', 'override_items']);
  items = new Map();
  await replay(ARTICLES);
});

describe('POST /admin/overrides refuses what it cannot do', () => {
  it('answers 400 to bodies that are not an override, with the error shape', async () => {
    const bad: [unknown, string][] = [
      ['not json', 'bad_body'],
      [[1, 2], 'bad_body'],
      [{ action: 'delete', story: 'x' }, 'bad_action'],
      [{ story: 'x' }, 'bad_action'],
      [{ action: 'merge', story: 'x' }, 'bad_body'],
      [{ action: 'merge', story: 'x', into: 7 }, 'bad_body'],
      [{ action: 'hide', story: 'x', item: 'y' }, 'bad_body'],
      [{ action: 'split' }, 'bad_body'],
      [{ action: 'hide', story: 'x', note: 42 }, 'bad_note'],
      [{ action: 'hide', story: 'x', note: 'x'.repeat(NOTE_MAX_CHARS + 1) }, 'bad_note'],
    ];
    for (const [body, code] of bad) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      const err = ((await res.json()) as { error: { code: string; message: string } }).error;
      expect(err.code).toBe(code);
      expect(err.message.length).toBeGreaterThan(10);
    }
  });

  it('answers 404 to unknown stories and items, 409 to overrides that make no sense, 401 without the token', async () => {
    const lendvault = await storyOf('lendvault-original');
    const cases: [unknown, number, string][] = [
      [{ action: 'hide', story: 'feedfacefeedface' }, 404, 'unknown_story'],
      [{ action: 'hide', story: 'not an id at all' }, 404, 'unknown_story'],
      [{ action: 'merge', story: lendvault, into: 'feedfacefeedface' }, 404, 'unknown_story'],
      [{ action: 'split', item: 'feedfacefeedface' }, 404, 'unknown_item'],
      [{ action: 'pin', story: lendvault, item: 'feedfacefeedface' }, 404, 'unknown_item'],
      [{ action: 'merge', story: lendvault, into: lendvault }, 409, 'same_story'],
      [{ action: 'split', item: items.get('miner-sale') }, 409, 'only_member'],
      [{ action: 'split', item: items.get('lendvault-copy'), into: lendvault }, 409, 'already_there'],
      [{ action: 'pin', story: lendvault, item: items.get('miner-sale') }, 409, 'not_a_member'],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    expect((await call('POST', '/admin/overrides', { action: 'hide', story: lendvault }, null)).status).toBe(401);
    expect((await call('GET', '/admin/overrides', undefined, 'wrong')).status).toBe(401);
    expect((await call('DELETE', '/admin/overrides/nope')).status).toBe(404);
    expect((await (await call('GET', '/admin/overrides')).json()) as object).toEqual({ overrides: [] }); // nothing was stored
  });
});

describe('merge', () => {
  it('makes two stories one at once, keeps the old id resolving, and survives a full replay', async () => {
    const etf = await storyOf('etf-inflows');
    const miner = await storyOf('miner-sale');
    const res = await post({ action: 'merge', story: etf, into: miner, note: '  Both are \u0007about bitcoin treasuries.  ' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ story: miner, override: { action: 'merge', story: etf, into: miner, note: 'Both are about bitcoin treasuries.' } });
    expect(Date.parse(body.override.created_at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await listed()).map((s) => s.id)).not.toContain(etf);
    expect((await json(`/api/v1/stories/${etf}`)).id).toBe(miner);
    const detail = await json(`/api/v1/stories/${miner}`);
    expect(detail.members).toHaveLength(2);
    expect(detail.editorial).toMatchObject([{ action: 'merge', story: etf, into: miner, note: 'Both are about bitcoin treasuries.' }]);
    const list = ((await (await call('GET', '/admin/overrides')).json()) as any).overrides;
    expect(list).toHaveLength(1);
    expect(list[0].items.map((i: any) => `${i.role} ${i.source_id} ${i.url}`).sort()).toEqual([`into ${keyOf('miner-sale')}`, `story ${keyOf('etf-inflows')}`]);

    await replay(LATER); // a copy of the ETF story arrives: it joins the merged story
    const merged = await groupOf('miner-sale');
    expect(merged.members.sort()).toEqual([keyOf('etf-copy'), keyOf('etf-inflows'), keyOf('miner-sale')].sort());
    await expectSurvivesReplay(await stories());
  });
});

describe('split', () => {
  it('takes an item out to a story of its own that later matches never undo, and survives a full replay', async () => {
    const lendvault = await storyOf('lendvault-original');
    const res = await post({ action: 'split', item: items.get('lendvault-copy'), note: 'A different exploit' });
    expect(res.status).toBe(201);
    const own = splitStoryId(items.get('lendvault-copy')!);
    expect(((await res.json()) as any).story).toBe(own);
    expect(await storyOf('lendvault-copy')).toBe(own);
    expect(await storyOf('lendvault-original')).toBe(lendvault);
    const titles = (await listed()).map((s) => s.title);
    expect(titles).toContain('Lendvault halts withdrawals after $48M exploit');
    expect(titles).toContain('Lendvault halts withdrawals after $48 million exploit drains its ether pool');

    await replay(LATER); // a third copy matches both: it joins one, never bridges them
    expect(await storyOf('lendvault-copy')).not.toBe(await storyOf('lendvault-original'));
    expect(await storyOf('lendvault-late')).toBe(lendvault);
    await expectSurvivesReplay(await stories());
  });

  it('moves an item into another story the editor names, and survives a full replay', async () => {
    const miner = await storyOf('miner-sale');
    const res = await post({ action: 'split', item: items.get('lendvault-copy'), into: miner });
    expect(res.status).toBe(201);
    expect(await storyOf('lendvault-copy')).toBe(miner);
    expect((await json(`/api/v1/stories/${miner}`)).coverage.map((c: any) => c.url)).toEqual([article('lendvault-copy').url]);
    await replay(LATER);
    expect(await storyOf('lendvault-late')).toBe(await storyOf('lendvault-original'));
    await expectSurvivesReplay(await stories());
  });
});

describe('pin', () => {
  it('keeps the pinned canonical when members join, and survives a full replay', async () => {
    const lendvault = await storyOf('lendvault-original');
    expect((await json(`/api/v1/stories/${lendvault}`)).url).toBe(article('lendvault-original').url);
    const res = await post({ action: 'pin', story: lendvault, item: items.get('lendvault-copy') });
    expect(res.status).toBe(201);
    const detail = await json(`/api/v1/stories/${lendvault}`);
    expect(detail).toMatchObject({ url: article('lendvault-copy').url, source: 'Relay Daily', title: 'Lendvault halts withdrawals after $48M exploit' });
    expect(detail.canonical_reason.why).toMatch(/pinned by an editor/);
    await replay(LATER); // an original-tier copy joins: it would score higher than the aggregator's
    expect((await json(`/api/v1/stories/${lendvault}`)).url).toBe(article('lendvault-copy').url);
    await expectSurvivesReplay(await stories());
  });
});

describe('hide', () => {
  it('takes a story out of the API, the feeds and the inspector, keeps it hidden as members join, and survives a full replay', async () => {
    const lendvault = await storyOf('lendvault-original');
    const res = await post({ action: 'hide', story: lendvault, note: 'Duplicate of a retracted report' });
    expect(res.status).toBe(201);
    expect((await listed()).map((s) => s.id)).not.toContain(lendvault);
    const one = await app.request(`/api/v1/stories/${lendvault}`, {}, env);
    expect(one.status).toBe(404);
    expect(((await one.json()) as any).error.code).toBe('hidden');
    for (const path of ['/feed.xml', '/feed.json', '/inspector']) {
      const text = await (await app.request(path, {}, env)).text();
      expect(text, path).not.toContain('Lendvault');
      expect(text, path).toContain('Tidecoin');
    }
    const page = await (await app.request(`/inspector/clusters/${lendvault}`, {}, env)).text();
    expect(page).toMatch(/hidden by an editor on 20\d\d-/);
    expect(page).toContain('Duplicate of a retracted report');
    expect((await post({ action: 'hide', story: lendvault })).status).toBe(409);

    await replay(LATER); // a third copy joins the hidden story
    const hidden = await groupOf('lendvault-late');
    expect(hidden).toMatchObject({ hidden: true });
    expect(hidden.members).toHaveLength(3);
    expect((await listed()).some((s) => s.title.startsWith('Lendvault'))).toBe(false);
    await expectSurvivesReplay(await stories());
  });
});

describe('DELETE /admin/overrides/:id', () => {
  it('undoes each action, restoring the stories as they were', async () => {
    const before = await stories();
    const lendvault = await storyOf('lendvault-original');
    const etf = await storyOf('etf-inflows');
    const miner = await storyOf('miner-sale');
    const made = [];
    for (const body of [
      { action: 'hide', story: lendvault },
      { action: 'pin', story: lendvault, item: items.get('lendvault-copy') },
      { action: 'split', item: items.get('lendvault-copy') },
      { action: 'merge', story: etf, into: miner },
    ]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(201);
      made.push(((await res.json()) as any).override.id);
    }
    expect(await stories()).not.toEqual(before);
    for (const id of made.reverse()) expect((await call('DELETE', `/admin/overrides/${id}`)).status).toBe(200);
    expect(await stories()).toEqual(before);
    expect((await listed()).map((s) => s.id).sort()).toEqual([lendvault, etf, miner, await storyOf('price-prediction'), await storyOf('presale-ad')].sort());
    expect((await call('DELETE', `/admin/overrides/${made[0]}`)).status).toBe(404);
  });

  it('sends the items that arrived since after the ones an undo moves back, when those were what they matched', async () => {
    const etf = await storyOf('etf-inflows');
    const miner = await storyOf('miner-sale');
    const merge = ((await (await post({ action: 'merge', story: etf, into: miner })).json()) as any).override.id;
    const split = ((await (await post({ action: 'split', item: items.get('lendvault-copy') })).json()) as any).override.id;
    // a copy of the ETF story joins the merged story; a copy of the exploit joins the original's (the split one is kept apart)
    await replay(LATER);
    expect(await storyOf('etf-copy')).toBe(miner);
    expect((await call('DELETE', `/admin/overrides/${merge}`)).status).toBe(200);
    expect((await call('DELETE', `/admin/overrides/${split}`)).status).toBe(200);
    const undone = await stories();
    await wipe([...PLACEMENT_TABLES, 'overrides', 'override_items']);
    await replay(ALL);
    expect(undone).toEqual(await stories()); // where a replay without the overrides puts everything
    expect(await storyOf('etf-copy')).toBe(await storyOf('etf-inflows'));
  });
});

describe('the inspector', () => {
  it('says on a story page what an editor did, and when', async () => {
    const etf = await storyOf('etf-inflows');
    const miner = await storyOf('miner-sale');
    await post({ action: 'merge', story: etf, into: miner, note: '<b>same treasury story</b>' });
    await post({ action: 'pin', story: miner, item: items.get('etf-inflows') });
    const page = await (await app.request(`/inspector/clusters/${miner}`, {}, env)).text();
    expect(page).toMatch(/merged by an editor on 20\d\d-\d\d-\d\d/);
    expect(page).toMatch(/canonical pinned by an editor on 20\d\d-\d\d-\d\d/);
    expect(page).toContain('&lt;b&gt;same treasury story&lt;/b&gt;');
    expect(page).not.toContain('editor secret'); // the token is never in a page
  });
});
