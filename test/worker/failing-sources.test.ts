/**
 * When every source fails (no network, say), the inspector and both feeds say so, with how many and the commonest
 * cause, and the feeds keep their shape: the same items, the warning at channel level.
 */
import { env, exports } from 'cloudflare:workers';
import { XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/db/client.ts';
import { recordFetch, upsertSources } from '../../src/db/queries/sources.ts';
import { ARTICLES } from '../fixtures/articles.ts';
import { seed } from './seed.ts';

const OUTLETS = ['alpha-wire', 'beta-times', 'gamma-post'];
const DNS_MESSAGE = 'could not connect to alpha-wire.test: DNS lookup, TLS or HTTP protocol failure (workerd error reference = r1)';

type Health = 'ok' | { code: string; message: string };

/** Puts each outlet's last fetch in the given state, through the same write the feed consumer makes. */
async function lastFetches(states: Health[]) {
  const db = getDb(env.DB);
  for (const [i, state] of states.entries()) {
    const outcome =
      state === 'ok'
        ? { ok: true, status: 200, code: null, message: '3 entries, 0 new', itemsSeen: 3, itemsNew: 0, ms: 40 }
        : { ok: false, status: null, code: state.code, message: state.message, itemsSeen: 0, itemsNew: 0, ms: 5 };
    await recordFetch(db, OUTLETS[i], outcome);
  }
}

const get = async (path: string) => {
  const res = await exports.default.fetch(`http://onestory.test${path}`);
  expect(res.status, path).toBe(200);
  return res.text();
};

const network = (host: string) => ({ code: 'network', message: DNS_MESSAGE.replace('alpha-wire', host) });
const hostile = { code: 'http_500', message: 'HTTP 500 <img src=x onerror=alert(1)>' };

beforeAll(async () => {
  await seed(ARTICLES);
  const list = OUTLETS.map((id) => ({ id, name: id.replace('-', ' '), homepage: `https://${id}.test/`, feedUrl: `https://${id}.test/feed`, tier: 'original' as const, fullText: false }));
  await upsertSources(getDb(env.DB), list, true);
});

describe('every source failing', () => {
  it('puts a banner on the inspector naming how many sources fail and the commonest cause', async () => {
    await lastFetches([network('alpha-wire'), network('beta-times'), hostile]);
    const html = await get('/inspector');
    const banner = html.match(/<div class="source-banner all-failing" role="alert">([\s\S]*?)<\/div>/)?.[1] ?? '';
    const text = banner.replace(/<[^>]+>/g, '');
    expect(text).toContain('Every source is failing: all 3 sources failed their last fetch');
    expect(text).toContain('Commonest cause: network (2 of 3 sources), e.g. alpha wire: could not connect to alpha-wire.test');
    expect(text).toContain('No network on this machine?');
    expect(html).not.toContain('<img src=x'); // an outlet's words are text, never markup
    expect(html.match(/class="cluster-row"/g)).toHaveLength(ARTICLES.length - 1); // the stories are still listed
  });

  it('says so in both feeds at channel level, with the same items as before', async () => {
    await lastFetches(['ok', 'ok', 'ok']);
    const healthyXml = await get('/feed.xml');
    const healthy = await new Parser().parseString(healthyXml);
    expect(healthy.description).not.toMatch(/failing/);
    expect(JSON.parse(await get('/feed.json'))._onestory.sources).toEqual({ total: 3, failing: 0, all_failing: false, commonest_cause: null });

    await lastFetches([network('alpha-wire'), network('beta-times'), network('gamma-post')]);
    const xml = await get('/feed.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const rss = await new Parser().parseString(xml);
    expect(rss.description).toMatch(/^Warning: every source is failing: all 3 sources failed their last fetch, so these stories may be out of date\. Commonest cause: network \(3 of 3\)/);
    expect(rss.items.map((i) => i.guid)).toEqual(healthy.items.map((i) => i.guid)); // no made-up item
    const json = JSON.parse(await get('/feed.json'));
    expect(json.description).toBe(rss.description);
    expect(json._onestory.sources).toMatchObject({ total: 3, failing: 3, all_failing: true, commonest_cause: { code: 'network', sources: 3 } });
    expect(json.items).toHaveLength(healthy.items.length);
  });

  it('stays quiet in the feeds and shows one muted line on the inspector while some sources still work', async () => {
    await lastFetches(['ok', network('beta-times'), hostile]);
    const html = await get('/inspector');
    expect(html).not.toContain('class="source-banner all-failing"');
    expect(html.replace(/<[^>]+>/g, '')).toContain('2 of 3 sources failed their last fetch (commonest cause: http_500, 1)');
    expect((await new Parser().parseString(await get('/feed.xml'))).description).not.toMatch(/failing/);
    expect(JSON.parse(await get('/feed.json')).description).not.toMatch(/failing/);
  });
});
