import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/pipeline/cluster/memory-store.ts';
import { storeContract } from './store-contract.ts';

storeContract('in-memory', () => new MemoryStore());

describe('MemoryStore', () => {
  it('resolves an old cluster id through a chain of merges', async () => {
    const store = new MemoryStore();
    const c = (id: string, mergedInto: string | null) => ({ id, canonicalId: id, mergedInto, firstPublishedAt: 0, lastPublishedAt: 0, size: 1, canonical: null });
    const s = { id: 'x', clusterId: 'c', publishedAt: 0, sourceId: 'o', tier: 'original' as const, kind: null, title: 't', fingerprint: 'f' };
    await store.commit({ story: s, keys: [], terms: [], clusters: [c('a', 'b'), c('b', 'c'), c('c', null)], moves: [] });
    expect(store.resolve('a')).toBe('c');
    expect(store.resolve('c')).toBe('c');
  });
});
