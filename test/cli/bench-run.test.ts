/**
 * A bench redirected to a file leaves its figures there: every row as it is measured and the report at the end, or, if
 * the run is cut short or a section fails, the rows measured so far and what cut it short. (A serving bench run as
 * `bench serving > file` once left the file empty: its only write was the report at the very end.)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, open, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CHILD = path.join(ROOT, 'test', 'support', 'bench-child.ts');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'onestory-bench-run-'));
});

/** Runs the made-up sections with stdout redirected to a file; `cut` signals the run once it writes `waitFor` on stderr. */
async function benchToFile(sections: string[], cut?: { waitFor: string; signal: NodeJS.Signals }): Promise<{ code: number | null; signal: string | null; file: string }> {
  const file = path.join(tmp, `${sections.join('-')}-${Date.now()}.txt`);
  const handle = await open(file, 'w');
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...sections], { cwd: ROOT, stdio: ['ignore', handle.fd, 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => {
      stderr += d;
      if (cut && stderr.includes(cut.waitFor)) child.kill(cut.signal);
    });
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    return { code, signal, file: await readFile(file, 'utf8') };
  } finally {
    await handle.close();
  }
}

describe('the bench runner with stdout redirected to a file', () => {
  it('writes each row as it is measured and the report after them', async () => {
    const { code, file } = await benchToFile(['quick']);
    expect(code).toBe(0);
    expect(file).toContain('[quick] row one: 120 req/s\n[quick] row two: 80 req/s\n');
    expect(file).toMatch(/== quick \(made up\) \([\d.]+ s\) ==\nroute  req\/s\none    120\ntwo    80\n/);
    expect(file.indexOf('row two')).toBeLessThan(file.indexOf('== quick (made up)'));
  });

  it('leaves the rows measured so far and says it was cut short when a SIGTERM stops a section', async () => {
    const { code, file } = await benchToFile(['quick', 'stuck'], { waitFor: 'stuck: waiting', signal: 'SIGTERM' });
    expect(code).toBe(128 + 15);
    expect(file).toContain('== quick (made up)'); // the section before it, whole
    expect(file).toContain('[stuck] row before the wait: 95 req/s\n');
    expect(file).toMatch(/== stuck cut short by SIGTERM after [\d.]+ s: the lines above are what it measured ==/);
  });

  it('names a section that fails, with its error, keeps its rows, runs the next and exits 1', async () => {
    const { code, file } = await benchToFile(['broken', 'quick']);
    expect(code).toBe(1);
    expect(file).toContain('[broken] row before the failure: 60 req/s\n');
    expect(file).toMatch(/== broken FAILED after [\d.]+ s: Error: the local Worker did not start/);
    expect(file).toContain('== quick (made up)');
  });
});
