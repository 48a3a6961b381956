/**
 * The Worker through which the command line writes a local state folder (the one `npm start` serves). Two workerd
 * processes writing one SQLite file fail with SQLITE_BUSY, so (scripts/local-state.js):
 *   - when `npm start` serves the folder, its own Worker does the work, through its /admin routes;
 *   - otherwise a runtime of our own does, holding the folder's replay lock so that `npm start` waits for it.
 */
import { replayHolder, runningServer, takeReplayLock, type ServerInfo } from '../../scripts/local-state.js';
import { adminCaller, startLocalWorker, type LocalWorker } from './local-worker.ts';

const SERVER_READY_TIMEOUT_MS = 90_000; // a server still starting (bundling, migrations) gets as long as npm start gives it

export interface DatabaseWorker extends LocalWorker {
  /** The `npm start` whose Worker this is, or null for a runtime of our own. */
  server: ServerInfo | null;
}

export async function workerForDatabase(persistTo: string): Promise<DatabaseWorker> {
  const release = takeReplayLock(persistTo);
  if (!release) {
    throw new Error(`another \`onestory replay\` (pid ${replayHolder(persistTo)?.pid}) is writing ${persistTo}: run this one when it has finished`);
  }
  // Looked for after taking the lock: a server that announced itself before then is seen here, one after waits for us.
  const server = runningServer(persistTo);
  if (server) {
    release();
    await waitUntilServing(server);
    return {
      server,
      call: adminCaller((route, init) => fetch(`${server.url}/admin${route}`, init), server.token),
      fetch: (route, init) => fetch(`${server.url}${route}`, init),
      url: server.url,
      stop: async () => {},
    };
  }
  try {
    const own = await startLocalWorker(persistTo);
    return {
      ...own,
      server: null,
      stop: async () => {
        try {
          await own.stop();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

async function waitUntilServing(server: ServerInfo): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < SERVER_READY_TIMEOUT_MS) {
    try {
      if ((await fetch(`${server.url}/healthz`)).ok) return;
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`\`npm start\` (pid ${server.pid}) holds this database but does not answer on ${server.url}: stop it, or wait until it is up`);
}
