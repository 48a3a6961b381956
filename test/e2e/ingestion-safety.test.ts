/**
 * Ingestion under attack, in the real Worker (workerd + D1), against local servers playing the outlets, an internal
 * service the Worker must never read (SSRF), and a tarpit host that accepts connections and never answers:
 *   - no item link or redirect reaches an internal host that is not a configured source's;
 *   - a feed listing another outlet's article URL first does not take it over;
 *   - one source's hanging host does not delay another source's items;
 *   - a 20,000-entry feed is taken a bounded number a run, the rest counted and taken on later runs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NEW_ITEMS_PER_RUN } from '../../src/ingest/ingest-feed.ts';
import { startTestWorker, waitFor, type TestWorker } from '../support/worker.ts';

interface Local {
  url: string;
  server: Server;
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Local> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function close(l: Local | undefined) {
  if (!l) return;
  l.server.closeAllConnections();
  await new Promise<void>((resolve) => l.server.close(() => resolve()));
}

const rss = (items: string) => `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><link>https://x.test/</link><description>d</description>${items}</channel></rss>`;
const item = (title: string, link: string, body: string, date = 'Tue, 10 Mar 2026 09:00:00 +0000') =>
  `<item><title>${title}</title><link>${link.replace(/&/g, '&amp;')}</link><pubDate>${date}</pubDate><description>${body}</description></item>`;

const ARTICLE = `<!DOCTYPE html><html><head><title>Lendvault</title></head><body><nav>Home Markets</nav><article>
<h1>Lendvault halts withdrawals after exploit</h1>
${Array.from({ length: 6 }, (_, i) => `<p>Lendvault, a lending protocol with about $900 million in deposits, halted withdrawals on Tuesday after an attacker manipulated a price oracle and drained part of its ether pool, paragraph ${i + 1} of the report.</p>`).join('\n')}
</article><footer>All rights reserved</footer></body></html>`;

type Source = { id: string; items_seen: number; deferred: { entries: number; pages: number }; health: { ok: boolean | null; last_fetch_at: string | null } };

async function sourceOf(worker: TestWorker, id: string): Promise<Source> {
  const { sources } = await worker.json<{ sources: Source[] }>('/api/v1/sources');
  return sources.find((s) => s.id === id)!;
}

/** Titles of every served member (canonicals and coverage) of the stories a source is part of. */
async function servedTitles(worker: TestWorker, source: string): Promise<string[]> {
  const { stories } = await worker.json<{ stories: { title: string; coverage: { title: string }[] }[] }>(`/api/v1/stories?source=${source}&limit=100`);
  return stories.flatMap((s) => [s.title, ...s.coverage.map((c) => c.title)]);
}

async function runCron(worker: TestWorker) {
  expect((await worker.fetch('/__scheduled?cron=' + encodeURIComponent('*/15 * * * *'))).status).toBe(200);
}

const config = (id: string, feedUrl: string, opts: { homepage?: string; fullText?: boolean; tier?: string } = {}) => ({
  id,
  name: id.replace(/^./, (c) => c.toUpperCase()),
  homepage: opts.homepage ?? `https://${id}.test/`,
  feedUrl,
  tier: opts.tier ?? 'aggregator',
  fullText: opts.fullText ?? false,
});

