/** The rolling document-frequency table: counts halve every DF_HALF_LIFE_DAYS, faded terms go. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS_TERM } from '../../src/db/cluster-store.ts';
import { DF_HALF_LIFE_DAYS, decayTermStats } from '../../src/ingest/decay-term-stats.ts';

const DAY = 86_400_000;
const df = async (term: string) => (await env.DB.prepare('SELECT df FROM term_stats WHERE term = ?1').bind(term).first<{ df: number }>())?.df;

describe('decayTermStats', () => {
  it('starts the clock on its first run, then decays whole days only', async () => {
    const t0 = Date.UTC(2026, 2, 1);
    await env.DB.batch([
      env.DB.prepare(`INSERT INTO term_stats (term, df, updated_at) VALUES ('w:lendvault', 40, 0), ('w:rare', 0.06, 0), (?1, 1000, 0)`).bind(DOCUMENTS_TERM),
    ]);
    expect(await decayTermStats(env.DB, t0)).toBe(0);
    expect(await df('w:lendvault')).toBe(40);
    expect(await decayTermStats(env.DB, t0 + 0.5 * DAY)).toBe(0); // less than a day: nothing
    expect(await decayTermStats(env.DB, t0 + DF_HALF_LIFE_DAYS * DAY + 3_600_000)).toBe(DF_HALF_LIFE_DAYS);
    expect(await df('w:lendvault')).toBeCloseTo(20, 6); // one half-life
    expect(await df(DOCUMENTS_TERM)).toBeCloseTo(500, 6); // the document count decays alike, so IDF stays a ratio
    expect(await df('w:rare')).toBeUndefined(); // faded below the floor: forgotten
    // the clock advanced by whole days: the next day decays again from there
    expect(await decayTermStats(env.DB, t0 + (DF_HALF_LIFE_DAYS + 1) * DAY)).toBe(1);
  });
});
