#!/usr/bin/env node
/**
 * `npm start`: onestory on http://localhost:8787 (PORT=3000 npm start for another port) with no account and no flags.
 *   1. apply migrations/ to the local D1 (the same command a deploy runs remotely)
 *   2. run `wrangler dev --test-scheduled` (workerd + local D1 + local queues)
 *   3. fire the cron once at start, then on wrangler.toml's schedule: wrangler dev never fires crons by itself,
 *      so this script calls its /__scheduled endpoint at each matching minute.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cronMatches } from './cron.js';
import { createDevLog, pipeLines } from './dev-log.js';
import { removeServerFile, replayHolder, runningServer, writeServerFile } from './local-state.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wrangler = path.join(path.dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin', 'wrangler.js');
const port = Number(process.env.PORT ?? 8787);
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
const READY_TIMEOUT_MS = 90_000; // first start bundles the Worker and boots workerd
const TICK_MS = 15_000; // checks the schedule four times a minute, fires at most once a minute

const toml = readFileSync(path.join(root, 'wrangler.toml'), 'utf8');
const crons = [...(toml.match(/^\s*crons\s*=\s*\[([^\]]*)\]/m)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
const log = (line) => console.log(`[start] ${line}`);

// `npm start -- --persist-to DIR` keeps the local state elsewhere: the migrations and the announcement go there too.
const args = process.argv.slice(2);
const persistArg = args.find((a, i) => args[i - 1] === '--persist-to') ?? args.find((a) => a.startsWith('--persist-to='))?.slice('--persist-to='.length);
const stateDir = persistArg ? path.resolve(root, persistArg) : path.join(root, '.wrangler', 'state');

// One runtime writes a state folder at a time (see local-state.js): announce this server, then wait for a replay.
const other = runningServer(stateDir);
if (other && other.pid !== process.pid) {
  log(`another \`npm start\` (pid ${other.pid}) already serves this database on http://localhost:${other.port}.`);
  log('Two runtimes writing one SQLite file fail with SQLITE_BUSY: stop that one, or give this one its own state: npm start -- --persist-to DIR');
  process.exit(1);
}
const adminToken = randomUUID(); // this run's /admin, for `onestory replay` on this machine (127.0.0.1 only)
writeServerFile(stateDir, { pid: process.pid, port, url: `http://127.0.0.1:${port}`, token: adminToken });
process.on('exit', () => removeServerFile(stateDir));
for (let waited = 0; replayHolder(stateDir); waited++) {
  if (waited % 30 === 0) log(`waiting for \`onestory replay\` (pid ${replayHolder(stateDir)?.pid}) to finish writing the local database`);
  await new Promise((r) => setTimeout(r, 1_000));
}

log('applying migrations to the local D1');
const migrate = spawnSync(process.execPath, [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], { cwd: root, env: { ...env, CI: 'true' }, stdio: 'inherit' });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const devArgs = ['dev', '--test-scheduled', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', stateDir, '--var', `ADMIN_TOKEN:${adminToken}`];
const dev = spawn(process.execPath, [wrangler, ...devArgs, ...args.filter((a, i) => a !== '--persist-to' && args[i - 1] !== '--persist-to' && !a.startsWith('--persist-to='))], {
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
