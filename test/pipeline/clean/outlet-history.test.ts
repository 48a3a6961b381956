import { describe, expect, it } from 'vitest';
import { clean } from '../../../src/pipeline/clean/index.ts';
import { carriesStoryFacts, HISTORY_ITEMS, passages } from '../../../src/pipeline/clean/outlet-history.ts';
import { OutletMemory } from '../../../src/pipeline/clean/outlet-memory.ts';
import { BACKGROUND, OUTLET_ITEMS, PITCH } from '../../fixtures/outlet-history.ts';

/** Cleans the items in order through one memory, as the Worker and `onestory clean FILE.jsonl` do. */
function cleanInOrder(items = OUTLET_ITEMS) {
  const memory = new OutletMemory();
  return items.map((it) => {
    const keys = passages(it.body).map((p) => p.key);
    const out = clean(it.body, { title: it.title, source: it.source, history: memory.history(it.source, keys) });
    memory.record(it.source, keys);
    return out;
  });
}

describe('outlet history', () => {
  it("removes a passage that stood in three of the outlet's earlier items, saying so", () => {
    const out = cleanInOrder();
    expect(out[2].text).toContain(PITCH); // seen in two earlier items only
    expect(out[3].text).not.toContain(PITCH);
    const learned = out[3].removed.find((r) => r.rule === 'outlet-boilerplate')!;
    expect(learned.text).toBe(PITCH);
    expect(learned.why).toBe("repeats in 3 of this outlet's last 3 items");
  });

  it("never removes a repeated passage that carries the headline's figures or names", () => {
    const items = [...OUTLET_ITEMS, { ...OUTLET_ITEMS[3], id: 'ledger-5' }, { ...OUTLET_ITEMS[3], id: 'ledger-6' }];
    const out = cleanInOrder(items);
    expect(carriesStoryFacts(BACKGROUND, items[5].title)).toBe(true);
    expect(out[5].text).toContain(BACKGROUND);
    expect(out[5].text).not.toContain(PITCH);
  });

  it("keeps another outlet's items apart, and forgets items beyond the window", () => {
    const memory = new OutletMemory();
    const keys = passages(PITCH).map((p) => p.key);
    for (let i = 0; i < 3; i++) memory.record('Other Outlet', keys);
    expect(memory.history('Ledger Letter', keys).items).toBe(0);
    for (let i = 0; i < HISTORY_ITEMS; i++) memory.record('Ledger Letter', passages(`Unrelated item number ${i} about the markets today.`).map((p) => p.key));
    for (let i = 0; i < 3; i++) memory.record('Ledger Letter', keys);
    expect(memory.history('Ledger Letter', keys)).toMatchObject({ items: HISTORY_ITEMS, counts: new Map([[keys[0], 3]]) });
  });
});