describe('a hostile host stalls only its own source', () => {
  const TARPIT_LINKS = 20;
  let outlet: Local;
  let tarpit: Local;
  let worker: TestWorker;
  const pit = { received: 0, open: 0, maxOpen: 0, closed: 0 };

  beforeAll(async () => {
    tarpit = await serve((req) => {
      pit.received++;
      pit.open++;
      pit.maxOpen = Math.max(pit.maxOpen, pit.open);
      req.on('close', () => {
        pit.open--;
        pit.closed++;
      }); // never answers
    });
    outlet = await serve((req, res) => {
      if (req.url === '/feeds/tarpit.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        return res.end(rss(Array.from({ length: TARPIT_LINKS }, (_, i) => item(`Tarpit story ${i}`, `${tarpit.url}/hang/${i}`, `Teaser ${i}.`)).join('')));
      }
      if (req.url === '/feeds/teaser.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        return res.end(rss(item('Lendvault halts withdrawals after exploit', `${outlet.url}/pages/lendvault.html`, 'Lendvault halted withdrawals.')));
      }
      if (req.url === '/pages/lendvault.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(ARTICLE);
      }
      res.writeHead(404);
      res.end();
    });
    const sources = [config('tarpit', `${outlet.url}/feeds/tarpit.xml`, { homepage: tarpit.url }), config('teaser', `${outlet.url}/feeds/teaser.xml`)];
    worker = await startTestWorker({ testScheduled: true, vars: { SOURCES_JSON: JSON.stringify(sources), FETCH_TIMEOUT_MS: '10000' } });
    await runCron(worker);
  }, 120_000);

  afterAll(async () => {
    await worker?.dispose();
    await close(outlet);
    await close(tarpit);
  });

  it("serves another source's page-fetched story while the hanging host still holds its requests", async () => {
    const story = await waitFor('the teaser outlet story', async () => {
      const { stories } = await worker.json<{ stories: { id: string }[] }>('/api/v1/stories?source=teaser');
      return stories[0];
    });
    expect(pit.received).toBeGreaterThan(0);
    expect(pit.closed).toBe(0); // not one tarpit request has timed out yet
    const detail = await worker.json(`/api/v1/stories/${story.id}`);
    expect(detail.members[0].text_source).toMatch(/^page/);
    expect(detail.text).toContain('manipulated a price oracle');
  });

  it('keeps the hanging host to two requests at a time, and defers the rest of its pages instead of dropping them', async () => {
    const src = await waitFor('the tarpit source to settle its run', async () => {
      const s = await sourceOf(worker, 'tarpit');
      return s.deferred.pages > 0 ? s : undefined;
    });
    expect(pit.maxOpen).toBeLessThanOrEqual(2);
    expect(src.items_seen).toBe(TARPIT_LINKS);
    const { stories } = await waitFor('the timed-out items served on their feed text', async () => {
      const r = await worker.json<{ stories: unknown[] }>('/api/v1/stories?source=tarpit&limit=100');
      return r.stories.length === TARPIT_LINKS - src.deferred.pages ? r : undefined;
    });
    expect(stories.length + src.deferred.pages).toBe(TARPIT_LINKS);
    expect(src.deferred.pages).toBeGreaterThanOrEqual(TARPIT_LINKS - 4);
  }, 90_000);
});

