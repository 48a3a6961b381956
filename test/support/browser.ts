/**
 * A headless Chromium for the browser tests, driven by playwright-core (playwright's own browser download cannot
 * work here; see TOOLCHAIN.md). Which one:
 *   1. CHROMIUM_PATH, when set;
 *   2. Debian's /usr/bin/chromium, when the machine has it;
 *   3. otherwise the Chromium that the devDependency @sparticuz/chromium ships compressed inside the package, unpacked
 *      once per version under the temp folder, so `npm install && npm test` passes with nothing installed by hand.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const UNPACK_TIMEOUT_MS = 120_000; // ~3 s here for 67 MB of brotli; generous for a loaded 2-core machine
const STALE_PARTIAL_MS = 10 * 60_000; // a partial folder this old belongs to a run that died mid-unpack

export interface ChromiumChoice {
  executablePath: string;
  origin: 'CHROMIUM_PATH' | 'debian' | 'npm';
  env?: Record<string, string>; // extra environment for the browser process
}

export async function chooseChromium(): Promise<ChromiumChoice> {
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH, origin: 'CHROMIUM_PATH' };
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, origin: 'debian' };
  return npmChromium();
}

export async function launchChromium(): Promise<Browser> {
  const choice = await chooseChromium();
  return launchFrom(choice);
}

export function launchFrom(choice: ChromiumChoice): Promise<Browser> {
  return chromium.launch({ executablePath: choice.executablePath, args: ARGS, env: choice.env ? { ...process.env, ...choice.env } : undefined });
}

/**
 * The npm package's Chromium, unpacked into `<root>/onestory-chromium-<version>/`. Several test files (and other
 * checkouts on the same machine) may ask at once: each unpacks into a private partial folder and renames it into
 * place, so nobody ever sees a half-written binary. The package's own `executablePath()` writes straight to
 * `/tmp/chromium` and counts an existing, still-growing file as done, so it only runs here inside a child process
 * whose TMPDIR is the private folder.
 */
export async function npmChromium(root = os.tmpdir()): Promise<ChromiumChoice> {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@sparticuz/chromium'); // <package>/build/index.js ('./package.json' is not exported)
  const pkgJson = path.join(path.dirname(entry), '..', 'package.json');
  const { version } = JSON.parse(await readFile(pkgJson, 'utf8')) as { version: string };
  const name = `onestory-chromium-${version}`;
  const dir = path.join(root, name);
  const choice = (): ChromiumChoice => ({
    executablePath: path.join(dir, 'chromium'),
    origin: 'npm',
    env: { FONTCONFIG_PATH: dir }, // our fonts.conf: the package's fonts plus the system's
  });
  if (existsSync(path.join(dir, 'chromium'))) return choice();

  await removeStalePartials(root, `${name}.partial-`);
  const partial = await mkdtemp(path.join(root, `${name}.partial-`));
  try {
    const script = `const c = (await import(${JSON.stringify(pathToFileURL(entry).href)})).default; process.stdout.write(await c.executablePath());`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, TMPDIR: partial },
      timeout: UNPACK_TIMEOUT_MS,
    });
    if (stdout !== path.join(partial, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${stdout}, expected ${partial}/chromium`);
    // The package's fonts.conf names /tmp/fonts; ours names where its fonts really are, and the system's as well.
    await writeFile(
      path.join(partial, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${path.join(dir, 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    await rename(partial, dir);
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    // Another process renamed its copy into place first: use that one.
    if (existsSync(path.join(dir, 'chromium'))) return choice();
    throw new Error(`could not unpack @sparticuz/chromium into ${dir}: ${(err as Error).message}`);
  }
  return choice();
}

async function removeStalePartials(root: string, prefix: string): Promise<void> {
  for (const entry of await readdir(root)) {
    if (!entry.startsWith(prefix)) continue;
    const at = path.join(root, entry);
    const info = await stat(at).catch(() => null);
    if (info && Date.now() - info.mtimeMs > STALE_PARTIAL_MS) await rm(at, { recursive: true, force: true });
  }
}
