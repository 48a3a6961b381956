/** Storylines and the fullest text, inside workerd on D1, over stories the real pipeline made from our fixtures. */
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES } from '../fixtures/articles.ts';
import { ARREST, FULL_REPORT, REPAYMENT, TEASER } from '../fixtures/storyline-articles.ts';
import { seed } from './seed.ts';

const get = (path: string, init?: RequestInit) => exports.default.fetch(`http://onestory.test${path}`, init);
const json = async (path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return res.json() as Promise<any>;
};
const storyOf = async (title: RegExp) => {
  const { stories } = await json('/api/v1/stories?limit=100');
  const s = stories.find((x: any) => title.test(x.title));
  expect(s, String(title)).toBeDefined();
  return s;
};

let firstStoryline: string;
beforeAll(async () => {
  await seed([...ARTICLES, REPAYMENT, TEASER, FULL_REPORT]);
  firstStoryline = (await storyOf(/^Lendvault proposes/)).storyline?.id;
  await seed([ARREST]);
});

describe('storylines', () => {
  it('links the exploit, the repayment plan and the arrest, three events, into one storyline in time order', async () => {
    const exploit = await storyOf(/^Lendvault halts/);
    const repayment = await storyOf(/^Lendvault proposes/);
    const arrest = await storyOf(/^Police detain/);
    expect(new Set([exploit.id, repayment.id, arrest.id]).size).toBe(3); // events stay the unit of deduplication
    expect(exploit.coverage.map((c: any) => c.source)).toEqual(['Relay Daily']);
    for (const s of [exploit, repayment, arrest]) {
      expect(s.storyline).toEqual({
        id: exploit.storyline.id,
        title: exploit.title, // the most covered event names the matter
        size: 3,
        events: [
          { id: exploit.id, title: exploit.title, published_at: '2026-03-10T08:15:00.000Z' },
          { id: repayment.id, title: repayment.title, published_at: '2026-03-15T09:00:00.000Z' },
          { id: arrest.id, title: arrest.title, published_at: '2026-03-19T14:00:00.000Z' },
        ],
      });
    }
  });

  it('keeps the storyline id when a later event joins', async () => {
    expect(firstStoryline).toMatch(/^[0-9a-f]{16}$/);
    expect((await storyOf(/^Police detain/)).storyline.id).toBe(firstStoryline);
  });

  it('gives every other story a null storyline, the field always present', async () => {
    const { stories } = await json('/api/v1/stories?limit=100');
    const others = stories.filter((s: any) => !/Lendvault|Police detain/.test(s.title));
    expect(others.length).toBeGreaterThan(3);
    for (const s of others) expect(s).toHaveProperty('storyline', null);
  });

  it('serves a storyline with every event, its outlet and why it joined; unknown ids are 404', async () => {
    const arrest = await storyOf(/^Police detain/);
    const line = await json(`/api/v1/storylines/${arrest.storyline.id}`);
    expect(line).toMatchObject({ id: arrest.storyline.id, size: 3, first_published_at: '2026-03-10T08:15:00.000Z', merged_from: [] });
    expect(line.events.map((e: any) => e.source)).toEqual(['Harbor News', 'Peak Coin Journal', 'Beacon Ledger']);
    expect(line.events[0].stories).toBe(2);
    const joined = line.events.find((e: any) => e.id === arrest.id);
    expect(joined.why.shared.map((k: string) => k.slice(2))).toEqual(expect.arrayContaining(['quillstone']));
    expect(joined.why.event).toBeGreaterThanOrEqual(joined.why.bar);
    expect((await get('/api/v1/storylines/0000000000000000')).status).toBe(404);
    expect((await get('/api/v1/storylines/not%20an%20id')).status).toBe(404);
  });

  it('says "Developing: 3 updates" in the RSS and JSON Feed items of the storyline, and nowhere else', async () => {
    const rss = await (await get('/feed.xml')).text();
    const items = rss.split('<item>').slice(1);
    const developing = items.filter((i) => i.includes('Developing: 3 updates'));
    expect(developing).toHaveLength(3);
    for (const i of developing) expect(i).toMatch(/Lendvault|Police detain/);
    expect(developing.find((i) => i.includes('Police detain'))).toContain('(this story)');
    const feed = await json('/feed.json');
    const withLine = feed.items.filter((i: any) => i._onestory.storyline);
    expect(withLine).toHaveLength(3);
    for (const i of withLine) expect(i.content_html).toContain('Developing: 3 updates');
    expect(withLine[0]._onestory.storyline.events).toHaveLength(3);
  });

  it('says in the story detail why its event is in the storyline', async () => {
    const repayment = await storyOf(/^Lendvault proposes/);
    const detail = await json(`/api/v1/stories/${repayment.id}`);
    expect(detail.storyline.id).toBe(repayment.storyline.id);
    expect(detail.storyline_why).toMatchObject({ things: expect.any(Number), shared: expect.arrayContaining(['n:$48m']) });
  });
});

describe('the fullest text', () => {
  it('keeps a teaser canonical as the source but takes the summary and text from the fullest member, and says so', async () => {
    const story = await storyOf(/Fernbank/);
    expect(story).toMatchObject({ source: 'Harbor News', url: TEASER.url, title: TEASER.title });
    expect(story.summary).toMatch(/^Fernbank, the Zurich digital-asset bank, received a custody licence/);
    const detail = await json(`/api/v1/stories/${story.id}`);
    expect(detail.text).toMatch(/Chief executive Anja Roost said/);
    expect(detail.text_from).toMatchObject({ source: 'Relay Daily', reason: expect.stringMatching(/teaser/) });
    expect(detail.members.find((m: any) => m.canonical).source).toBe('Harbor News');
  });

  it('keeps the canonical text when it is full', async () => {
    const exploit = await storyOf(/^Lendvault halts/);
    const detail = await json(`/api/v1/stories/${exploit.id}`);
    expect(detail.text_from).toBeNull();
    expect(detail.text).toMatch(/^Lendvault, a lending protocol/);
  });
});

describe('a storyline that cannot be written', () => {
  it('leaves the story placed and served, and says on the item why its event has no storyline', async () => {
    await env.DB.prepare(`CREATE TRIGGER no_anchors BEFORE INSERT ON story_anchors BEGIN SELECT RAISE(ABORT, 'anchors refused for the test'); END`).run();
    try {
      const ids = await seed([{ ...REPAYMENT, id: 'repayment-again', url: 'https://peak-coin.test/defi/lendvault-repayment-plan-2', published_iso: '2026-03-16T09:00:00Z', source: { ...REPAYMENT.source, id: 'peak-coin-mirror', name: 'Peak Coin Mirror' } }]);
      const row = await env.DB.prepare(`SELECT status, error, json_extract(placement, '$.storyline') AS storyline FROM items WHERE id = ?1`).bind(ids.get('repayment-again')).first<any>();
      expect(row.status).toBe('ready');
      expect(row.error).toMatch(/storyline not linked: .*anchors refused for the test/);
      expect(row.storyline).toMatch(/^storyline not linked/);
    } finally {
      await env.DB.prepare(`DROP TRIGGER no_anchors`).run();
    }
  });
});
