/** /inspector/sources: each outlet's health, output, copies, advertorials and noise, from the real pipeline's rows. */
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db/client.ts';
import { noiseByCategory, sourceCounts } from '../../src/db/queries/scorecard.ts';
import { listSourceHealth, recordFetch } from '../../src/db/queries/sources.ts';
import { scorecards } from '../../src/model/scorecard.ts';
import { ARTICLES, HARBOR, PEAK, PROMO, RELAY } from '../fixtures/articles.ts';
import { seed } from './seed.ts';

const db = () => getDb(env.DB);
const cards = async () => {
  const [h, c, n] = await Promise.all([listSourceHealth(db()), sourceCounts(db()), noiseByCategory(db())]);
  return new Map(scorecards(h, c, n).map((card) => [card.source.id, card]));
};

beforeAll(async () => {
  await seed(ARTICLES);
  await recordFetch(db(), HARBOR.id, { ok: true, status: 200, code: null, message: '6 entries, 1 new', itemsSeen: 6, itemsNew: 1, ms: 120 }, Date.parse('2026-03-10T09:00:00Z'));
  await recordFetch(db(), HARBOR.id, { ok: false, status: 503, code: 'http_503', message: 'the server answered 503 Service Unavailable', itemsSeen: 0, itemsNew: 0, ms: 80 }, Date.parse('2026-03-10T09:15:00Z'));
});

describe('the source scorecard', () => {
  it('counts a syndicated copy as a copy, and advertorials as sponsored', async () => {
    const c = await cards();
    expect(c.get(RELAY.id)).toMatchObject({ items: 1, copyShare: 1 });
    expect(c.get(HARBOR.id)).toMatchObject({ items: 1, copyShare: 0, sponsoredShare: 0 });
    expect(c.get(PROMO.id)).toMatchObject({ items: 2, sponsoredShare: 0.5, copyShare: 0 });
    // two items within two hours: a day's output, not a rate over hours
    expect(c.get(PEAK.id)!.itemsPerDay).toBe(2);
  });

  it("gives each outlet's removed text as a share, by category, largest first", async () => {
    const relay = (await cards()).get(RELAY.id)!;
    expect(relay.noiseShare).toBeGreaterThan(0.05);
    expect(relay.noiseShare).toBeLessThan(0.5);
    const categories = relay.noiseByCategory.map((n) => n.category);
    expect(categories).toEqual(expect.arrayContaining(['cta', 'disclaimer']));
    const shares = relay.noiseByCategory.map((n) => n.share);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(relay.noiseShare!, 6);
  });

  it('shows health, last error and the shares on /inspector/sources', async () => {
    const res = await exports.default.fetch('http://onestory.test/inspector/sources');
    expect(res.status).toBe(200);
    const html = await res.text();
    const row = (id: string) => html.slice(html.indexOf(`data-id="${id}"`), html.indexOf('</tr>', html.indexOf(`data-id="${id}"`)));
    expect(row(HARBOR.id)).toContain('last success 2026-03-10 09:00 UTC');
    expect(row(HARBOR.id)).toContain('1 failure in a row');
    expect(row(HARBOR.id)).toContain('http_503');
    expect(row(RELAY.id)).toMatch(/Copies">100 %/);
    expect(row(PROMO.id)).toMatch(/Sponsored">50 %/);
    expect(row(RELAY.id)).toMatch(/cta \d+ %|disclaimer \d+ %/);
  });
});