describe('SSRF, article takeover and a 20,000-entry feed', () => {
  const HUGE = 20_000;
  let outlet: Local;
  let internal: Local;
  let worker: TestWorker;
  let internalHits = 0;
  const hits = new Map<string, number>();
  const VICTIM_URL = 'https://harbor.test/2026/03/lendvault-exploit';
  const hugeFeed = () =>
    rss(
      Array.from({ length: HUGE }, (_, i) =>
        item(`Archive note ${i}`, `https://huge.test/a/${i}`, `Archive note number ${i}.`, new Date(Date.UTC(2026, 0, 1) + i * 60_000).toUTCString()),
      ).join(''),
    );

  beforeAll(async () => {
    internal = await serve((_req, res) => {
      internalHits++;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><body><article>${'<p>INTERNAL-SECRET admin console with the cluster credentials and keys.</p>'.repeat(30)}</article></body></html>`);
    });
    const port = new URL(internal.url).port;
    const targets = [
      `http://127.0.0.1:${port}/secret/0`,
      `http://localhost:${port}/secret/1`,
      `http://2130706433:${port}/secret/2`,
      `http://0x7f.1:${port}/secret/3`,
      `http://[::1]:${port}/secret/4`,
      `http://[::ffff:127.0.0.1]:${port}/secret/5`,
      'http://169.254.169.254/latest/meta-data/',
    ];
    let huge: string | null = null;
    outlet = await serve((req, res) => {
      const route = req.url ?? '/';
      hits.set(route, (hits.get(route) ?? 0) + 1);
      const send = (body: string) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(body);
      };
      switch (route) {
        case '/feeds/ssrf.xml':
          return send(rss([...targets.map((t, i) => item(`Internal target ${i}`, t, `Teaser ${i}.`)), item('Redirected target', `${outlet.url}/pages/moved`, 'Teaser.')].join('')));
        case '/pages/moved':
          res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` });
          return res.end();
        case '/feeds/claim.xml':
          return send(rss(item('Mischief says the Lendvault exploit never happened', VICTIM_URL, 'Nothing happened at all, say people who were not there.')));
        case '/feeds/victim.xml':
          // empty the first time: the claimer lists the victim's URL before the victim does
          return send(rss(hits.get(route)! > 1 ? item('Lendvault halts withdrawals after $48 million exploit', VICTIM_URL, 'Lendvault halted withdrawals on Tuesday after an attacker drained its ether pool.') : ''));
        case '/feeds/huge.xml':
          return send((huge ??= hugeFeed()));
      }
      res.writeHead(404);
      res.end();
    });
    const sources = [
      config('ssrf', `${outlet.url}/feeds/ssrf.xml`),
      config('mischief', `${outlet.url}/feeds/claim.xml`, { tier: 'original' }),
      config('harbor', `${outlet.url}/feeds/victim.xml`, { fullText: true }),
      config('huge', `${outlet.url}/feeds/huge.xml`, { fullText: true }),
    ];
    worker = await startTestWorker({ testScheduled: true, vars: { SOURCES_JSON: JSON.stringify(sources), FETCH_TIMEOUT_MS: '3000' } });
    await runCron(worker);
    await waitFor('the first run processed', async () => {
      const [ssrf, mischief, huge] = await Promise.all(['ssrf', 'mischief', 'huge'].map((s) => servedTitles(worker, s)));
      return ssrf.length === targets.length + 1 && mischief.length === 1 && huge.length === MAX_NEW_ITEMS_PER_RUN ? true : undefined;
    }, 240_000);
  }, 300_000); // a hang fails it; a loaded 2-core machine needed over 180 s for the 20,000-entry feed's first run

  afterAll(async () => {
    await worker?.dispose();
    await close(outlet);
    await close(internal);
  });

  it('never fetches an internal host from an item link or a redirect, and says why on each item', async () => {
    expect(internalHits).toBe(0);
    expect(hits.get('/pages/moved')).toBe(1); // the outlet's own page was asked; its redirect was refused
    const { stories } = await worker.json<{ stories: { id: string }[] }>('/api/v1/stories?source=ssrf&limit=100');
    let members = 0;
    for (const s of stories) {
      const detail = await worker.json(`/api/v1/stories/${s.id}`);
      for (const m of detail.members) expect(m.error).toMatch(/refused_host/);
      members += detail.members.length;
      expect(JSON.stringify(detail)).not.toContain('INTERNAL-SECRET');
    }
    expect(members).toBe(8);
  });

  it("keeps each source's own article when another feed listed its URL first: two members of one story, the owner canonical", async () => {
    await runCron(worker);
    const story = await waitFor('the victim item', async () => {
      const { stories } = await worker.json<{ stories: any[] }>('/api/v1/stories?source=harbor');
      return stories[0];
    });
    expect(story.source).toBe('Harbor');
    expect(story.title).toBe('Lendvault halts withdrawals after $48 million exploit');
    expect(story.url).toBe(VICTIM_URL);
    expect(story.coverage.map((c: { source: string }) => c.source)).toEqual(['Mischief']);
    const detail = await worker.json(`/api/v1/stories/${story.id}`);
    const victim = detail.members.find((m: { source: string }) => m.source === 'Harbor');
    expect(victim.text).toContain('drained its ether pool');
  });

  it('takes a huge feed a bounded number of entries a run, newest first, counts the rest, and takes more on the next run', async () => {
    // the takeover test ran the cron a second time: two runs' worth stored, the rest counted as deferred
    await waitFor('the second run of the huge feed', async () => ((await sourceOf(worker, 'huge')).items_seen === 2 * MAX_NEW_ITEMS_PER_RUN ? true : undefined));
    const src = await sourceOf(worker, 'huge');
    expect(src.health.ok).toBe(true);
    expect(src.deferred.entries).toBe(HUGE - 2 * MAX_NEW_ITEMS_PER_RUN);
    const titles = await waitFor('both runs served', async () => {
      const t = await servedTitles(worker, 'huge');
      return t.length === 2 * MAX_NEW_ITEMS_PER_RUN ? t : undefined;
    });
    const newest = HUGE - 1;
    expect(titles).toContain(`Archive note ${newest}`);
    expect(titles).toContain(`Archive note ${newest - 2 * MAX_NEW_ITEMS_PER_RUN + 1}`);
    expect(titles).not.toContain(`Archive note ${newest - 2 * MAX_NEW_ITEMS_PER_RUN}`);
  }, 120_000);
});
