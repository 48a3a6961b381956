/**
 * An in-memory StorylineStore for tests, the evaluation and `onestory cluster`: it reads stories and events through
 * the MemoryStore the clustering wrote (as D1 joins items and clusters), and keeps anchors and storylines in maps.
 */
import type { MemoryStore } from '../cluster/memory-store.ts';
import type { StoredStory } from '../cluster/store.ts';
import type { AnchorHit, LinkWhy, StoredStoryline, StorylineStore, StorylineWrite } from './store.ts';

interface AnchorRow {
  itemId: string;
  publishedAt: number;
  key: string;
  group: string;
  weight: number;
}

export class MemoryStorylineStore implements StorylineStore {
  private readonly anchors = new Map<string, AnchorRow[]>(); // key -> rows: the (key, published_at) index stand-in
  private readonly lineOf = new Map<string, string>(); // cluster id -> storyline id (clusters.storyline_id)
  private readonly whyOf = new Map<string, LinkWhy>();
  private readonly rows = new Map<string, StoredStoryline>();

  constructor(private readonly clusters: MemoryStore) {}

  async anchorHits(keys: string[], from: number, to: number, limit: number): Promise<AnchorHit[]> {
    const rows = [...new Set(keys)].flatMap((k) => (this.anchors.get(k) ?? []).filter((r) => r.publishedAt >= from && r.publishedAt <= to));
    rows.sort((a, b) => b.publishedAt - a.publishedAt || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : a.key < b.key ? -1 : 1));
    const stories = new Map((await this.clusters.stories([...new Set(rows.slice(0, limit).map((r) => r.itemId))])).map((s) => [s.id, s]));
    return rows.slice(0, limit).flatMap((r) => {
      const s = stories.get(r.itemId);
      if (!s) return [];
      return [{ ...r, sourceId: s.sourceId, kind: s.kind, clusterId: s.clusterId, storylineId: this.lineOf.get(s.clusterId) ?? null }];
    });
  }

  stories(ids: string[]): Promise<StoredStory[]> {
    return this.clusters.stories(ids);
  }

  countPublished(from: number, to: number): Promise<number> {
    return this.clusters.countPublished(from, to);
  }

  async eventStorylines(clusterIds: string[]): Promise<Map<string, string | null>> {
    return new Map(clusterIds.map((c) => [c, this.lineOf.get(c) ?? null]));
  }

  async storylines(ids: string[]): Promise<StoredStoryline[]> {
    return ids.flatMap((id) => (this.rows.has(id) ? [{ ...this.rows.get(id)! }] : []));
  }

  async commit(w: StorylineWrite): Promise<void> {
    for (const a of w.story.anchors) {
      const rows = this.anchors.get(a.key) ?? [];
      if (!rows.some((r) => r.itemId === w.story.id)) rows.push({ itemId: w.story.id, publishedAt: w.story.publishedAt, key: a.key, group: a.group, weight: a.weight });
      this.anchors.set(a.key, rows);
    }
    for (const s of w.storylines) this.rows.set(s.id, { ...s });
    for (const m of w.moves) {
      for (const [c, line] of this.lineOf) if (line === m.from) this.lineOf.set(c, m.to);
    }
    for (const l of w.links) {
      this.lineOf.set(l.clusterId, l.storylineId);
      if (l.why) this.whyOf.set(l.clusterId, l.why);
    }
  }

  /** Every live event with its storyline (for the evaluation and the CLI); events in no storyline are left out. */
  assignments(): Map<string, string> {
    const live = new Set(this.clusters.assignments().values());
    return new Map([...this.lineOf].filter(([c]) => live.has(c)));
  }

  /** Why an event joined its storyline. */
  why(clusterId: string): LinkWhy | null {
    return this.whyOf.get(clusterId) ?? null;
  }

  /** Follows `mergedInto` to the live storyline. */
  resolve(id: string): string {
    let cur = id;
    for (let row = this.rows.get(cur); row?.mergedInto; row = this.rows.get(cur)) cur = row.mergedInto;
    return cur;
  }
}
