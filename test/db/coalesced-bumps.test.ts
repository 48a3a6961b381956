/** A batch's placements bump the serving version at most once a window, and once more at the batch's end if owed. */
import { describe, expect, it } from 'vitest';
import { BUMP_COALESCE_MS, coalescedBumps } from '../../src/db/serving-version.ts';

/** A D1 stand-in that counts the serving version's writes (the only statement a bump makes). */
function countingD1() {
  const tokens: string[] = [];
  const d1 = {
    prepare: () => ({ bind: (_key: string, token: string) => ({ token, run: async () => void tokens.push(token) }) }),
  } as unknown as D1Database;
  return { d1, tokens };
}

/** A placement as process-article makes it: the bump, if any, rides in its last batch, then lands. */
async function place(bumps: ReturnType<typeof coalescedBumps>): Promise<boolean> {
  const bump = bumps.next();
  if (!bump) return false;
  await (bump.statement as unknown as { run: () => Promise<void> }).run(); // the batch
  bump.landed();
  return true;
}

describe('coalescedBumps', () => {
  it('bumps for the first placement, not for a second within the window, and once at the flush for the second', async () => {
    const { d1, tokens } = countingD1();
    let now = 10_000;
    const bumps = coalescedBumps(d1, BUMP_COALESCE_MS, () => now);
    expect(await place(bumps)).toBe(true);
    now += BUMP_COALESCE_MS / 4;
    expect(await place(bumps)).toBe(false);
    expect(tokens).toHaveLength(1);
    await bumps.flush();
    expect(tokens).toHaveLength(2);
    await bumps.flush();
    expect(tokens, 'nothing owed: no bump').toHaveLength(2);
  });

  it('bumps again once the window has passed, covering the placements before it, and owes nothing then', async () => {
    const { d1, tokens } = countingD1();
    let now = 0;
    const bumps = coalescedBumps(d1, BUMP_COALESCE_MS, () => now);
    const bumped: boolean[] = [];
    for (let i = 0; i < 12; i++) {
      bumped.push(await place(bumps));
      now += BUMP_COALESCE_MS / 5; // five placements a window
    }
    expect(bumped.filter(Boolean).length).toBe(3); // at 0, 1000 and 2000 ms
    expect(bumped.slice(0, 6)).toEqual([true, false, false, false, false, true]);
    await bumps.flush();
    expect(tokens, 'the placements after the last bump are owed one').toHaveLength(4);
  });

  it('a bump whose batch failed does not count: the next placement bumps', async () => {
    const { d1, tokens } = countingD1();
    const bumps = coalescedBumps(d1, BUMP_COALESCE_MS, () => 5_000);
    expect(bumps.next()).not.toBeNull(); // its batch failed: never landed
    expect(await place(bumps)).toBe(true);
    expect(tokens).toHaveLength(1);
  });
});
