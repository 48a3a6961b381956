import { describe, expect, it } from 'vitest';
import { mergeStretches, recordStretches, STRETCH_BUCKETS_MS, STRETCH_KEPT_MS, stretchBegins, stretchEnds, stretchHistogram, stretchMark, stretchNote } from '../../src/ingest/stretches.ts';

describe('recordStretches', () => {
  it('measures each stretch from the end of one yield to the start of the next, with its parts in order', () => {
    let now = 100;
    const stop = recordStretches(() => now);
    now += 3;
    stretchEnds(); // the first stretch: from the start of recording
    now += 50; // the yield itself is not counted
    stretchBegins();
    now += 2;
    stretchMark('d1 all: SELECT 1');
    now += 30;
    stretchMark('js after d1 all');
    now += 1;
    stretchEnds();
    const got = stop();
    expect(got.ms).toEqual([3, 33]);
    expect(got.long).toEqual([{ ms: 33, parts: [['resume', 2], ['d1 all: SELECT 1', 30], ['js after d1 all', 1]] }]);
    expect(got.byPart['d1 all: SELECT N']).toEqual([1, 30, 30]);
  });

  it('keeps parts only for stretches of at least the kept length, and merges repeated labels', () => {
    let now = 0;
    const stop = recordStretches(() => now);
    stretchMark('a');
    now += STRETCH_KEPT_MS - 1;
    stretchEnds();
    stretchBegins();
    stretchMark('b');
    now += STRETCH_KEPT_MS;
    stretchMark('b');
    now += 1;
    const got = stop(); // stopping ends the stretch under way
    expect(got.ms).toEqual([STRETCH_KEPT_MS - 1, STRETCH_KEPT_MS + 1]);
    expect(got.long).toEqual([{ ms: STRETCH_KEPT_MS + 1, parts: [['resume', 0], ['b', STRETCH_KEPT_MS + 1]] }]);
  });

  it('records nothing when not asked to, and notes count beside the parts', () => {
    stretchMark('x');
    stretchEnds();
    stretchNote('sql: x', 5);
    let now = 0;
    const stop = recordStretches(() => now);
    stretchNote('sql in a batch: INSERT 7', 2);
    now += 4;
    const got = stop();
    expect(got.ms).toEqual([4]);
    expect(got.byPart['sql in a batch: INSERT N']).toEqual([1, 2, 2]);
  });
});

describe('stretchHistogram and mergeStretches', () => {
  it('counts each stretch in the first bucket whose bound holds it, the rest beyond the last bound', () => {
    const h = stretchHistogram([0.5, 1, 1.5, 30, 5000]);
    expect(h.counts.length).toBe(STRETCH_BUCKETS_MS.length + 1);
    expect(h.counts[0]).toBe(2);
    expect(h.counts[1]).toBe(1);
    expect(h.counts[STRETCH_BUCKETS_MS.indexOf(50)]).toBe(1);
    expect(h.counts.at(-1)).toBe(1);
    expect(h.max).toBe(5000);
  });

  it('merges requests: every length, every kept stretch, the parts summed', () => {
    const a = { ms: [1], long: [], byPart: { x: [1, 1, 1] as [number, number, number] } };
    const b = { ms: [25], long: [{ ms: 25, parts: [['x', 25]] as [string, number][] }], byPart: { x: [1, 25, 25] as [number, number, number] } };
    expect(mergeStretches([a, b])).toEqual({ ms: [1, 25], long: b.long, byPart: { x: [2, 26, 25] } });
  });
});
