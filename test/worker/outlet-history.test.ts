/** The Worker learns an outlet's boilerplate from its own history in D1, and says so on the member. */
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { readOutletHistory, recordOutletPassages } from '../../src/db/outlet-passages.ts';
import { HISTORY_ITEMS } from '../../src/pipeline/clean/outlet-history.ts';
import { OUTLET_ITEMS, PITCH } from '../fixtures/outlet-history.ts';
import { seed } from './seed.ts';

const SOURCE = { id: 'ledger-letter', name: 'Ledger Letter', homepage: 'https://ledger-letter.test/', feedUrl: '', tier: 'original' as const, fullText: true, configured: false };

describe('outlet history in D1', () => {
  it("removes the pitch from the outlet's fourth item, with the evidence, and keeps it in the first three", async () => {
    const ids = await seed(
      OUTLET_ITEMS.map((it, i) => ({ id: it.id, source: SOURCE, url: `https://ledger-letter.test/${it.id}`, title: it.title, published_iso: `2026-03-1${i}T08:00:00Z`, body: it.body })),
    );
    const memberOf = async (id: string) => {
      const { stories } = (await (await exports.default.fetch('http://onestory.test/api/v1/stories?limit=100')).json()) as { stories: { id: string }[] };
      for (const s of stories) {
        const detail = (await (await exports.default.fetch(`http://onestory.test/api/v1/stories/${s.id}`)).json()) as { members: { item_id: string; text: string; removed: { rule: string; why?: string }[] }[] };
        const m = detail.members.find((x) => x.item_id === ids.get(id));
        if (m) return m;
      }
      throw new Error(`no member ${id}`);
    };
    expect((await memberOf('ledger-3')).text).toContain(PITCH);
    const fourth = await memberOf('ledger-4');
    expect(fourth.text).not.toContain(PITCH);
    expect(fourth.removed.find((r) => r.rule === 'outlet-boilerplate')?.why).toBe("repeats in 3 of this outlet's last 3 items");
  });

  it('counts over the last items of one source only, and deletes rows beyond the window', async () => {
    await env.DB.prepare(`INSERT INTO sources (id, name, homepage, feed_url, tier) VALUES ('s1', 'S1', '', '', 'original'), ('s2', 'S2', '', '', 'original')`).run();
    let seq = 0;
    for (let i = 0; i < HISTORY_ITEMS + 5; i++) {
      const { seq: at } = await readOutletHistory(env.DB, 's1', []);
      await recordOutletPassages(env.DB, 's1', at, i < 5 ? ['old'] : ['new', `own-${i}`]);
      seq = at + 1;
    }
    await recordOutletPassages(env.DB, 's2', 0, ['new']);
    const read = await readOutletHistory(env.DB, 's1', ['old', 'new']);
    expect(read.seq).toBe(seq);
    expect(read.history.items).toBe(HISTORY_ITEMS);
    expect(read.history.counts.get('new')).toBe(HISTORY_ITEMS);
    expect(read.history.counts.has('old')).toBe(false);
    const rows = await env.DB.prepare(`SELECT count(*) AS n FROM outlet_passages WHERE source_id = 's1' AND key = 'old'`).first<{ n: number }>();
    expect(rows!.n).toBe(0);
  });
});
