/**
 * How long the Worker's thread was held at a stretch while something ran: a chain of short timers, each noting how
 * late it fired. In local workerd every isolate of the process (the HTTP Worker, a second Worker bound to it, the
 * local D1) shares one thread, so a reader waits for the longest such block whatever route it asked for: this is the
 * figure that bounds a reader's latency during a replay, where a per-stage timer sees only its own stage.
 *
 * Opt-in (a replay request asks for it): the timers are turns of the event loop, and a turn lets a waiting reader in,
 * so watching changes what is watched a little.
 */
export const LOOP_TICK_MS = 2; // the timer asked for; a block is the time past it
export const LOOP_BLOCK_REPORTED_MS = 20; // blocks longer than this are counted: the slice budget a reader can bear

export interface LoopBlocks {
  ticks: number; // timer turns observed
  maxBlockMs: number; // the longest time the thread was held past a tick's due time
  blocksOverMs: number; // how many blocks exceeded LOOP_BLOCK_REPORTED_MS
  overMs: number; // that threshold, echoed so a report names it
}

/** Summarizes the lateness of a chain of ticks: `late[i]` is how many ms after its due time tick i fired. */
export function summarizeBlocks(late: number[]): LoopBlocks {
  let max = 0;
  let over = 0;
  for (const l of late) {
    if (l > max) max = l;
    if (l > LOOP_BLOCK_REPORTED_MS) over++;
  }
  return { ticks: late.length, maxBlockMs: max, blocksOverMs: over, overMs: LOOP_BLOCK_REPORTED_MS };
}

/** Starts watching; the returned function stops and summarizes. `clock` and `schedule` are injectable for tests. */
export function watchLoopBlocks(
  clock: () => number = () => performance.now(),
  schedule: (f: () => void, ms: number) => unknown = (f, ms) => setTimeout(f, ms),
): () => LoopBlocks {
  const late: number[] = [];
  let stopped = false;
  let due = clock() + LOOP_TICK_MS;
  const tick = () => {
    if (stopped) return;
    const now = clock();
    late.push(Math.max(0, now - due));
    due = now + LOOP_TICK_MS;
    schedule(tick, LOOP_TICK_MS);
  };
  schedule(tick, LOOP_TICK_MS);
  return () => {
    stopped = true;
    return summarizeBlocks(late);
  };
}

/** Merges the summaries of several watched stretches (one replay = many requests). */
export function mergeBlocks(parts: LoopBlocks[]): LoopBlocks {
  return {
    ticks: parts.reduce((s, p) => s + p.ticks, 0),
    maxBlockMs: parts.reduce((m, p) => Math.max(m, p.maxBlockMs), 0),
    blocksOverMs: parts.reduce((s, p) => s + p.blocksOverMs, 0),
    overMs: LOOP_BLOCK_REPORTED_MS,
  };
}
