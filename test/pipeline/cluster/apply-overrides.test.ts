/**
 * An editor's overrides applied by placement itself: the same stories placed again (a replay into an empty store, in
 * publication order) come out as the editor left them, and later arrivals respect them.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/pipeline/cluster/memory-store.ts';
import { OverrideRules, splitStoryId, type OverrideRecord } from '../../../src/pipeline/cluster/overrides.ts';
import { placeStory, type StoryInput } from '../../../src/pipeline/cluster/place-story.ts';
import { at, BACKGROUND, HACK_REPORT_A, HACK_REPORT_B, MINER_SALE_COPY, MINER_SALE_ORIGINAL, SOLANA_ETF, SOLANA_OUTAGE } from './fixtures.ts';

const ALL = [...BACKGROUND, HACK_REPORT_A, HACK_REPORT_B, MINER_SALE_ORIGINAL, MINER_SALE_COPY, SOLANA_OUTAGE, SOLANA_ETF];
/** A third outlet's copy of the first hack report, published after both: it matches both write-ups. */
const HACK_COPY: StoryInput = { ...HACK_REPORT_A, id: 'hack-copy', sourceId: 'relaywire', tier: 'aggregator', publishedAt: at(260) };

async function place(stories: StoryInput[], overrides: OverrideRecord[] = []) {
  const store = new MemoryStore();
  store.overrides.push(...overrides);
  const why = new Map<string, string>();
  for (const s of [...stories].sort((a, b) => a.publishedAt - b.publishedAt)) why.set(s.id, (await placeStory(s, store)).why);
  const assign = store.assignments();
  const together = (a: string, b: string) => assign.get(a) === assign.get(b);
  const cluster = async (id: string) => (await store.clusters([assign.get(id)!]))[0];
  return { store, assign, together, cluster, why };
}

let n = 0;
const record = (r: Partial<OverrideRecord> & Pick<OverrideRecord, 'action'>): OverrideRecord => ({ id: `ov-${++n}`, createdAt: 1000 + n, item: null, story: [], into: [], ...r });

describe('placement under editorial overrides', () => {
  it('places exactly as the clustering decides when no override names the stories', async () => {
    const plain = await place([...ALL, HACK_COPY]);
    const other = await place([...ALL, HACK_COPY], [record({ action: 'hide', story: ['not-here'] })]);
    expect(other.assign).toEqual(plain.assign);
    expect(plain.together('hack-a', 'hack-b')).toBe(true);
    expect(plain.together('sol-outage', 'sol-etf')).toBe(false);
  });

  it('keeps merged stories together when placed again, and later arrivals matching either join the merged one', async () => {
    const merge = record({ action: 'merge', story: ['sol-outage'], into: ['sol-etf'] });
    const again = await place(ALL, [merge]);
    expect(again.together('sol-outage', 'sol-etf')).toBe(true);
    expect(again.why.get('sol-etf')).toMatch(/as an editor's override tied it there/);
    const copy: StoryInput = { ...SOLANA_OUTAGE, id: 'outage-copy', sourceId: 'relaywire', publishedAt: at(340) };
    const later = await place([...ALL, copy], [merge]);
    expect(later.together('outage-copy', 'sol-etf')).toBe(true);
    expect((await later.cluster('sol-etf')).size).toBe(3);
  });

  it('keeps a split item out of its old story even when it matches it, and never lets a third story bridge them', async () => {
    const split = record({ action: 'split', item: 'hack-b', story: ['hack-a'] });
    const again = await place([...ALL, HACK_COPY], [split]);
    expect(again.together('hack-a', 'hack-b')).toBe(false);
    expect(again.assign.get('hack-b')).toBe(splitStoryId('hack-b')); // the same id in every database
    expect(again.together('hack-copy', 'hack-a')).toBe(true); // a copy of the first report
    expect(again.why.get('hack-copy')).toMatch(/kept out of .* by an editor's split/);
  });

  it('puts an item split into another story there when placed again', async () => {
    const split = record({ action: 'split', item: 'hack-b', story: ['hack-a'], into: ['miner-sale', 'miner-sale-copy'] });
    const again = await place([...ALL, HACK_COPY], [split]);
    expect(again.together('hack-b', 'miner-sale')).toBe(true);
    expect(again.together('hack-b', 'hack-a')).toBe(false);
    expect(again.together('hack-copy', 'hack-a')).toBe(true);
  });

  it('keeps a pinned canonical when members join, until a later split takes it out', async () => {
    const pin = record({ action: 'pin', item: 'hack-b', story: [] });
    const pinned = await place([...ALL, HACK_COPY], [pin]);
    const c = await pinned.cluster('hack-a');
    expect(c.size).toBe(3);
    expect(c.canonicalId).toBe('hack-b'); // the clustering alone picks hack-a (first report)
    expect(c.canonical!.pinned).toBe(pin.id);
    const split = record({ action: 'split', item: 'hack-b', story: ['hack-a', 'hack-copy'] });
    const after = await place([...ALL, HACK_COPY], [pin, split]);
    expect((await after.cluster('hack-a')).canonicalId).toBe('hack-a');
  });

  it('keeps a hidden story hidden when new members join', async () => {
    const hide = record({ action: 'hide', story: ['hack-a', 'hack-b'] });
    const again = await place([...ALL, HACK_COPY], [hide]);
    const c = await again.cluster('hack-a');
    expect(c.size).toBe(3);
    expect(c.hidden).toBe(true);
    expect((await again.cluster('miner-sale')).hidden).toBe(false);
  });

  it('lets the later override win: a split item merged back belongs with its old story again', async () => {
    const split = record({ action: 'split', item: 'hack-b', story: ['hack-a'] });
    const mergeBack = record({ action: 'merge', story: ['hack-b'], into: ['hack-a'] });
    const again = await place([...ALL, HACK_COPY], [split, mergeBack]);
    expect(again.together('hack-a', 'hack-b')).toBe(true);
    expect(again.together('hack-copy', 'hack-b')).toBe(true);
  });
});

describe('OverrideRules', () => {
  it('answers a pair by the latest override naming both', () => {
    const rules = new OverrideRules([
      record({ action: 'merge', story: ['a', 'b'], into: ['c'] }),
      record({ action: 'split', item: 'b', story: ['a', 'c'], into: ['d'] }),
    ]);
    expect(rules.relation('a', 'c')).toBe('together');
    expect(rules.relation('a', 'b')).toBe('apart');
    expect(rules.relation('b', 'd')).toBe('together');
    expect(rules.relation('a', 'd')).toBeNull();
    expect(rules.peers('b')).toEqual(['d']);
    expect(rules.ownStory('b')).toBeNull();
  });

  it('takes the latest pin among a story, and forgets a pin or a hide of an item split out after it', () => {
    const pinA = record({ action: 'pin', item: 'a' });
    const hide = record({ action: 'hide', story: ['a', 'b'] });
    const pinB = record({ action: 'pin', item: 'b' });
    const splitB = record({ action: 'split', item: 'b', story: ['a'] });
    expect(new OverrideRules([pinA, pinB]).pinnedIn(['a', 'b'])?.id).toBe(pinB.id);
    expect(new OverrideRules([pinA, pinB, splitB]).pinnedIn(['a', 'b'])?.id).toBe(pinA.id);
    expect(new OverrideRules([hide, splitB]).hiddenBy(['b'])).toBeNull();
    expect(new OverrideRules([hide, splitB]).hiddenBy(['b', 'x'])).toBeNull();
    expect(new OverrideRules([hide, splitB]).hiddenBy(['a'])?.id).toBe(hide.id);
  });
});
