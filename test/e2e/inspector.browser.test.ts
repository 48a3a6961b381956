/** The cluster inspector as a person sees it, in a real headless Chromium against the real Worker. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES, HARBOR, PEAK } from '../fixtures/articles.ts';
import { ARREST, EARLY_REWRITE, FULL_REPORT, LATE_ORIGINAL, REPAYMENT, TEASER } from '../fixtures/storyline-articles.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestWorker, type TestWorker } from '../support/worker.ts';

const HOSTILE_TITLE = 'Exchange &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; lists new pairs';

let worker: TestWorker;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

/** Words a narrow screen cannot break at spaces: a run-together name in the title, a long link and a hashtag run in the text. */
const LONG_TITLE = 'Quillfeather passes CrossChainSettlementLayerV2MainnetActivationProposal with 96% of votes';
const LONG_WORDS = {
  id: 'long-words',
  source: PEAK,
  url: `https://peak-coin.test/governance/${'quillfeather-cross-chain-settlement-layer-v2-mainnet-activation-'.repeat(3)}vote`,
  title: LONG_TITLE,
  published_iso: '2026-03-10T12:00:00Z',
  body: `Holders of the Quillfeather governance token approved the activation of its settlement layer on mainnet, with 96% of votes in favour.

The proposal is at https://gov.quillfeather.test/proposals/0x5f3a9c2e7b1d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a/CrossChainSettlementLayerV2MainnetActivation?utm_source=feed&utm_medium=rss

#Quillfeather#CrossChain#Settlement#Mainnet#Governance#DeFi#Layer2#Bridges#Votes#Activation`,
};

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
  await worker.call('/replay/articles', { articles: [...ARTICLES, hostile, LONG_WORDS] });
  await worker.call('/replay/articles', { articles: [REPAYMENT, ARREST, TEASER, FULL_REPORT, EARLY_REWRITE, LATE_ORIGINAL] });
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

const openCluster = async (title: string) => {
  await page.goto(`${worker.url}/inspector`);
  await page.click(`text=${title}`);
  await page.locator('h1.story-title').waitFor();
};

