/**
 * The behaviour every ClusterStore must have, as a reusable suite: the in-memory store runs it here, and a
 * D1 store can run it in the worker project (`storeContract('d1', () => new D1ClusterStore(env.DB))`).
 */
import { describe, expect, it } from 'vitest';
import type { ClusterStore, PlacementWrite, StoredCluster, StoredStory } from '../../../src/pipeline/cluster/store.ts';

const HOUR = 3600_000;

function story(id: string, clusterId: string, publishedAt: number, sourceId = 'outlet'): StoredStory {
  return { id, clusterId, publishedAt, sourceId, tier: 'original', kind: 'news', title: `title of ${id}`, fingerprint: `fp:${id}` };
}

function cluster(id: string, canonicalId: string, t: number, size = 1): StoredCluster {
  return { id, canonicalId, mergedInto: null, firstPublishedAt: t, lastPublishedAt: t, size, canonical: null };
}

function write(s: StoredStory, keys: string[], terms: string[], clusters: StoredCluster[], moves: PlacementWrite['moves'] = []): PlacementWrite {
  return { story: s, keys, terms, clusters, moves };
}

export function storeContract(name: string, make: () => ClusterStore | Promise<ClusterStore>): void {
  describe(`ClusterStore contract: ${name}`, () => {
    it('counts documents and term frequencies once per committed story', async () => {
      const store = await make();
      await store.commit(write(story('a', 'a', 0), [], ['w:tether', 'w:gold'], [cluster('a', 'a', 0)]));
      await store.commit(write(story('b', 'b', HOUR), [], ['w:tether'], [cluster('b', 'b', HOUR)]));
      const f = await store.frequencies(['w:tether', 'w:gold', 'w:unseen']);
      expect(f.total).toBe(2);
      expect(f.df.get('w:tether')).toBe(2);
      expect(f.df.get('w:gold')).toBe(1);
      expect(f.df.has('w:unseen')).toBe(false);
    });

    it('finds candidates by shared keys inside the time window only, most shared keys first', async () => {
      const store = await make();
      await store.commit(write(story('one', 'one', 0), ['k1'], [], [cluster('one', 'one', 0)]));
      await store.commit(write(story('two', 'two', HOUR), ['k1', 'k2'], [], [cluster('two', 'two', HOUR)]));
      await store.commit(write(story('old', 'old', -100 * HOUR), ['k1', 'k2'], [], [cluster('old', 'old', -100 * HOUR)]));
      const hits = await store.candidates(['k1', 'k2', 'k3'], -HOUR, 2 * HOUR, 10);
      expect(hits).toEqual([
        { itemId: 'two', hits: 2 },
        { itemId: 'one', hits: 1 },
      ]);
      expect(await store.candidates(['k1', 'k2'], -HOUR, 2 * HOUR, 1)).toEqual([{ itemId: 'two', hits: 2 }]);
    });

    it('counts stories published in a window, bounds included', async () => {
      const store = await make();
      for (const [id, t] of [['p', 0], ['q', HOUR], ['r', 5 * HOUR]] as const) {
        await store.commit(write(story(id, id, t), [], [], [cluster(id, id, t)]));
      }
      expect(await store.countPublished(0, HOUR)).toBe(2);
      expect(await store.countPublished(2 * HOUR, 4 * HOUR)).toBe(0);
    });

    it('returns stories, members and clusters by id, and leaves unknown ids out', async () => {
      const store = await make();
      await store.commit(write(story('a', 'a', 0), [], [], [cluster('a', 'a', 0)]));
      await store.commit(write(story('b', 'a', HOUR), [], [], [cluster('a', 'a', 0, 2)]));
      expect((await store.stories(['b', 'nope'])).map((s) => s.id)).toEqual(['b']);
      expect((await store.stories(['b']))[0]).toMatchObject({ clusterId: 'a', fingerprint: 'fp:b', sourceId: 'outlet' });
      expect((await store.members(['a'])).map((s) => s.id).sort()).toEqual(['a', 'b']);
      expect((await store.clusters(['a', 'nope'])).map((c) => [c.id, c.size])).toEqual([['a', 2]]);
    });

    it('applies a merge: members move to the survivor, the merged cluster keeps its row with mergedInto', async () => {
      const store = await make();
      await store.commit(write(story('a', 'a', 0), [], [], [cluster('a', 'a', 0)]));
      await store.commit(write(story('b', 'b', HOUR), [], [], [cluster('b', 'b', HOUR)]));
      await store.commit(
        write(story('c', 'a', 2 * HOUR), [], [], [cluster('a', 'a', 0, 3), { ...cluster('b', 'b', HOUR), mergedInto: 'a' }], [{ from: 'b', to: 'a' }]),
      );
      expect((await store.members(['a'])).map((s) => s.id).sort()).toEqual(['a', 'b', 'c']);
      expect(await store.members(['b'])).toEqual([]);
      expect((await store.clusters(['b']))[0].mergedInto).toBe('a');
    });
  });
}
