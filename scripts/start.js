#!/usr/bin/env node
/**
 * `npm start`: onestory on http://localhost:8787 with no account and no flags.
 *   1. apply migrations/ to the local D1 (the same command a deploy runs remotely)
 *   2. run `wrangler dev --test-scheduled` (workerd + local D1 + local queues)
 *   3. fire the cron once at start, then on wrangler.toml's schedule: wrangler dev never fires crons by itself,
 *      so this script calls its /__scheduled endpoint at each matching minute.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cronMatches } from './cron.js';
import { createDevLog, pipeLines } from './dev-log.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wrangler = path.join(path.dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin', 'wrangler.js');
const port = Number(process.env.PORT ?? 8787);
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
const READY_TIMEOUT_MS = 90_000; // first start bundles the Worker and boots workerd
const TICK_MS = 15_000; // checks the schedule four times a minute, fires at most once a minute

const toml = readFileSync(path.join(root, 'wrangler.toml'), 'utf8');
const crons = [...(toml.match(/^\s*crons\s*=\s*\[([^\]]*)\]/m)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
const log = (line) => console.log(`[start] ${line}`);

log('applying migrations to the local D1');
// `npm start -- --persist-to DIR` keeps the local state elsewhere: the migrations must go to the same place.
const persistTo = process.argv.slice(2).find((a, i, all) => all[i - 1] === '--persist-to') ?? process.argv.slice(2).find((a) => a.startsWith('--persist-to='))?.slice(13);
const migrate = spawnSync(process.execPath, [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local', ...(persistTo ? ['--persist-to', persistTo] : [])], { cwd: root, env: { ...env, CI: 'true' }, stdio: 'inherit' });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const dev = spawn(process.execPath, [wrangler, 'dev', '--test-scheduled', '--port', String(port), '--ip', '127.0.0.1', ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: ['inherit', 'pipe', 'pipe'], // through dev-log.js: workerd's connect-failure reports folded into our lines
});
const devLog = createDevLog({ out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') });
const piped = Promise.all([pipeLines(dev.stdout, devLog.stdout), pipeLines(dev.stderr, devLog.stderr)]);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => dev.kill(sig));
dev.on('exit', async (code) => {
  await piped;
  devLog.close();
  process.exit(code ?? 0);
});

const base = `http://127.0.0.1:${port}`;
async function fire(cron) {
  try {
    const res = await fetch(`${base}/__scheduled?cron=${encodeURIComponent(cron)}`);
    log(`cron "${cron}" fired: ${res.status}`);
  } catch (err) {
    log(`cron "${cron}" could not fire: ${err.message}`);
  }
}

const t0 = Date.now();
while (Date.now() - t0 < READY_TIMEOUT_MS) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 500));
}
log(`ready on http://localhost:${port}  (feed: /feed.xml, API: /api/v1/stories, inspector: /inspector)`);
for (const cron of crons) await fire(cron); // ingestion at start
let lastMinute = Math.floor(Date.now() / 60_000);
setInterval(() => {
  const minute = Math.floor(Date.now() / 60_000);
  if (minute === lastMinute) return;
  lastMinute = minute;
  for (const cron of crons) if (cronMatches(cron, new Date(minute * 60_000))) void fire(cron);
}, TICK_MS).unref();