describe('the inspector in a browser', () => {
  it('lists recent clusters with size, canonical title, outlets and time span', async () => {
    await page.goto(`${worker.url}/inspector`);
    await expect(page.title()).resolves.toContain('Recent clusters');
    const row = page.locator('tr.cluster-row', { hasText: 'Lendvault halts withdrawals' });
    await expect(row.locator('td.size').innerText()).resolves.toBe('2');
    const text = await row.innerText();
    expect(text).toContain('Harbor News, Relay Daily');
    expect(text).toMatch(/2026-03-10 08:15 UTC → 2026-03-10 08:42 UTC/);
    expect(await page.locator('tr.cluster-row').count()).toBe(ARTICLES.length + 5); // 6 articles + hostile + long words - 1 grouped, 3 events + 2 pairs
  });

  it('filters by kind and by "grouped only"', async () => {
    await page.goto(`${worker.url}/inspector`);
    await page.selectOption('select[name=kind]', 'price-prediction');
    await page.click('button[type=submit]');
    const titles = await page.locator('tr.cluster-row td:nth-child(2)').allInnerTexts();
    expect(titles).toEqual(['Bitcoin Price Prediction 2026-2030: Can BTC Reach $250,000?']);
    await page.goto(`${worker.url}/inspector?grouped=1`);
    expect(await page.locator('tr.cluster-row').allInnerTexts()).toHaveLength(3); // Lendvault, Fernbank, Saltmarsh
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

  it('names and marks the names, figures and coins a member shares with the canonical', async () => {
    await openCluster('Lendvault halts withdrawals after $48 million exploit drains its ether pool');
    const copy = page.locator('section.member:not(.canonical)');
    const shared = await copy.locator('dd.shared-evidence').innerText();
    expect(shared).toMatch(/names: .*Quillstone/);
    expect(shared).toMatch(/figures: .*\$48/);
    expect(shared).toMatch(/coins: ETH/);
    await copy.locator('summary').click();
    const marked = await copy.locator('.text mark.shared').allInnerTexts();
    expect(marked).toEqual(expect.arrayContaining(['Quillstone', '$48 million', '14,200']));
    expect(await page.locator('section.member.canonical .text mark.shared-name', { hasText: 'Quillstone' }).count()).toBeGreaterThan(0);
  });

  it('keeps the paragraphs of a member text, one paragraph element each', async () => {
    await openCluster('Lendvault halts withdrawals after $48 million exploit drains its ether pool');
    const paragraphs = await page.locator('section.member.canonical .text > p').allInnerTexts();
    expect(paragraphs).toHaveLength(5); // four paragraphs of the report, then the struck "appeared first" line
    expect(paragraphs[2]).toMatch(/^Blockchain security firm Quillstone .* within a week\.$/);
    expect(paragraphs[3]).toMatch(/^The protocol's governance token/);
    const text = await page.locator('section.member.canonical .text').innerText();
    expect(text).toMatch(/within a week\.\n\s*\nThe protocol's governance token/);
  });

  it("shows the storyline's events in time order, this one marked, and why it is in it", async () => {
    await openCluster('Lendvault proposes to repay victims of the $48 million exploit from its treasury');
    const events = await page.locator('section.storyline ol.timeline li').allInnerTexts();
    expect(events).toHaveLength(3);
    expect(events[0]).toMatch(/2026-03-10 08:15 UTC Lendvault halts withdrawals/);
    expect(events[1]).toMatch(/Lendvault proposes to repay .*\(this event\)/);
    expect(events[2]).toMatch(/Police detain a suspect/);
    await expect(page.locator('section.storyline .storyline-why').innerText()).resolves.toMatch(/both name .*cosine/);
    const anchors = await page.locator('section.storyline .storyline-why mark').allInnerTexts();
    expect(anchors.sort()).toEqual(['$48 million', 'Quillstone']); // as this event's story writes them, not as keys
    await page.click('section.storyline a:has-text("Police detain a suspect")');
    await expect(page.locator('h1.story-title').innerText()).resolves.toContain('Police detain a suspect');
    await page.goto(`${worker.url}/inspector`);
    await expect(page.locator('tr.cluster-row', { hasText: 'Police detain a suspect' }).locator('.developing').innerText()).resolves.toMatch(/Developing: 3 events/);
  });

  it('measures similarity to the canonical and calls the story that started the event its first report', async () => {
    await openCluster('Saltmarsh delists privacy coins ahead of Estonian reporting rules');
    const rows = page.locator('table.members-table tbody tr');
    await expect(rows.nth(0).innerText()).resolves.toMatch(/Harbor News.*★ canonical/s);
    const founder = rows.nth(1);
    await expect(founder.innerText()).resolves.toMatch(/Relay Daily.*first report/s);
    const similarity = Number(await founder.locator('td.similarity').innerText());
    expect(similarity).toBeGreaterThan(0);
    expect(similarity).toBeLessThan(1);
    const why = await page.locator('section.member:not(.canonical) dd.why-grouped').innerText();
    expect(why).toMatch(/^First report: this story started the event/);
  });

  it('says when the summary and text come from a fuller member than the canonical', async () => {
    await openCluster('Fernbank wins a Swiss custody licence for bitcoin and ether');
    const note = await page.locator('p.text-from').innerText();
    expect(note).toMatch(/Summary and text from Relay Daily, not the canonical: the canonical's text is a teaser/);
    await expect(page.locator('p.summary').innerText()).resolves.toMatch(/^Fernbank, the Zurich digital-asset bank/);
  });

  it('fits a 390 px wide screen: the list (newest, top, searched), the cluster, sources and webhooks pages scroll only downwards', async () => {
    const narrow = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      const widths: Record<string, number> = {};
      for (const [name, path] of [
        ['sources', '/inspector/sources'],
        ['webhooks', '/inspector/webhooks'],
        ['list, top with scores', '/inspector?sort=top'],
        ['list, searched', '/inspector?q=Lendvault'],
        ['list', '/inspector'],
        ['list, filtered', '/inspector?grouped=1'],
      ] as const) {
        await narrow.goto(`${worker.url}${path}`);
        widths[name] = await narrow.evaluate(() => document.documentElement.scrollWidth);
      }
      // the table became one card per row: each cell says which column it was
      const label = await narrow.locator('tr.cluster-row td[data-label="Outlets"]').first().evaluate((td) => getComputedStyle(td, '::before').content);
      expect(label).toBe('"Outlets"');
      for (const title of ['Lendvault halts withdrawals after $48 million exploit drains its ether pool', 'Lendvault proposes to repay victims of the $48 million exploit from its treasury', LONG_TITLE]) {
        await narrow.goto(`${worker.url}/inspector`);
        await narrow.click(`text=${title}`);
        await narrow.locator('h1.story-title').waitFor();
        await narrow.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true))); // every text shown
        widths[title] = await narrow.evaluate(() => document.documentElement.scrollWidth);
      }
      await narrow.screenshot({ path: 'test-results/inspector-cluster-390.png', fullPage: true });
      expect(widths).toEqual(Object.fromEntries(Object.keys(widths).map((k) => [k, 390])));
    } finally {
      await narrow.close();
    }
  });
});
