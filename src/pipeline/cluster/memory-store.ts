/** An in-memory ClusterStore for tests, the evaluation and `onestory cluster`: maps standing in for D1's indexes. */
import type { OverrideRecord } from './overrides.ts';
import type { CandidateHit, ClusterStore, PlacementWrite, StoredCluster, StoredStory } from './store.ts';

export class MemoryStore implements ClusterStore {
  private readonly df = new Map<string, number>();
  private total = 0;
  private readonly bands = new Map<string, { itemId: string; publishedAt: number }[]>();
  private readonly items = new Map<string, StoredStory>();
  private readonly byCluster = new Map<string, Set<string>>();
  private readonly clusterRows = new Map<string, StoredCluster>();
  private readonly times: number[] = []; // publication times, ascending: the items_published_idx stand-in
  /** Editorial overrides placement applies (tests set them; the evaluation and `onestory cluster` have none). */
  readonly overrides: OverrideRecord[] = [];

  async frequencies(terms: string[]) {
    const df = new Map<string, number>();
    for (const t of terms) {
      const n = this.df.get(t);
      if (n !== undefined) df.set(t, n);
    }
    return { total: this.total, df };
  }

  async candidates(keys: string[], from: number, to: number, limit: number): Promise<CandidateHit[]> {
    const hits = new Map<string, number>();
    for (const k of new Set(keys)) {
      for (const row of this.bands.get(k) ?? []) {
        if (row.publishedAt >= from && row.publishedAt <= to) hits.set(row.itemId, (hits.get(row.itemId) ?? 0) + 1);
      }
    }
    return [...hits]
      .map(([itemId, n]) => ({ itemId, hits: n }))
      .sort((a, b) => b.hits - a.hits || (a.itemId < b.itemId ? -1 : 1))
      .slice(0, limit);
  }

  async countPublished(from: number, to: number): Promise<number> {
    return lowerBound(this.times, to + 1) - lowerBound(this.times, from);
  }

  async stories(ids: string[]): Promise<StoredStory[]> {
    return ids.flatMap((id) => (this.items.has(id) ? [{ ...this.items.get(id)! }] : []));
  }

  async members(clusterIds: string[]): Promise<StoredStory[]> {
    return clusterIds.flatMap((c) => [...(this.byCluster.get(c) ?? [])].map((id) => ({ ...this.items.get(id)! })));
  }

  async clusters(ids: string[]): Promise<StoredCluster[]> {
    return ids.flatMap((id) => (this.clusterRows.has(id) ? [structuredClone(this.clusterRows.get(id)!)] : []));
  }

  async commit(w: PlacementWrite): Promise<void> {
    const previous = this.items.get(w.story.id);
    if (previous) this.byCluster.get(previous.clusterId)?.delete(previous.id);
    this.items.set(w.story.id, { ...w.story });
    this.setCluster(w.story.id, w.story.clusterId);
    for (const k of w.keys) {
      const rows = this.bands.get(k) ?? [];
      if (!rows.some((r) => r.itemId === w.story.id)) rows.push({ itemId: w.story.id, publishedAt: w.story.publishedAt });
      this.bands.set(k, rows);
    }
    if (!previous) {
      this.times.splice(lowerBound(this.times, w.story.publishedAt), 0, w.story.publishedAt);
      this.total++;
      for (const t of new Set(w.terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    for (const m of w.moves) {
      for (const id of [...(this.byCluster.get(m.from) ?? [])]) {
        this.items.get(id)!.clusterId = m.to;
        this.setCluster(id, m.to);
      }
      this.byCluster.delete(m.from);
    }
    for (const c of w.clusters) this.clusterRows.set(c.id, structuredClone(c));
  }

  async overridesFor(itemIds: string[]): Promise<OverrideRecord[]> {
    const ids = new Set(itemIds);
    return this.overrides.filter((r) => (r.item && ids.has(r.item)) || r.story.some((i) => ids.has(i)) || r.into.some((i) => ids.has(i)));
  }

  /** Every story with the id of the live cluster it belongs to (for the evaluation and the CLI). */
  assignments(): Map<string, string> {
    return new Map([...this.items.values()].map((s) => [s.id, s.clusterId]));
  }

  /** Follows `mergedInto` to the live cluster: how an old id resolves. */
  resolve(clusterId: string): string {
    let id = clusterId;
    for (let row = this.clusterRows.get(id); row?.mergedInto; row = this.clusterRows.get(id)) id = row.mergedInto;
    return id;
  }

  private setCluster(itemId: string, clusterId: string): void {
    const set = this.byCluster.get(clusterId) ?? new Set<string>();
    set.add(itemId);
    this.byCluster.set(clusterId, set);
  }
}

/** The first index whose value is >= x in an ascending array. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
