/** Which webhook events placement and editors make, for which webhooks: events, filters and hidden stories decide. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import { getDb } from '../../src/db/client.ts';
import { webhookDeliveries } from '../../src/db/schema.ts';
import { replayArticles } from '../../src/ingest/replay.ts';
import { parseWithLinkedom } from '../../src/dom/linkedom.ts';
import { emitSafely } from '../../src/webhooks/events.ts';
import { ARTICLES } from '../fixtures/articles.ts';

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

  it('deletes a webhook: it takes no new events', async () => {
    expect((await call('DELETE', `/admin/webhooks/${createdOnly.id}`)).status).toBe(200);
    const listed = ((await (await call('GET', '/admin/webhooks')).json()) as any).webhooks.map((w: any) => w.id);
    expect(listed).not.toContain(createdOnly.id);
    expect(listed).toContain(all.id);
  });
});
