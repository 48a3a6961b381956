/**
 * The command line's way into the Worker: start the real Worker (src/index.ts) in workerd with a local D1,
 * exactly as `npm start` does, and drive its token-guarded /admin routes. Replay and `cluster` therefore run
 * the Worker's own code on the Worker's own database engine.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** `npm start`'s port when PORT is not set (scripts/start.js). */
export const DEFAULT_PORT = 8787;
/** Where `wrangler dev` keeps local state by default: replay writes where `npm start` reads. */
export const DEFAULT_PERSIST_DIR = path.join(PROJECT_ROOT, '.wrangler', 'state');

export function wranglerBin(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');
}

/** Applies migrations/ to the local D1 under `persistTo` (the same command `npm start` runs). */
export function applyLocalMigrations(persistTo: string): void {
  const r = spawnSync(process.execPath, [wranglerBin(), 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`applying migrations failed:\n${r.stdout}\n${r.stderr}`);
}

const RESTART_RETRIES = 3; // attempts at one admin call when the local runtime restarts mid-request

export interface LocalWorker {
  call<T>(route: string, body?: unknown): Promise<T>; // no body: a GET
  /** A plain request to the Worker (its public routes, or /__scheduled when started with `testScheduled`). */
  fetch(route: string, init?: RequestInit): Promise<Response>;
  url: string;
  stop(): Promise<void>;
}

export interface LocalWorkerOptions {
  vars?: Record<string, string>; // extra Worker variables (tests: SOURCES_JSON, FETCH_TIMEOUT_MS)
  testScheduled?: boolean; // expose /__scheduled, as `npm start` does
  adminToken?: string; // the /admin bearer token (default: a random one); tests type it into the inspector's editor form
}

export async function startLocalWorker(persistTo: string, opts: LocalWorkerOptions = {}): Promise<LocalWorker> {
  applyLocalMigrations(persistTo);
  const { unstable_dev } = await import('wrangler');
  const token = opts.adminToken ?? randomUUID();
  const worker = await unstable_dev(path.join(PROJECT_ROOT, 'src', 'index.ts'), {
    config: path.join(PROJECT_ROOT, 'wrangler.toml'),
    local: true,
    persistTo,
    vars: { ...opts.vars, ADMIN_TOKEN: token },
    logLevel: process.env.ONESTORY_DEBUG ? 'debug' : 'error',
    ip: '127.0.0.1',
    experimental: { disableExperimentalWarning: true, watch: false, testMode: false, testScheduled: opts.testScheduled ?? false },
  });
  const url = `http://${worker.address}:${worker.port}`;
  return {
    call: adminCaller((route, init) => worker.fetch(`http://127.0.0.1/admin${route}`, init), token),
    fetch: (route, init) => fetch(`${url}${route}`, init),
    url,
    stop: () => worker.stop(),
  };
}

const BUSY_BACKOFF_MS = 500; // another runtime held the database's write lock: give it a moment

/**
 * POSTs JSON to the token-guarded /admin routes (a call without a body is a GET: GET /admin/overrides). They are
 * idempotent, so a request is sent again when workerd restarted under it (503) or the database was locked by another
 * process (SQLITE_BUSY).
 */
type AdminPost = (
  route: string,
  init: { method: 'POST' | 'GET'; headers: Record<string, string>; body?: string },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export function adminCaller(post: AdminPost, token: string): LocalWorker['call'] {
  return async function call<T>(route: string, body?: unknown): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const res = await post(
        route,
        body === undefined
          ? { method: 'GET', headers: { authorization: `Bearer ${token}` } }
          : { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) },
      );
      const text = await res.text();
      if (res.ok) return JSON.parse(text) as T;
      if (attempt < RESTART_RETRIES && (res.status === 503 || /SQLITE_BUSY/.test(text))) {
        await new Promise((r) => setTimeout(r, BUSY_BACKOFF_MS * attempt));
        continue;
      }
      throw new Error(`worker answered ${res.status} to ${route}: ${text.slice(0, 500)}`);
    }
  };
}
