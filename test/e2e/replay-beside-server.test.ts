/**
 * `onestory replay` while `npm start` serves the same local database, with crons firing all the while (each one writes
 * D1). Two workerd processes writing one SQLite file met SQLITE_BUSY; replay now works through the server's Worker.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES } from '../fixtures/articles.ts';
import { waitFor } from '../support/worker.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CRON_EVERY_MS = 100; // far more often than */15: any moment of the replay meets a cron's writes

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

let dir: string;
let server: ChildProcess;
let serverOut = '';
let base: string;
let port: number;
let replay: { code: number; stderr: string };
let cronsFired = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'onestory-beside-'));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const sources = [{ id: 'lost-wire', name: 'Lost Wire', homepage: 'https://lost-wire.test/', feedUrl: 'http://nonexistent.invalid/feed', tier: 'aggregator', fullText: false }];
  server = spawn(process.execPath, ['scripts/start.js', '--persist-to', dir, '--var', `SOURCES_JSON:${JSON.stringify(sources)}`], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    detached: true, // its own process group: wrangler and workerd end with it
  });
  server.stdout!.on('data', (d) => (serverOut += d));
  server.stderr!.on('data', (d) => (serverOut += d));
  await waitFor('npm start ready', async () => (serverOut.includes('[start] ready on') ? true : undefined), 120_000);

  const file = path.join(dir, 'articles.jsonl');
  await writeFile(file, ARTICLES.map((a) => JSON.stringify({ id: a.id, source: a.source.name, published_iso: a.published_iso, url: a.url, title: a.title, body: a.body })).join('\n'));
  let replaying = true;
  const crons = (async () => {
    while (replaying) {
      await fetch(`${base}/__scheduled?cron=${encodeURIComponent('*/15 * * * *')}`).catch(() => {});
      cronsFired++;
      await new Promise((r) => setTimeout(r, CRON_EVERY_MS));
    }
  })();
  try {
    const { stderr } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'onestory.js'), 'replay', '--persist-to', dir, file], { cwd: ROOT });
    replay = { code: 0, stderr };
  } catch (err: any) {
    replay = { code: err.code, stderr: String(err.stderr) };
  } finally {
    replaying = false;
    await crons;
  }
}, 240_000);

afterAll(async () => {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

describe('replay while npm start runs', () => {
  it('loads every article through the running server, with no SQLITE_BUSY, while crons fire', async () => {
    expect(cronsFired).toBeGreaterThan(3);
    expect(replay.stderr).not.toMatch(/SQLITE_BUSY|database is locked/);
    expect(replay.stderr).toMatch(/^\[replay\] articles\.jsonl: 6 placed$/m);
    expect(replay.code).toBe(0);
    expect(serverOut).not.toMatch(/SQLITE_BUSY|database is locked/);
  });

  it('says it replayed through the server and where to look, on the port the server really uses', () => {
    expect(replay.stderr).toContain(`[replay] \`npm start\` (pid ${server.pid}) serves this database on http://localhost:${port}: replaying through its Worker`);
    expect(replay.stderr).toContain(`[replay] done: http://localhost:${port}/inspector shows it now`);
  });

  it('serves the replayed stories at once, without a restart', async () => {
    const { stories } = (await (await fetch(`${base}/api/v1/stories?limit=100`)).json()) as { stories: { title: string }[] };
    expect(stories).toHaveLength(ARTICLES.length - 1); // the syndicated copy joins its original
  });
});
