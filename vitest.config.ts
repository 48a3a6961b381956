import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import path from 'node:path';

const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'));

export default defineConfig({
  test: {
    projects: [
      {
        // Inside workerd, with the Worker's real bindings: D1, queues.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
          }),
        ],
        // a full replay inside workerd takes seconds on a loaded machine: timeouts catch hangs, they do not measure speed
        test: { name: 'worker', include: ['test/worker/**/*.test.ts'], setupFiles: ['test/worker/apply-migrations.ts'], testTimeout: 30_000 },
      },
      {
        // Node: the command line, jsdom parity, the page in Chromium, pure stages.
        test: { name: 'node', include: ['test/**/*.test.ts'], exclude: ['test/worker/**'], testTimeout: 60_000 },
      },
    ],
  },
});
