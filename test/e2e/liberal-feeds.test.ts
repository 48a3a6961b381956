/**
 * The probe feeds through the real Worker (workerd, D1, queues), served by a local server of our own with the
 * headers a real outlet would send: each broken feed yields its good entries, and its source's status line says
 * what was recovered.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorker, waitFor, type TestWorker } from '../support/worker.ts';

const PROBES = path.resolve(import.meta.dirname, '..', 'fixtures', 'probe-feeds');

/** 100,000 elements deep inside the second of three items: rss-parser overflowed its stack on this. */
function deepFeed(): string {
  const item = (n: number, body = '') => `<item><title>Deep probe item ${n}</title><link>https://probe.test/deep/${n}</link>${body}</item>`;
  const nest = '<description>' + '<div>'.repeat(100_000) + 'deep' + '</div>'.repeat(100_000) + '</description>';
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title>${item(1)}${item(2, nest)}${item(3)}</channel></rss>`;
}

/** route -> [file or body, content-type, extra headers] */
const ROUTES: Record<string, [string | Buffer, string, Record<string, string>?]> = {
  '/raw-ampersand.xml': ['raw-ampersand.xml', 'application/rss+xml; charset=utf-8'],
  '/truncated.xml': ['truncated-end-tag.xml', 'application/rss+xml'],
  '/bad-date.atom': ['bad-date.atom', 'application/atom+xml'],
  '/xml-base.atom': ['xml-base.atom', 'application/atom+xml'],
  '/koi8r.xml': ['koi8r-undeclared.xml', 'text/xml'], // no charset anywhere
  '/utf16.xml': ['utf16le-no-bom.xml', 'application/xml'],
  '/relative.xml': ['relative-links.xml', 'application/rss+xml', { 'content-location': 'https://mirror.probe.test/feeds/main.xml' }],
  '/deep.xml': [Buffer.from(deepFeed()), 'application/rss+xml'],
};

const SOURCES: Record<string, string> = {
  'probe-amp': '/raw-ampersand.xml',
  'probe-trunc': '/truncated.xml',
  'probe-date': '/bad-date.atom',
  'probe-base': '/xml-base.atom',
  'probe-koi8r': '/koi8r.xml',
  'probe-utf16': '/utf16.xml',
  'probe-relative': '/relative.xml',
  'probe-deep': '/deep.xml',
};
const ITEMS_EXPECTED = 3 + 3 + 3 + 3 + 2 + 1 + 1 + 3;

let server: Server;
let base: string;
let worker: TestWorker;

type Health = { ok: boolean | null; last_fetch_at: string | null; last_error: string | null; last_result: string | null };
type Story = { title: string; url: string; source: string; published_at: string; coverage: { title: string; url: string; source: string; published_at: string }[] };

async function sources(): Promise<{ id: string; items_seen: number; health: Health }[]> {
  return (await worker.json<{ sources: { id: string; items_seen: number; health: Health }[] }>('/api/v1/sources')).sources;
}

/** Every stored item of a source (named by its id here), whether it leads its story or is listed under another. */
async function itemsOf(id: string): Promise<{ title: string; url: string; source: string }[]> {
  const { stories } = await worker.json<{ stories: Story[] }>(`/api/v1/stories?source=${id}&limit=100`);
  return stories.flatMap((s) => [s, ...s.coverage]).filter((i) => i.source === id);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = ROUTES[new URL(req.url ?? '/', 'http://x').pathname];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    const [body, type, headers] = route;
    res.writeHead(200, { 'content-type': type, ...headers });
    res.end(typeof body === 'string' ? readFileSync(path.join(PROBES, body)) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const list = Object.entries(SOURCES).map(([id, route]) => ({
    id,
    name: id,
    homepage: 'https://probe.test/',
    feedUrl: base + route,
    tier: 'original',
    fullText: true,
  }));
  worker = await startTestWorker({ testScheduled: true, vars: { SOURCES_JSON: JSON.stringify(list), FETCH_TIMEOUT_MS: '1500' } });
  const res = await worker.fetch('/__scheduled?cron=' + encodeURIComponent('*/15 * * * *'));
  expect(res.status).toBe(200);
  await waitFor('every probe fetched', async () => {
    const s = await sources();
    return s.filter((x) => x.health.last_fetch_at).length === s.length ? s : undefined;
  });
  await waitFor('every item stored', async () => {
    const s = await sources();
    return s.reduce((n, x) => n + x.items_seen, 0) === ITEMS_EXPECTED ? true : undefined;
  });
  await waitFor('every item processed into a story', async () => {
    const { stories } = await worker.json<{ stories: Story[] }>('/api/v1/stories?limit=100');
    return stories.reduce((n, s) => n + 1 + s.coverage.length, 0) === ITEMS_EXPECTED ? true : undefined;
  });
}, 180_000);

afterAll(async () => {
  await worker?.dispose();
  await new Promise((r) => server?.close(r));
});

describe('the Worker on broken feeds', () => {
  it('fetches every probe feed successfully and says on each source what it recovered', async () => {
    const byId = new Map((await sources()).map((s) => [s.id, s]));
    for (const id of Object.keys(SOURCES)) expect(byId.get(id)!.health, id).toMatchObject({ ok: true, last_error: null });
    const result = (id: string) => byId.get(id)!.health.last_result;
    expect(result('probe-amp')).toBe('3 entries, 3 new, recovered: raw & in 3 places');
    expect(result('probe-trunc')).toMatch(/^3 entries, 3 new, recovered: 1 truncated end tag/);
    expect(result('probe-date')).toBe('3 entries, 3 new, recovered: 1 unreadable date');
    expect(result('probe-koi8r')).toBe('2 entries, 2 new, recovered: no charset declared and the bytes are not UTF-8: read as koi8-r');
    expect(result('probe-utf16')).toBe('1 entries, 1 new, recovered: UTF-16LE without a byte-order mark');
    expect(result('probe-deep')).toMatch(/^3 entries, 3 new, recovered: nested deeper than 128 elements/);
    expect(result('probe-base')).toBe('3 entries, 3 new');
  });

  it('stores the good entries of each, with links resolved and text decoded', async () => {
    expect((await itemsOf('probe-amp')).map((i) => i.url).sort()).toEqual([
      'https://probe.test/amp/custody?a=1&b=2',
      'https://probe.test/amp/fees',
      'https://probe.test/amp/miners?id=7&section=markets',
    ]);
    expect((await itemsOf('probe-trunc')).map((i) => i.title).sort()).toEqual(['Bridge reopens after an audit', 'Token unlock moves to April', 'Wallet adds passkeys']);
    expect((await itemsOf('probe-base')).map((i) => i.url).sort()).toEqual([
      'https://mirror.probe.test/archive/relative-to-entry',
      'https://probe.test/desk/on-the-link',
      'https://probe.test/news/2026/03/relative-to-feed',
    ]);
    expect((await itemsOf('probe-koi8r')).map((i) => i.title).sort()).toEqual(['Биржа приостановила вывод средств на два часа', 'Биткоин вырос на пять процентов за неделю']);
    expect((await itemsOf('probe-utf16')).map((i) => i.title)).toEqual(['Ether staking yields dip below 3 % — analysts shrug']);
    expect((await itemsOf('probe-relative')).map((i) => i.url)).toEqual(['https://mirror.probe.test/2026/03/relative']);
    expect((await itemsOf('probe-deep')).map((i) => i.title).sort()).toEqual(['Deep probe item 1', 'Deep probe item 2', 'Deep probe item 3']);
  });

  it('dates an entry with an unreadable date at the fetch, and the others by their own dates', async () => {
    const { stories } = await worker.json<{ stories: Story[] }>('/api/v1/stories?source=probe-date&limit=100');
    const items = stories.flatMap((s) => [s, ...s.coverage]);
    const byTitle = new Map(items.map((s) => [s.title, s.published_at]));
    expect(byTitle.get('Validators vote to raise the gas limit')).toBe('2026-03-10T08:00:00.000Z');
    expect(byTitle.get('Stablecoin issuer adds a second auditor')).toBe('2026-03-09T16:30:00.000Z');
    expect(Date.now() - Date.parse(byTitle.get('Exchange publishes proof of reserves')!)).toBeLessThan(10 * 60_000);
  });
});
