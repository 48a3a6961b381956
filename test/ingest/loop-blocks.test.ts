import { describe, expect, it } from 'vitest';
import { LOOP_BLOCK_REPORTED_MS, LOOP_TICK_MS, mergeBlocks, summarizeBlocks, watchLoopBlocks } from '../../src/ingest/loop-blocks.ts';

/** A hand-driven clock and timer queue: `hold(ms)` is the thread busy for ms, then the due timer fires. */
function fakeLoop() {
  let now = 0;
  let pending: (() => void) | null = null;
  return {
    clock: () => now,
    schedule: (f: () => void) => void (pending = f),
    turn(heldMs: number) {
      now += LOOP_TICK_MS + heldMs;
      const f = pending;
      pending = null;
      f?.();
    },
  };
}

describe('watchLoopBlocks', () => {
  it('reports the longest time a tick fired late, and counts only blocks over the budget', () => {
    const loop = fakeLoop();
    const stop = watchLoopBlocks(loop.clock, loop.schedule);
    for (const held of [0, 3, LOOP_BLOCK_REPORTED_MS + 5, 1, 180, 0]) loop.turn(held);
    expect(stop()).toEqual({ ticks: 6, maxBlockMs: 180, blocksOverMs: 2, overMs: LOOP_BLOCK_REPORTED_MS });
  });

  it('stops rescheduling once stopped', () => {
    const loop = fakeLoop();
    const stop = watchLoopBlocks(loop.clock, loop.schedule);
    loop.turn(0);
    const got = stop();
    loop.turn(500); // the tick already queued fires, sees it was stopped, and records nothing
    expect(got.ticks).toBe(1);
    expect(stop().maxBlockMs).toBe(0);
  });
});

describe('summarizeBlocks and mergeBlocks', () => {
  it('an empty watch reports no block', () => {
    expect(summarizeBlocks([])).toEqual({ ticks: 0, maxBlockMs: 0, blocksOverMs: 0, overMs: LOOP_BLOCK_REPORTED_MS });
  });

  it('merging takes the longest block and adds the counts', () => {
    const merged = mergeBlocks([summarizeBlocks([1, 30, 2]), summarizeBlocks([90, 25])]);
    expect(merged).toEqual({ ticks: 5, maxBlockMs: 90, blocksOverMs: 3, overMs: LOOP_BLOCK_REPORTED_MS });
  });
});
