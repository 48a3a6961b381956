/**
 * Who writes the local D1 under a state folder (`.wrangler/state` by default). Each workerd process opens the
 * database's SQLite file itself, without a busy timeout, so a second process that writes while another holds the
 * write lock fails at once with SQLITE_BUSY (seen: `onestory replay` beside `npm start`, when a cron fired). So at
 * most one runtime writes a state folder:
 *   - `npm start` leaves onestory-server.json there (its pid, port and a per-run admin token): `onestory replay`
 *     then sends its work to that server's own Worker instead of starting a second runtime;
 *   - `onestory replay`, when it starts its own runtime, holds onestory-replay.lock: `npm start` waits for it.
 * Each side announces itself before it looks for the other, so whichever comes second sees the first.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SERVER_FILE = 'onestory-server.json';
export const REPLAY_LOCK = 'onestory-replay.lock';

/** True when a process with this id runs (ours or another user's). */
export function pidAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** `npm start`'s announcement: { pid, port, url, token }. Readable by its user only: the token opens /admin. */
export function writeServerFile(dir, info) {
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `${SERVER_FILE}.${process.pid}`);
  writeFileSync(temp, JSON.stringify(info), { mode: 0o600 });
  renameSync(temp, path.join(dir, SERVER_FILE)); // a reader sees the whole file or none
}

/** Removes the announcement if it is this process's own. */
export function removeServerFile(dir, pid = process.pid) {
  const file = path.join(dir, SERVER_FILE);
  if (readJson(file)?.pid === pid) rmSync(file, { force: true });
}

/** The `npm start` serving this state folder, or null (none, or one that died without cleaning up). */
export function runningServer(dir) {
  const info = readJson(path.join(dir, SERVER_FILE));
  if (!info || !pidAlive(info.pid) || typeof info.url !== 'string' || typeof info.token !== 'string') return null;
  return info;
}

/** The replay holding this state folder's lock: { pid }, or null. */
export function replayHolder(dir) {
  const info = readJson(path.join(dir, REPLAY_LOCK));
  return info && pidAlive(info.pid) ? info : null;
}

/**
 * Takes the replay lock: written whole under a private name, then linked into place, which fails when the lock
 * exists. A lock left by a dead process is taken over. Returns a release function, or null when a live replay holds it.
 */
export function takeReplayLock(dir) {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, REPLAY_LOCK);
  const temp = `${file}.${process.pid}`;
  writeFileSync(temp, JSON.stringify({ pid: process.pid }), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(temp, file);
        return () => {
          if (readJson(file)?.pid === process.pid) rmSync(file, { force: true });
        };
      } catch (err) {
        if (err.code !== 'EEXIST') throw err;
        if (replayHolder(dir)) return null;
        rmSync(file, { force: true }); // its process is gone
      }
    }
    return null;
  } finally {
    rmSync(temp, { force: true });
  }
}
