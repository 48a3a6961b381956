/** The deployable Worker, as `wrangler deploy` would upload it: Node-only code stays out, and it fits the limits. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { PROJECT_ROOT, wranglerBin } from '../../src/cli/local-worker.ts';

const FREE_PLAN_LIMIT_BYTES = 3 * 1024 * 1024; // Cloudflare's gzipped Worker size limit on the Free plan

it('bundles for deployment without jsdom or the command line, under the Free plan size limit', async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'onestory-bundle-'));
  try {
    await promisify(execFile)(process.execPath, [wranglerBin(), 'deploy', '--dry-run', '--outdir', out], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    });
    const code = await readFile(path.join(out, 'index.js'), 'utf8');
    // esbuild heads every bundled module with its path: the packages and folders that made it in
    const modules = new Set([...code.matchAll(/^\/\/ (node_modules\/(?:@[^/]+\/)?[^/]+|src\/[^/]+)\//gm)].map((m) => m[1]));
    expect(modules).toContain('node_modules/linkedom');
    expect(modules).toContain('node_modules/@mozilla/readability');
    expect(modules).toContain('src/pipeline');
    expect(modules).not.toContain('node_modules/jsdom');
    expect([...modules].filter((m) => m === 'src/cli' || m === 'node_modules/wrangler' || m === 'node_modules/playwright-core')).toEqual([]);
    expect(code).toContain('onestory-feeds'); // the queue consumer is in
    expect(gzipSync(code).length).toBeLessThan(FREE_PLAN_LIMIT_BYTES);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
