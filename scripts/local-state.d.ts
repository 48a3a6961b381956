/** Types for local-state.js (plain JavaScript: `npm start` imports it without a compile step). */
export interface ServerInfo {
  pid: number;
  port: number;
  url: string; // http://127.0.0.1:<port>
  token: string; // bearer token of this run's /admin
}
export const SERVER_FILE: string;
export const REPLAY_LOCK: string;
export function pidAlive(pid: number): boolean;
export function writeServerFile(dir: string, info: ServerInfo): void;
export function removeServerFile(dir: string, pid?: number): void;
export function runningServer(dir: string): ServerInfo | null;
export function replayHolder(dir: string): { pid: number } | null;
export function takeReplayLock(dir: string): (() => void) | null;
