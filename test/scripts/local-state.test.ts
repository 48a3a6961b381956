/** Who writes a local state folder (scripts/local-state.js): npm start's announcement and replay's lock. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPLAY_LOCK, SERVER_FILE, removeServerFile, replayHolder, runningServer, takeReplayLock, writeServerFile } from '../../scripts/local-state.js';

/** The id of a process that has exited: nothing answers to it. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'onestory-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the replay lock', () => {
  it('is held by one replay at a time and free again once released', () => {
    const release = takeReplayLock(dir);
    expect(release).toBeTypeOf('function');
    expect(takeReplayLock(dir)).toBeNull();
    expect(replayHolder(dir)).toEqual({ pid: process.pid });
    release!();
    expect(replayHolder(dir)).toBeNull();
    const again = takeReplayLock(dir);
    expect(again).toBeTypeOf('function');
    again!();
  });

  it('is taken over from a replay that died holding it', async () => {
    await writeFile(path.join(dir, REPLAY_LOCK), JSON.stringify({ pid: deadPid() }));
    expect(replayHolder(dir)).toBeNull();
    const release = takeReplayLock(dir);
    expect(release).toBeTypeOf('function');
    release!();
  });
});

describe("npm start's announcement", () => {
  it('names a live server, ignores one whose process is gone, and is removed only by its own server', async () => {
    writeServerFile(dir, { pid: process.pid, port: 8899, url: 'http://127.0.0.1:8899', token: 't' });
    expect(runningServer(dir)).toMatchObject({ pid: process.pid, port: 8899 });
    removeServerFile(dir, process.pid + 1); // another process's clean-up leaves it
    expect(existsSync(path.join(dir, SERVER_FILE))).toBe(true);
    removeServerFile(dir);
    expect(runningServer(dir)).toBeNull();
    writeServerFile(dir, { pid: deadPid(), port: 8899, url: 'http://127.0.0.1:8899', token: 't' });
    expect(runningServer(dir)).toBeNull();
  });
});
