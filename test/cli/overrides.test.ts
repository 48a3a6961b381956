/**
 * `onestory overrides export|import`: an editor's merge carried from one local database to another rebuilt from the
 * same recorded data. Both databases are served by a Worker started here and announced as `npm start` announces
 * itself, so the commands work through it (as they do beside a running npm start) and no extra runtime starts.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeServerFile } from '../../scripts/local-state.js';
import { startLocalWorker, type LocalWorker } from '../../src/cli/local-worker.ts';
import { ARTICLES } from '../fixtures/articles.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const cli = (args: string[]) => run(process.execPath, [path.join(ROOT, 'bin', 'onestory.js'), ...args], { cwd: ROOT, maxBuffer: 64 << 20 });

type Listed = { stories: { id: string; title: string; coverage: { title: string }[] }[] };
/** Each story as its titles, canonical first: comparable across databases whatever the story ids. */
const titles = async (w: LocalWorker) =>
  ((await (await w.fetch('/api/v1/stories?limit=100')).json()) as Listed).stories.map((s) => [s.title, ...s.coverage.map((c) => c.title)].join(' + ')).sort();

let tmp: string;
const workers: LocalWorker[] = [];

/** A Worker on a fresh state folder, announced there as a running `npm start`. */
async function serve(name: string): Promise<{ dir: string; worker: LocalWorker }> {
  const dir = path.join(tmp, name);
  const token = `token-${name}`;
  const worker = await startLocalWorker(dir, { adminToken: token });
  workers.push(worker);
  writeServerFile(dir, { pid: process.pid, port: Number(new URL(worker.url).port), url: worker.url, token });
  return { dir, worker };
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'onestory-overrides-cli-'));
});

afterAll(async () => {
  for (const w of workers) await w.stop();
  await rm(tmp, { recursive: true, force: true });
});

describe('onestory overrides', () => {
  it("carries an editor's merge to a database rebuilt from the same data: export, import, replay", async () => {
    const dump = path.join(tmp, 'articles.jsonl');
    await writeFile(dump, ARTICLES.map((a) => JSON.stringify({ id: a.id, source: a.source.name, published_iso: a.published_iso, url: a.url, title: a.title, body: a.body })).join('\n'));
    const old = await serve('old');
    await cli(['replay', '--persist-to', old.dir, dump]);
    const { stories } = (await (await old.worker.fetch('/api/v1/stories?limit=100')).json()) as Listed;
    const id = (start: string) => stories.find((s) => s.title.startsWith(start))!.id;
    await old.worker.call('/overrides', { action: 'merge', story: id('Bitcoin ETFs'), into: id('Tidecoin'), note: 'one treasury story' });
    const edited = await titles(old.worker);
    expect(edited).toContain('Bitcoin ETFs take in $1.2 billion in a day, the most since launch + Tidecoin sells 600 bitcoin from its reserve to fund Paraguay expansion');

    const exported = await cli(['overrides', 'export', '--persist-to', old.dir]);
    expect(JSON.parse(exported.stdout).overrides).toMatchObject([{ action: 'merge', note: 'one treasury story' }]);
    expect(exported.stderr).toMatch(/^\[overrides\] exported 1$/m);
    const file = path.join(tmp, 'overrides.json');
    await writeFile(file, exported.stdout);

    const fresh = await serve('fresh');
    const imported = await cli(['overrides', 'import', file, '--persist-to', fresh.dir]);
    expect(imported.stderr).toMatch(/^\[overrides\] imported 1, 0 already here/m);
    await cli(['replay', '--persist-to', fresh.dir, dump]);
    expect(await titles(fresh.worker)).toEqual(edited);
    expect((await cli(['overrides', 'import', file, '--persist-to', fresh.dir])).stderr).toMatch(/^\[overrides\] imported 0, 1 already here/m);
  }, 240_000);

  it('refuses an import file that is not an export, with a usage error', async () => {
    const file = path.join(tmp, 'not-an-export.json');
    await writeFile(file, '{"stories": []}');
    const err = await cli(['overrides', 'import', file, '--persist-to', path.join(tmp, 'unused')]).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/is not what `onestory overrides export` prints/);
  });
});
