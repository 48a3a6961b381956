/** Types for dev-log.js (plain JavaScript so that `npm start` runs without a compile step). */
import type { Readable } from 'node:stream';

export const HOLD_MS: number;
export function workerdCause(detail: string): string;
export interface DevLog {
  stdout(line: string): void;
  stderr(line: string): void;
  close(): void;
}
export function createDevLog(write: { out: (line: string) => void; err: (line: string) => void }, opts?: { holdMs?: number }): DevLog;
export function pipeLines(stream: Readable, onLine: (line: string) => void): Promise<void>;
