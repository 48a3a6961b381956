/** The cluster inspector as a person sees it, in a real headless Chromium against the real Worker. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES, HARBOR } from '../fixtures/articles.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestWorker, type TestWorker } from '../support/worker.ts';

const HOSTILE_TITLE = 'Exchange &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; lists new pairs';

let worker: TestWorker;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  worker = await startTestWorker();
  const hostile = {
    id: 'hostile',
    source: HARBOR,
    url: 'https://harbor-news.test/hostile',
    title: HOSTILE_TITLE,
    published_iso: '2026-03-10T11:30:00Z',
    body: 'The exchange added twelve spot pairs on Tuesday and said it would cut maker fees for the first month of trading on all of them.',
  };
  await worker.call('/replay/articles', { articles: [...ARTICLES, hostile] });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.dispose();
});

describe('the inspector in a browser', () => {
  it('lists recent clusters with size, canonical title, outlets and time span', async () => {
    await page.goto(`${worker.url}/inspector`);
    await expect(page.title()).resolves.toContain('Recent clusters');
    const row = page.locator('tr.cluster-row', { hasText: 'Lendvault halts withdrawals' });
    await expect(row.locator('td.size').innerText()).resolves.toBe('2');
    const text = await row.innerText();
    expect(text).toContain('Harbor News, Relay Daily');
    expect(text).toMatch(/2026-03-10 08:15 UTC → 2026-03-10 08:42 UTC/);
    expect(await page.locator('tr.cluster-row').count()).toBe(ARTICLES.length); // 6 articles + hostile - 1 grouped
  });

  it('filters by kind and by "grouped only"', async () => {
    await page.goto(`${worker.url}/inspector`);
    await page.selectOption('select[name=kind]', 'price-prediction');
    await page.click('button[type=submit]');
    const titles = await page.locator('tr.cluster-row td:nth-child(2)').allInnerTexts();
    expect(titles).toEqual(['Bitcoin Price Prediction 2026-2030: Can BTC Reach $250,000?']);
    await page.goto(`${worker.url}/inspector?grouped=1`);
    expect(await page.locator('tr.cluster-row').allInnerTexts()).toHaveLength(1);
  });

  it('shows why stories were grouped, why the canonical won and what noise each rule removed', async () => {
    await page.goto(`${worker.url}/inspector`);
    await page.click('text=Lendvault halts withdrawals after $48 million exploit drains its ether pool');
    await expect(page.locator('h1.story-title').innerText()).resolves.toContain('Lendvault halts withdrawals');
    const canonicalRow = page.locator('table.members-table tr.canonical');
    await expect(canonicalRow.innerText()).resolves.toMatch(/Harbor News.*★ canonical/s);
    await expect(page.locator('table.members-table')).toBeDefined();
    const similarity = await page.locator('table.members-table tr:not(.canonical) td.similarity').innerText();
    expect(Number(similarity)).toBeGreaterThan(0.5);
    const copy = page.locator('section.member:not(.canonical)');
    await copy.locator('summary').click(); // expand the copy's marked-up text
    const struck = copy.locator('del.noise');
    expect(await struck.count()).toBeGreaterThan(1);
    const labels = await copy.locator('del.noise .rule').allInnerTexts();
    expect(labels.every((l) => l.length > 0)).toBe(true);
    const categories = await struck.evaluateAll((els) => els.map((e) => e.getAttribute('data-category')));
    expect(categories).toEqual(expect.arrayContaining(['cta', 'disclaimer']));
    await expect(copy.innerText()).resolves.toMatch(/Why grouped[\s\S]*(copy of|same event as) Harbor News/);
    await page.screenshot({ path: 'test-results/inspector-cluster.png', fullPage: true });
  });

  it('shows a title that decodes to markup as text, and never runs it', async () => {
    await page.goto(`${worker.url}/inspector`);
    await page.click('text=lists new pairs');
    const h1 = await page.locator('h1.story-title').innerText();
    expect(h1).toBe('Exchange <script>alert(1)</script> lists new pairs');
    expect(await page.locator('main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
