/**
 * `npm start` as a newcomer sees it with no network: scripts/start.js runs wrangler dev against sources that cannot be
 * reached (hosts under `.invalid` never resolve; a closed port refuses), and its output is read line by line. It
 * starts while a replay holds the database (it must wait), and a second `npm start` on the same database is refused.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLD_MS } from '../../scripts/dev-log.js';
import { takeReplayLock } from '../../scripts/local-state.js';
import { waitFor } from '../support/worker.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

let dir: string;
let child: ChildProcess;
let out = '';
let err = '';
let port: number;
let closedPort: number;
let releaseReplay: () => void;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'onestory-start-'));
  releaseReplay = takeReplayLock(dir)!;
  [port, closedPort] = [await freePort(), await freePort()];
  const sources = [
    { id: 'lost-wire', feedUrl: 'http://nonexistent.invalid/feed.xml' },
    { id: 'lost-times', feedUrl: 'https://also-missing.invalid/rss' },
    { id: 'shut-post', feedUrl: `http://127.0.0.1:${closedPort}/feed` },
  ].map((s) => ({ ...s, name: s.id, homepage: `https://${s.id}.test/`, tier: 'aggregator', fullText: false }));
  child = spawn(process.execPath, ['scripts/start.js', '--persist-to', dir, '--var', `SOURCES_JSON:${JSON.stringify(sources)}`], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    detached: true, // its own process group: wrangler and workerd end with it
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  // a replay holds the database: npm start waits, then goes on once it is released
  await waitFor('npm start waiting for the replay', async () => (out.includes(`waiting for \`onestory replay\` (pid ${process.pid})`) ? true : undefined), 30_000);
  expect(out).not.toContain('applying migrations');
  releaseReplay();
  await waitFor('three [ingest] lines', async () => ((out.match(/^\[ingest\] .* FAILED /gm) ?? []).length >= 3 ? true : undefined), 120_000);
  await new Promise((r) => setTimeout(r, HOLD_MS + 1_000)); // anything the filter still held, or a late report
}, 180_000);

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

describe('npm start with no network', () => {
  it('prints one line per failing feed, with no workerd report or native stack', () => {
    const all = `${out}\n${err}`.split('\n');
    for (const id of ['lost-wire', 'lost-times', 'shut-post']) expect(all.filter((l) => l.includes(id)), id).toHaveLength(1);
    expect(all.filter((l) => /stack: |workerd@|\[ERROR\]|kj\//.test(l))).toEqual([]);
  });

  it('names the cause: a DNS lookup that failed for the host, or a refused connection', () => {
    expect(out).toMatch(/^\[ingest\] lost-wire FAILED network in \d+ ms: could not connect to nonexistent\.invalid: DNS lookup failed for nonexistent\.invalid\b/m);
    expect(out).toMatch(/^\[ingest\] lost-times FAILED network in \d+ ms: could not connect to also-missing\.invalid: DNS lookup failed for also-missing\.invalid\b/m);
    expect(out).toMatch(new RegExp(`^\\[ingest\\] shut-post FAILED network in \\d+ ms: could not connect to 127\\.0\\.0\\.1:${closedPort}: connection refused`, 'm'));
    expect(out).not.toMatch(/reference = /);
  });

  it('says on which port it serves', () => {
    expect(out).toContain(`[start] ready on http://localhost:${port}`);
  });

  it('refuses a second npm start on the same database, saying why and what to do', async () => {
    const second = await promisify(execFile)(process.execPath, ['scripts/start.js', '--persist-to', dir], { cwd: ROOT, env: { ...process.env, PORT: String(await freePort()) } }).catch((e) => e);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain(`another \`npm start\` (pid ${child.pid}) already serves this database on http://localhost:${port}`);
    expect(second.stdout).toMatch(/SQLITE_BUSY: stop that one, or give this one its own state: npm start -- --persist-to DIR/);
  });
});
