/** The serving cache's tally of how readers were answered (watch_reads on a replay request). */
import { describe, expect, it } from 'vitest';
import { describeReadTally, mergeReadTallies, noteRead, noteVersionRead, tallyReads } from '../../src/routes/read-tally.ts';

describe('tallyReads', () => {
  it('counts readers by how they were answered, with their mean and longest time, only while tallying', () => {
    noteRead('memory', 5, 'v0'); // before: not counted
    const stop = tallyReads();
    noteRead('memory', 0, 'v1');
    noteRead('memory', 2, 'v1');
    noteRead('rendered', 40, 'v2');
    noteRead('waited for another', 30, 'v2');
    noteVersionRead();
    const t = stop();
    noteRead('rendered', 99, 'v3'); // after: not counted
    expect(t.byOutcome.memory).toEqual([2, 2, 2]);
    expect(t.byOutcome.rendered).toEqual([1, 40, 40]);
    expect(t.byOutcome['waited for another']).toEqual([1, 30, 30]);
    expect(t.byOutcome['not modified']).toEqual([0, 0, 0]);
    expect(t.versionReadsFromD1).toBe(1);
    expect(t.versionsServed).toBe(2);
    expect(describeReadTally(t)).toBe(
      '4 cached-route readers: memory 50.0 % (2; mean 1.0 ms, max 2), waited for another 25.0 % (1; mean 30.0 ms, max 30), rendered 25.0 % (1; mean 40.0 ms, max 40); serving version read from D1 1x, 2 versions served',
    );
  });

  it("merges several requests' tallies: counts and times add, the longest is the longest of all", () => {
    const a = tallyReads();
    noteRead('rendered', 10, 'v1');
    const first = a();
    const b = tallyReads();
    noteRead('rendered', 25, 'v2');
    noteRead('shared cache', 3, 'v2');
    const second = b();
    const m = mergeReadTallies([first, second]);
    expect(m.byOutcome.rendered).toEqual([2, 35, 25]);
    expect(m.byOutcome['shared cache']).toEqual([1, 3, 3]);
    expect(m.versionsServed).toBe(2);
  });
});
