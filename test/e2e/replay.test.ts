/**
 * Acceptance: `onestory replay` of the two recorded sets in ../shared/data (real feeds of one day, a real
 * article dump), then the RSS feed, the JSON Feed, the API and the inspector show the same deduplicated stories.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalWorker, type LocalWorker } from '../../src/cli/local-worker.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DATA = path.resolve(ROOT, '..', 'shared', 'data');
const FEEDS_DIR = path.join(DATA, 'feeds', '2025-12-12');
const DUMP = path.join(DATA, 'gold', 'cryptoprism-202510', 'articles.jsonl');
const PAGE = 100; // the largest page every output serves

let dir: string;
let worker: LocalWorker;
const replayLog: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'onestory-replay-'));
  for (const target of [FEEDS_DIR, DUMP]) {
    const { stderr } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'onestory.js'), 'replay', '--persist-to', dir, target], { cwd: ROOT, maxBuffer: 64 << 20 });
    replayLog.push(stderr);
  }
  worker = await startLocalWorker(dir);
}, 300_000);

afterAll(async () => {
  await worker?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function allStories(): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const res = await worker.fetch(`/api/v1/stories?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`);
    const page: any = await res.json();
    out.push(...page.stories);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

describe('after replaying the recorded feeds and the article dump', () => {
  it('ingested every feed and article without a failure', () => {
    expect(replayLog[0]).toMatch(/coindesk\.xml -> coindesk: ok/);
    expect(replayLog[0]).not.toMatch(/FAILED/);
    // "N placed[, M seen before]": a batch the local runtime restarted under is finished on retry, never lost
    const summary = replayLog[1].match(/articles\.jsonl: (.*)/)![1];
    const counts = Object.fromEntries([...summary.matchAll(/(\d+) ([a-z ]+?)(?:,|$)/g)].map((m) => [m[2], Number(m[1])]));
    expect(Object.keys(counts).filter((k) => k !== 'placed' && k !== 'seen before')).toEqual([]);
    expect((counts.placed ?? 0) + (counts['seen before'] ?? 0)).toBe(619);
  });

  it('serves fewer stories than articles, each article under exactly one story', async () => {
    const stories = await allStories();
    const urls = stories.flatMap((s) => [s.url, ...s.coverage.map((c: any) => c.url)]);
    expect(new Set(urls).size).toBe(urls.length);
    expect(stories.length).toBeLessThan(urls.length);
    expect(stories.filter((s) => s.coverage.length > 0).length).toBeGreaterThan(10);
    expect(new Set(stories.map((s) => s.id)).size).toBe(stories.length);
  });

  it('shows the same stories in the RSS feed, the JSON Feed, the API and the inspector', async () => {
    const api: any = await (await worker.fetch(`/api/v1/stories?limit=${PAGE}`)).json();
    const rss = await new Parser().parseString(await (await worker.fetch(`/feed.xml?limit=${PAGE}`)).text());
    const jsonFeed: any = await (await worker.fetch(`/feed.json?limit=${PAGE}`)).json();
    const ids = api.stories.map((s: any) => s.id);
    expect(rss.items.map((i) => i.guid)).toEqual(ids);
    expect(rss.items.map((i) => i.title)).toEqual(api.stories.map((s: any) => s.title));
    expect(jsonFeed.items.map((i: any) => i.id)).toEqual(ids);
    const html = await (await worker.fetch('/inspector')).text();
    const listed = [...html.matchAll(/<tr class="cluster-row" data-id="([^"]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual(ids.slice(0, listed.length));
    expect(listed.length).toBe(50);
    const grouped = api.stories.find((s: any) => s.coverage.length > 0);
    const page = await (await worker.fetch(`/inspector/clusters/${grouped.id}`)).text();
    for (const c of grouped.coverage) expect(page).toContain(c.url.replace(/&/g, '&amp;'));
  });

  it('lists every story newest first by the date it shows', async () => {
    const shown = (await allStories()).map((s) => Date.parse(s.published_at));
    const inversions = shown.filter((t, i) => i > 0 && t > shown[i - 1]).length;
    expect(inversions).toBe(0);
  });

  it("ranks a day's top 10 from stories several outlets covered (the recorded feeds' day and the dump's busiest)", async () => {
    for (const date of ['2025-12-12', '2025-10-03']) {
      const digest: any = await (await worker.fetch(`/api/v1/digest?date=${date}&limit=10`)).json();
      expect(digest.stories, date).toHaveLength(10);
      const outlets = digest.stories.map((s: any) => new Set([s.source, ...s.coverage.map((c: any) => c.source)]).size);
      expect(Math.min(...outlets), `${date}: ${outlets}`).toBeGreaterThanOrEqual(2);
      expect(digest.stories.map((s: any) => s.score)).toEqual([...digest.stories.map((s: any) => s.score)].sort((a: number, b: number) => b - a));
    }
  });

  it('finds a story by a word of its body that its title does not have', async () => {
    const top: any = await (await worker.fetch('/api/v1/digest?date=2025-12-12&limit=1')).json();
    const story: any = await (await worker.fetch(`/api/v1/stories/${top.stories[0].id}`)).json();
    const inTitles = new Set(`${story.title} ${story.coverage.map((c: any) => c.title).join(' ')}`.toLowerCase().match(/[\p{L}\p{N}]+/gu));
    const word = [...new Set(story.text.toLowerCase().match(/\p{L}{7,}/gu) as string[])].filter((w) => !inTitles.has(w)).sort((a, b) => b.length - a.length)[0];
    expect(word).toBeTruthy();
    const found: any = await (await worker.fetch(`/api/v1/stories?q=${encodeURIComponent(word)}&limit=100`)).json();
    expect(found.stories.map((s: any) => s.id), word).toContain(story.id);
  });
});
