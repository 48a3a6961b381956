/**
 * Editors' overrides and the two things placement settles after clustering, inside workerd on D1: the storyline of
 * an event (a story merged away takes its storyline to the survivor; an undo takes it back; a hidden event leaves its
 * storyline) and the text a story shows (the fullest member's when the canonical is a teaser, after every change).
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import { ARTICLES } from '../fixtures/articles.ts';
import { ARREST, FULL_REPORT, REPAYMENT, TEASER } from '../fixtures/storyline-articles.ts';
import { seed } from './seed.ts';

const ADMIN = { ...env, ADMIN_TOKEN: 'editor secret for the storyline tests' };
const admin = async (method: string, path: string, body?: unknown) => {
  const res = await app.request(
    path,
    { method, headers: { authorization: `Bearer ${ADMIN.ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) },
    ADMIN,
  );
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json() as Promise<any>;
};
const json = async (path: string) => {
  const res = await app.request(path, {}, env);
  expect(res.status, path).toBe(200);
  return res.json() as Promise<any>;
};
const storyOf = async (title: RegExp) => {
  const { stories } = await json('/api/v1/stories?limit=100');
  const s = stories.find((x: any) => title.test(x.title));
  expect(s, String(title)).toBeDefined();
  return s;
};

let items: Map<string, string>; // article id -> item id
beforeAll(async () => {
  items = await seed([...ARTICLES, REPAYMENT, ARREST, TEASER, FULL_REPORT]);
});

describe('storylines under editors’ overrides', () => {
  it('a story merged into one outside its storyline brings that story in; undoing the merge takes it out again', async () => {
    const exploit = await storyOf(/^Lendvault halts/);
    const line = exploit.storyline.id;
    const repayment = await storyOf(/^Lendvault proposes/);
    const etf = await storyOf(/^Bitcoin ETFs take in/);
    expect(etf.storyline).toBeNull();

    const { override } = await admin('POST', '/admin/overrides', { action: 'merge', story: repayment.id, into: etf.id, note: 'one story, says the desk' });
    const merged = await storyOf(/^Bitcoin ETFs take in/);
    expect(merged.storyline).toMatchObject({ id: line, size: 3 });
    expect(merged.storyline.events.map((e: any) => e.id).sort()).toEqual([exploit.id, etf.id, (await storyOf(/^Police detain/)).id].sort());
    expect((await json(`/api/v1/stories/${etf.id}`)).storyline_why).toEqual({ override: override.id, merged: [repayment.id] });
    expect((await json(`/api/v1/storylines/${line}`)).size).toBe(3);

    await admin('DELETE', `/admin/overrides/${override.id}`);
    expect((await storyOf(/^Bitcoin ETFs take in/)).storyline).toBeNull();
    const back = await storyOf(/^Lendvault proposes/);
    expect(back.storyline).toMatchObject({ id: line, size: 3 });
    expect(back.storyline.events.map((e: any) => e.id)).toContain(repayment.id);
  });

  it('an event an editor hides leaves its storyline for readers, and comes back with the undo', async () => {
    const arrest = await storyOf(/^Police detain/);
    const line = arrest.storyline.id;
    const { override } = await admin('POST', '/admin/overrides', { action: 'hide', story: arrest.id, note: 'unconfirmed' });
    const exploit = await storyOf(/^Lendvault halts/);
    expect(exploit.storyline.size).toBe(2);
    expect(exploit.storyline.events.map((e: any) => e.title).join(' | ')).not.toMatch(/Police detain/);
    expect((await json(`/api/v1/storylines/${line}`)).events).toHaveLength(2);
    expect(await (await app.request('/feed.xml', {}, env)).text()).not.toContain('Police detain');

    await admin('DELETE', `/admin/overrides/${override.id}`);
    expect((await storyOf(/^Lendvault halts/)).storyline.size).toBe(3);
  });
});

describe('the text a story shows under editors’ overrides', () => {
  it('goes back to the teaser when the full report is split off, and to the full report when the split is undone', async () => {
    const story = await storyOf(/^Fernbank wins/);
    expect(story.summary).toMatch(/^Fernbank, the Zurich digital-asset bank/);
    const full = items.get(FULL_REPORT.id)!;

    const { override } = await admin('POST', '/admin/overrides', { action: 'split', item: full, note: 'a separate report' });
    const alone = await json(`/api/v1/stories/${story.id}`);
    expect(alone.summary).toBe('Fernbank won a custody licence from the Swiss regulator FINMA on Thursday.');
    expect(alone.text_from).toBeNull();

    await admin('DELETE', `/admin/overrides/${override.id}`);
    const again = await json(`/api/v1/stories/${story.id}`);
    expect(again.text_from).toMatchObject({ item_id: full, source: 'Relay Daily' });
    expect(again.summary).toMatch(/^Fernbank, the Zurich digital-asset bank/); // the summary goes with the text
  });

  it('takes the fuller text when an editor merges a full report into a teaser’s story', async () => {
    const story = await storyOf(/^Fernbank wins/);
    const full = items.get(FULL_REPORT.id)!;
    const { story: split } = await admin('POST', '/admin/overrides', { action: 'split', item: full, note: 'apart for now' });
    expect((await json(`/api/v1/stories/${story.id}`)).text_from).toBeNull();

    await admin('POST', '/admin/overrides', { action: 'merge', story: split, into: story.id, note: 'one event after all' });
    const merged = await json(`/api/v1/stories/${story.id}`);
    expect(merged.url).toBe(TEASER.url); // the canonical stays the source
    expect(merged.text_from).toMatchObject({ item_id: full });
    expect(merged.summary).toMatch(/^Fernbank, the Zurich digital-asset bank/);
  });
});
