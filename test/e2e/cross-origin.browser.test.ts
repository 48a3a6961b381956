/** A page on another origin reads the API in a real Chromium: CORS and the resource policy as a browser enforces them. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES } from '../fixtures/articles.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestWorker, type TestWorker } from '../support/worker.ts';

let worker: TestWorker;
let browser: Browser;
let tool: Server;
let toolUrl: string;

// a newsletter tool's page: its own origin (another port), plain fetch calls, results written into the page
const TOOL_PAGE = `<!doctype html><meta charset="utf-8"><title>tool</title><pre id="out">waiting</pre>`;

beforeAll(async () => {
  worker = await startTestWorker();
  await worker.call('/replay/articles', { articles: ARTICLES });
  tool = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(TOOL_PAGE));
  await new Promise<void>((r) => tool.listen(0, '127.0.0.1', r));
  toolUrl = `http://localhost:${(tool.address() as AddressInfo).port}/`; // localhost vs the worker's 127.0.0.1: another origin
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => tool?.close(r));
  await worker?.dispose();
});

describe('a page on another origin', () => {
  it('reads stories, a search and the OpenAPI document, and revalidates with If-None-Match to a readable 304', async () => {
    const page = await browser.newPage();
    await page.goto(toolUrl);
    expect(new URL(page.url()).origin).not.toBe(new URL(worker.url).origin);
    const result = await page.evaluate(async (api) => {
      const stories: any = await (await fetch(`${api}/api/v1/stories?limit=100`)).json();
      const search: any = await (await fetch(`${api}/api/v1/stories?q=Quillstone`)).json();
      const openapi: any = await (await fetch(`${api}/api/v1/openapi.json`)).json();
      const first = await fetch(`${api}/api/v1/stories?limit=2`, { cache: 'no-store' });
      const etag = first.headers.get('etag');
      const again = await fetch(`${api}/api/v1/stories?limit=2`, { cache: 'no-store', headers: { 'if-none-match': etag ?? '' } });
      return { count: stories.stories.length, found: search.stories.map((s: any) => s.title), openapi: openapi.openapi, etag, again: again.status };
    }, worker.url);
    expect(result.count).toBe(ARTICLES.length - 1);
    expect(result.found).toEqual(['Lendvault halts withdrawals after $48 million exploit drains its ether pool']);
    expect(result.openapi).toBe('3.1.0');
    expect(result.etag).toBeTruthy();
    expect(result.again).toBe(304);
    await page.close();
  });

  it('reads the feeds, but not the inspector, which stays same-origin', async () => {
    const page = await browser.newPage();
    await page.goto(toolUrl);
    const result = await page.evaluate(async (api) => {
      const feed: any = await (await fetch(`${api}/feed.json`)).json();
      let inspector = 'read';
      try {
        await fetch(`${api}/inspector`);
      } catch {
        inspector = 'blocked';
      }
      return { items: feed.items.length, inspector };
    }, worker.url);
    expect(result.items).toBe(ARTICLES.length - 1);
    expect(result.inspector).toBe('blocked');
    await page.close();
  });
});
