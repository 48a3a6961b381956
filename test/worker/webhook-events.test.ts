/** Which webhook events placement and editors make, for which webhooks: events, filters and hidden stories decide. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import { getDb } from '../../src/db/client.ts';
import { webhookDeliveries } from '../../src/db/schema.ts';
import { replayArticles } from '../../src/ingest/replay.ts';
import { parseWithLinkedom } from '../../src/dom/linkedom.ts';
import { emitSafely } from '../../src/webhooks/events.ts';
import { ARTICLES, HARBOR } from '../fixtures/articles.ts';

// the webhook hosts are public names that do not exist: deliveries are made and fail; what is counted is what was made
const ADMIN = { ...env, ADMIN_TOKEN: 'webhook events test' };
const call = (method: string, path: string, body?: unknown) =>
  app.request(path, { method, headers: { authorization: `Bearer ${ADMIN.ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined }, ADMIN);
const register = async (body: unknown) => ((await (await call('POST', '/admin/webhooks', body)).json()) as { id: string });
const made = async () => getDb(env.DB).select().from(webhookDeliveries);

let all: { id: string };
let btcOnly: { id: string };
let createdOnly: { id: string };

beforeAll(async () => {
  all = await register({ url: 'https://all.hooks.invalid/a', events: ['story.created', 'story.updated', 'storyline.updated'] });
  btcOnly = await register({ url: 'https://btc.hooks.invalid/b', events: ['story.created', 'story.updated'], filter: { coin: 'BTC', exclude_kind: 'price-prediction' } });
  createdOnly = await register({ url: 'https://new.hooks.invalid/c', events: ['story.created'] });
  const db = getDb(env.DB);
  await replayArticles(ARTICLES, { db, d1: env.DB, parseHTML: parseWithLinkedom, userAgent: 'onestory-test', log: () => {}, onPlaced: emitSafely({ db, queue: env.WEBHOOKS }, () => {}) });
});

describe('webhook events', () => {
  it('makes story.created for each new story and story.updated when a copy joins one', async () => {
    const rows = (await made()).filter((d) => d.webhookId === all.id);
    expect(rows.filter((d) => d.type === 'story.created')).toHaveLength(ARTICLES.length - 1);
    const updated = rows.filter((d) => d.type === 'story.updated');
    expect(updated).toHaveLength(1);
    const body = JSON.parse(updated[0].body);
    expect(body.data.story.coverage.map((c: any) => c.source)).toEqual(['Relay Daily']);
    expect(body.data.story).toHaveProperty('score');
  });

  it("keeps to each webhook's events and filter", async () => {
    const d = await made();
    const btc = d.filter((x) => x.webhookId === btcOnly.id).map((x) => JSON.parse(x.body).data.story);
    expect(btc.length).toBeGreaterThan(0);
    for (const s of btc) {
      expect(s.coins).toContain('BTC');
      expect(s.kind).not.toBe('price-prediction');
    }
    expect(new Set(d.filter((x) => x.webhookId === createdOnly.id).map((x) => x.type))).toEqual(new Set(['story.created']));
  });

  it("makes story.updated for an editor's merge, and nothing for a hidden story", async () => {
    const stories = ((await (await app.request('/api/v1/stories?limit=100', {}, env)).json()) as any).stories;
    const [a, b] = stories;
    const before = (await made()).length;
    expect((await call('POST', '/admin/overrides', { action: 'merge', story: a.id, into: b.id })).status).toBe(201);
    const after = (await made()).slice(before);
    expect(after.filter((d) => d.webhookId === all.id).map((d) => [d.type, d.subjectId])).toEqual([['story.updated', b.id]]);
    const n = (await made()).length;
    expect((await call('POST', '/admin/overrides', { action: 'hide', story: b.id })).status).toBe(201);
    expect((await made()).length).toBe(n);
  });

  it('reads the subscriptions once an emitter: a webhook registered during a batch gets events from the next batch on', async () => {
    const db = getDb(env.DB);
    const place = (slug: string, title: string, body: string, onPlaced: ReturnType<typeof emitSafely>) =>
      replayArticles(
        [{ id: slug, source: HARBOR, url: `https://harbor-news.test/2026/04/${slug}`, title, published_iso: '2026-04-02T09:00:00Z', body }],
        { db, d1: env.DB, parseHTML: parseWithLinkedom, userAgent: 'onestory-test', log: () => {}, onPlaced },
      );
    const batch = emitSafely({ db, queue: env.WEBHOOKS }, () => {});
    await place('ferry-tolls', 'Harbor ferry operator starts taking tolls in a stablecoin', FERRY, batch);
    const late = await register({ url: 'https://late.hooks.invalid/d', events: ['story.created'] });
    await place('orchard-grant', 'Cider cooperative funds its orchard sensors with a token grant', ORCHARD, batch);
    expect((await made()).filter((d) => d.webhookId === late.id)).toHaveLength(0);
    await place('lighthouse-node', 'Lighthouse museum runs a validator node from its keeper cottage', LIGHTHOUSE, emitSafely({ db, queue: env.WEBHOOKS }, () => {}));
    expect((await made()).filter((d) => d.webhookId === late.id).map((d) => d.type)).toEqual(['story.created']);
  });

  it('deletes a webhook: it takes no new events', async () => {
    expect((await call('DELETE', `/admin/webhooks/${createdOnly.id}`)).status).toBe(200);
    const listed = ((await (await call('GET', '/admin/webhooks')).json()) as any).webhooks.map((w: any) => w.id);
    expect(listed).not.toContain(createdOnly.id);
    expect(listed).toContain(all.id);
  });
});

const FERRY = `The ferry company that links the three islands of the Pellan archipelago began accepting a dollar stablecoin for its tolls on Monday, its director said at a harbour briefing.

Passengers pay by scanning a code at the gangway, and the company converts the receipts to local currency every evening, according to the director, who expects a tenth of fares to be paid this way by the summer.

The island council approved the trial in February after the company said card fees took nearly four percent of each ticket. The trial runs for six months.`;

const ORCHARD = `A cider cooperative in the hill country will spend a grant of 200,000 governance tokens from a farming protocol on soil sensors for its forty orchards, the cooperative said on Thursday.

The sensors report moisture and frost to a shared dashboard that members can read from their phones, and the readings are published for the protocol's other growers.

The cooperative's treasurer said the tokens would be sold over three months to pay the equipment supplier, and that the first sensors would be in the ground before the blossom.`;

const LIGHTHOUSE = `A maritime museum on the northern cape has started running a validator node for a proof-of-stake network from the old keeper's cottage, powered by the lighthouse's solar panels.

The curator said the node earns enough in rewards to pay for the cottage's new roof within two years, and that visitors can watch its blocks scroll on a screen beside the lamp room.

The museum's board agreed to the project after a local engineering club offered to maintain the machine and publish its uptime each month.`;
