/**
 * The lists render each story once and keep its part while its row reads the same (src/routes/rendered-stories.ts):
 * a page joined from kept parts is byte for byte the page rendered whole, and a kept part whose story changed in any
 * way a reader sees (its coverage's outlet, a storyline event's title, an editor's hide) is rendered again at once.
 */
import { env, exports } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import { getDb } from '../../src/db/client.ts';
import { listSourceStatus } from '../../src/db/queries/sources.ts';
import { listStories } from '../../src/db/queries/stories.ts';
import { bumpServingVersion } from '../../src/db/serving-version.ts';
import { summarizeSourceStatus } from '../../src/model/source-status.ts';
import { apiStory } from '../../src/render/api.ts';
import { renderJsonFeed } from '../../src/render/json-feed.ts';
import { renderRss } from '../../src/render/rss.ts';
import { feedMeta } from '../../src/routes/context.ts';
import { keepRenderedStories } from '../../src/routes/rendered-stories.ts';
import { ARTICLES } from '../fixtures/articles.ts';
import { ARREST, REPAYMENT } from '../fixtures/storyline-articles.ts';
import { seed } from './seed.ts';

const ADMIN = { ...env, ADMIN_TOKEN: 'editor secret for the kept-parts tests' };
const BASE = 'http://onestory.test';
const get = (path: string) => exports.default.fetch(`${BASE}${path}`);
const PAGES = ['/api/v1/stories', '/api/v1/stories?limit=2', '/api/v1/stories?sort=top', '/api/v1/stories?coin=ETH', '/feed.xml', '/feed.xml?limit=3', '/feed.json', '/feed.json?sort=top&limit=2'];

/** A page after a bump (the serving cache's page is stale), with its content type. */
async function fresh(path: string) {
  await bumpServingVersion(env.DB);
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return { type: res.headers.get('content-type'), body: await res.text() };
}

beforeAll(async () => {
  await seed([...ARTICLES, REPAYMENT, ARREST]);
});
afterAll(() => keepRenderedStories(true));

describe('a list joined from kept story parts', () => {
  it('is byte for byte the list rendered whole, for the API and both feeds, every page and sort', async () => {
    for (const path of PAGES) {
      keepRenderedStories(false);
      const whole = await fresh(path);
      keepRenderedStories(true);
      await fresh(path); // renders and keeps every part
      const joined = await fresh(path); // every part from the kept ones
      expect(joined, path).toEqual(whole);
    }
  });

  it('is what the renderers make of the stories listStories reads', async () => {
    const db = getDb(env.DB);
    await fresh('/feed.xml');
    const stories = (await listStories(db, { limit: 20 })).stories;
    expect(stories.length).toBeGreaterThan(2);
    expect((await fresh('/api/v1/stories')).body).toBe(JSON.stringify({ stories: stories.map(apiStory), next_cursor: null }));
    const c = { env, req: { url: `${BASE}/feed.xml` } } as unknown as Parameters<typeof feedMeta>[0];
    const sourceStatus = summarizeSourceStatus(await listSourceStatus(db));
    const feed = (await listStories(db, { limit: 50 })).stories;
    expect((await fresh('/feed.xml')).body).toBe(renderRss(feed, { ...feedMeta(c), sourceStatus, nextUrl: null }));
    const jc = { env, req: { url: `${BASE}/feed.json` } } as unknown as Parameters<typeof feedMeta>[0];
    expect((await fresh('/feed.json')).body).toBe(JSON.stringify(renderJsonFeed(feed, { ...feedMeta(jc), sourceStatus, nextUrl: null })));
  });

  it("renders a kept story again when its coverage's outlet is renamed, though the story's own row is untouched", async () => {
    keepRenderedStories(true);
    expect((await fresh('/feed.xml')).body).toContain('Relay Daily');
    await env.DB.prepare(`UPDATE sources SET name = 'Relay Daily Renamed' WHERE id = 'relay-daily'`).run();
    try {
      for (const path of ['/feed.xml', '/feed.json', '/api/v1/stories']) expect((await fresh(path)).body, path).toContain('Relay Daily Renamed');
    } finally {
      await env.DB.prepare(`UPDATE sources SET name = 'Relay Daily' WHERE id = 'relay-daily'`).run();
    }
    expect((await fresh('/feed.xml')).body).not.toContain('Relay Daily Renamed');
  });

  it('renders a kept story again when another event of its storyline is retitled', async () => {
    keepRenderedStories(true);
    const before = (await fresh('/feed.xml')).body;
    expect(before).toContain('Developing: ');
    const arrest = await env.DB.prepare(`SELECT id, title FROM clusters WHERE title LIKE 'Police detain%'`).first<{ id: string; title: string }>();
    await env.DB.prepare(`UPDATE clusters SET title = 'Retitled arrest event' WHERE id = ?1`).bind(arrest!.id).run();
    try {
      const xml = (await fresh('/feed.xml')).body;
      const exploitItem = xml.split('<item>').find((i) => i.includes('<title>Lendvault halts'))!;
      expect(exploitItem).toContain('Retitled arrest event');
    } finally {
      await env.DB.prepare(`UPDATE clusters SET title = ?2 WHERE id = ?1`).bind(arrest!.id, arrest!.title).run();
    }
  });

  it('drops a story an editor hides from a list whose other stories come from kept parts, and shows it again on undo', async () => {
    keepRenderedStories(true);
    const list = JSON.parse((await fresh('/api/v1/stories?limit=100')).body) as { stories: { id: string; title: string }[] };
    const story = list.stories.find((s) => s.title.startsWith('Lendvault halts'))!;
    const res = await app.request(
      '/admin/overrides',
      { method: 'POST', headers: { authorization: `Bearer ${ADMIN.ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'hide', story: story.id, note: 'test' }) },
      ADMIN,
    );
    expect(res.status).toBe(201);
    const { id } = ((await res.json()) as { override: { id: string } }).override;
    const feed = await get('/feed.xml'); // no bump of our own: the override's
    expect(await feed.text()).not.toContain(`>${story.id}</guid>`);
    const undo = await app.request(`/admin/overrides/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN.ADMIN_TOKEN}` } }, ADMIN);
    expect(undo.status).toBe(200);
    expect(await (await get('/feed.xml')).text()).toContain(`>${story.id}</guid>`);
  });
});
