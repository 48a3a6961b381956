/**
 * The browser tests' Chromium on a machine where nobody installed one: the npm package's copy, unpacked once even
 * when several test files ask at the same moment. Runs on every machine (CI has Debian's Chromium, but the fallback
 * must keep working for a newcomer's bare one).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFrom, npmChromium } from '../support/browser.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'onestory-chromium-race-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("the npm package's Chromium", () => {
  it('unpacks once for two simultaneous callers, and both launch it and run a page script', async () => {
    const [a, b] = await Promise.all([npmChromium(root), npmChromium(root)]);
    expect(a.executablePath).toBe(b.executablePath);
    expect(a.origin).toBe('npm');
    // one finished copy, no partial folder left behind
    expect((await readdir(root)).filter((e) => e.includes('partial'))).toEqual([]);
    const browsers = await Promise.all([launchFrom(a), launchFrom(b)]);
    try {
      for (const browser of browsers) {
        const page = await browser.newPage();
        await page.setContent('<h1 id="x">rendered</h1><script>document.getElementById("x").textContent += " and scripted"</script>');
        // innerText needs layout, and layout needs fonts: an empty string here means no font was found
        await expect(page.innerText('#x')).resolves.toBe('rendered and scripted');
      }
    } finally {
      await Promise.all(browsers.map((b) => b.close()));
    }
  }, 180_000);
});
