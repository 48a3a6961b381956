/**
 * An editor's buttons on the inspector, in a real headless Chromium against the real Worker: hidden until the admin
 * token is entered (kept in this tab's sessionStorage, never in the page or a URL), then each click stores an override
 * and the page shows the result.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES } from '../fixtures/articles.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestWorker, type TestWorker } from '../support/worker.ts';

const TOKEN = 'editor-token-typed-by-hand-7f3a';

let worker: TestWorker;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const urls: string[] = [];
const errors: string[] = [];

type ApiStory = { id: string; title: string; url: string };
const stories = async () => (await worker.json<{ stories: ApiStory[] }>('/api/v1/stories?limit=100')).stories;
const storyTitled = async (start: string) => (await stories()).find((s) => s.title.startsWith(start))!;
const overrides = async () => ((await (await worker.fetch('/admin/overrides', { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { overrides: any[] }).overrides;

beforeAll(async () => {
  worker = await startTestWorker({ adminToken: TOKEN });
  await worker.call('/replay/articles', { articles: ARTICLES });
  browser = await launchChromium();
  context = await browser.newContext();
  page = await context.newPage();
  page.on('request', (r) => urls.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await worker?.dispose();
});

async function open(storyId: string) {
  await page.goto(`${worker.url}/inspector/clusters/${storyId}`);
  await page.waitForLoadState('load');
}

/** Clicks and waits for the page the click leads to (the script reloads it, or opens the story the change made). */
async function clickAndWait(selector: string) {
  await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

describe('the editor tools in a browser', () => {
  it('shows no editor buttons until a valid token is entered, and never puts the token in the page or a URL', async () => {
    const lendvault = await storyTitled('Lendvault');
    await open(lendvault.id);
    expect(await page.isVisible('button[data-action=hide]')).toBe(false);
    expect(await page.isVisible('button[data-action=pin]')).toBe(false);
    expect(await page.isVisible('form.editor-token input[name=token]')).toBe(true);

    await page.fill('form.editor-token input[name=token]', 'not the token');
    await page.press('form.editor-token input[name=token]', 'Enter');
    await page.waitForSelector('.editor-status:has-text("refused")');
    expect(await page.isVisible('button[data-action=hide]')).toBe(false);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

    await page.fill('form.editor-token input[name=token]', TOKEN);
    await page.click('form.editor-token button[type=submit]');
    await page.waitForSelector('button[data-action=hide]', { state: 'visible' });
    expect(await page.isVisible('form.editor-token')).toBe(false);
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([TOKEN]);
    expect(await page.content()).not.toContain(TOKEN);
    expect(page.url()).not.toContain(TOKEN);

    // another tab of the same browser has no token: sessionStorage belongs to the tab
    const other = await context.newPage();
    await other.goto(`${worker.url}/inspector/clusters/${lendvault.id}`);
    expect(await other.isVisible('button[data-action=hide]')).toBe(false);
    await other.close();
  });

  it('pins a member as canonical with a click, and the page shows it', async () => {
    const lendvault = await storyTitled('Lendvault');
    await open(lendvault.id);
    const relay = page.locator('section.member', { hasText: 'Relay Daily' });
    await Promise.all([page.waitForEvent('load'), relay.locator('button[data-action=pin]').click()]);
    await expect(page.locator('table.members-table tr.canonical').innerText()).resolves.toMatch(/Relay Daily.*★ canonical/s);
    await expect(page.locator('.editorial').innerText()).resolves.toMatch(/canonical pinned by an editor on \d{4}-\d\d-\d\d \d\d:\d\d UTC: Relay Daily/);
    await expect(page.locator('.canonical-reason').innerText()).resolves.toBe('Relay Daily was pinned as canonical by an editor (score 0.59; the best score: Harbor News 0.86).');
    expect((await overrides()).map((o) => o.action)).toEqual(['pin']);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'test-results/inspector-editor.png' });
    expect((await storyTitled('Lendvault halts withdrawals after $48M')).url).toBe('https://relay-daily.test/defi/lendvault-halts-withdrawals');
  });

  it('splits an item out to a story of its own with a note, and undoes it', async () => {
    const lendvault = await storyTitled('Lendvault');
    await open(lendvault.id);
    await page.fill('.editor-tools input[name=note]', 'Relay rewrote it as a different story');
    const original = page.locator('section.member', { has: page.locator('h3', { hasText: '$48 million exploit drains' }) });
    await Promise.all([page.waitForEvent('load'), original.locator('button[data-action=split]').click()]);
    expect(await page.locator('section.member').count()).toBe(1);
    const line = await page.locator('.editorial').innerText();
    expect(line).toMatch(/split out of this story by an editor on \d{4}-\d\d-\d\d \d\d:\d\d UTC, to a story of its own/);
    expect(line).toContain('Relay rewrote it as a different story');
    expect((await stories()).filter((s) => s.title.startsWith('Lendvault'))).toHaveLength(2);

    await clickAndWait('.editorial-line.action-split button.undo');
    expect(await page.locator('section.member').count()).toBe(2);
    expect((await stories()).filter((s) => s.title.startsWith('Lendvault'))).toHaveLength(1);
  });

  it('merges one story into another named in the box, and opens the merged story', async () => {
    const etf = await storyTitled('Bitcoin ETFs');
    const miner = await storyTitled('Tidecoin');
    await open(etf.id);
    await page.fill('.editor-tools input[name=into]', miner.id);
    await clickAndWait('button[data-action=merge]');
    expect(new URL(page.url()).pathname).toBe(`/inspector/clusters/${miner.id}`);
    expect(await page.locator('section.member').count()).toBe(2);
    await expect(page.locator('.editorial').innerText()).resolves.toMatch(new RegExp(`merged by an editor on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: ${etf.id} into this story`));
    expect((await stories()).map((s) => s.id)).not.toContain(etf.id);
  });

  it('says what the server refused, without leaving the page', async () => {
    const miner = await storyTitled('Bitcoin ETFs'); // the merged story, under its canonical's title
    await open(miner.id);
    await page.fill('.editor-tools input[name=into]', 'feedfacefeedface');
    await page.click('button[data-action=merge]');
    await page.waitForSelector('.editor-status:has-text("unknown_story")');
    expect(new URL(page.url()).pathname).toBe(`/inspector/clusters/${miner.id}`);
  });

  it('hides a story from the lists with a click, and brings it back with Undo', async () => {
    const prediction = await storyTitled('Bitcoin Price Prediction');
    await open(prediction.id);
    await clickAndWait('button[data-action=hide]');
    await expect(page.locator('.editorial').innerText()).resolves.toMatch(/hidden by an editor on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(await page.isVisible('button[data-action=hide]')).toBe(false);
    await page.goto(`${worker.url}/inspector`);
    expect(await page.locator('tr.cluster-row', { hasText: 'Price Prediction' }).count()).toBe(0);
    expect((await worker.fetch(`/api/v1/stories/${prediction.id}`)).status).toBe(404);

    await open(prediction.id);
    await clickAndWait('.editorial-line.action-hide button.undo');
    await page.goto(`${worker.url}/inspector`);
    expect(await page.locator('tr.cluster-row', { hasText: 'Price Prediction' }).count()).toBe(1);
  });

  it('forgets the token when asked, and no request ever carried it in its URL', async () => {
    const miner = await storyTitled('Bitcoin ETFs');
    await open(miner.id);
    await page.click('.editor-tools button.forget');
    expect(await page.isVisible('button[data-action=merge]')).toBe(false);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.reload();
    expect(await page.isVisible('button[data-action=merge]')).toBe(false);
    expect(urls.some((u) => u.includes(TOKEN))).toBe(false);
    expect(errors).toEqual([]);
  });
});
