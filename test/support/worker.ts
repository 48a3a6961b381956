/** Starts the real Worker (workerd + a throwaway local D1) for a Node-side test, and waits on its state. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLocalWorker, type LocalWorker, type LocalWorkerOptions } from '../../src/cli/local-worker.ts';

export interface TestWorker extends LocalWorker {
  json<T = any>(route: string): Promise<T>;
  dispose(): Promise<void>;
}

export async function startTestWorker(opts: LocalWorkerOptions = {}): Promise<TestWorker> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onestory-test-'));
  const worker = await startLocalWorker(dir, opts);
  return {
    ...worker,
    async json(route) {
      const res = await worker.fetch(route);
      if (!res.ok) throw new Error(`${route} answered ${res.status}: ${await res.text()}`);
      return res.json();
    },
    async dispose() {
      await worker.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const t0 = Date.now();
  let last: unknown;
  while (Date.now() - t0 < timeoutMs) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
}
