/**
 * The storyline stage's store on D1. Stories and the crowd are read as the clustering stage reads them (its store is
 * passed in); anchors, an event's storyline and storylines are one indexed query each; the writes are one batch.
 */
import type { ClusterStore, StoredStory } from '../pipeline/cluster/store.ts';
import { UNMERGED } from './client.ts';
import type { AnchorHit, LinkWhy, OverrideWhy, StoredStoryline, StorylineStore, StorylineWrite } from '../pipeline/storyline/store.ts';

type HitRow = {
  item_id: string;
  key: string;
  grp: string;
  weight: number;
  published_at: number;
  source_id: string;
  kind: string | null;
  cluster_id: string;
  storyline_id: string | null;
};
/** Marks every unmerged event of the named storylines as changed, found through clusters_storyline_idx (see UNMERGED). */
export const STORYLINE_TOUCH_SQL = `UPDATE clusters SET updated_at = ?2 WHERE storyline_id IN (SELECT value FROM json_each(?1)) AND ${UNMERGED}`;

type StorylineRow = { id: string; merged_into: string | null; first_published_at: number; last_published_at: number };

export class D1StorylineStore implements StorylineStore {
  private readonly held: D1PreparedStatement[] = [];

  /** `defer`: commit keeps its statements for the caller's own batch (takeWrites) instead of running them. */
  constructor(
    private readonly d1: D1Database,
    private readonly clusters: ClusterStore,
    private readonly now: () => number = Date.now,
    private readonly defer = false,
  ) {}

  /** The statements a deferred commit kept, once. */
  takeWrites(): D1PreparedStatement[] {
    return this.held.splice(0);
  }

  async anchorHits(keys: string[], from: number, to: number, limit: number): Promise<AnchorHit[]> {
    if (!keys.length) return [];
    // story_anchors by its (key, published_at) key; the story and its event by primary key
    const { results } = await this.d1
      .prepare(
        `SELECT a.item_id, a.key, a.grp, a.weight, a.published_at, i.source_id, i.kind, i.cluster_id, c.storyline_id
         FROM story_anchors a JOIN items i ON i.id = a.item_id JOIN clusters c ON c.id = i.cluster_id
         WHERE a.key IN (SELECT value FROM json_each(?1)) AND a.published_at BETWEEN ?2 AND ?3
         ORDER BY a.published_at DESC, a.item_id, a.key LIMIT ?4`,
      )
      .bind(JSON.stringify(keys), from, to, limit)
      .all<HitRow>();
    return results.map((r) => ({
      itemId: r.item_id,
      key: r.key,
      group: r.grp,
      weight: r.weight,
      publishedAt: r.published_at,
      sourceId: r.source_id,
      kind: r.kind,
      clusterId: r.cluster_id,
      storylineId: r.storyline_id,
    }));
  }

  stories(ids: string[]): Promise<StoredStory[]> {
    return this.clusters.stories(ids);
  }

  countPublished(from: number, to: number): Promise<number> {
    return this.clusters.countPublished(from, to);
  }

  async eventStorylines(clusterIds: string[]): Promise<Map<string, string | null>> {
    if (!clusterIds.length) return new Map();
    const { results } = await this.d1
      .prepare(`SELECT id, storyline_id FROM clusters WHERE id IN (SELECT value FROM json_each(?1))`)
      .bind(JSON.stringify(clusterIds))
      .all<{ id: string; storyline_id: string | null }>();
    return new Map(results.map((r) => [r.id, r.storyline_id]));
  }

  async storylines(ids: string[]): Promise<StoredStoryline[]> {
    if (!ids.length) return [];
    const { results } = await this.d1
      .prepare(`SELECT id, merged_into, first_published_at, last_published_at FROM storylines WHERE id IN (SELECT value FROM json_each(?1))`)
      .bind(JSON.stringify(ids))
      .all<StorylineRow>();
    return results.map((r) => ({ id: r.id, mergedInto: r.merged_into, firstPublishedAt: r.first_published_at, lastPublishedAt: r.last_published_at }));
  }

  async commit(w: StorylineWrite): Promise<void> {
    const stmts = storylineWrites(this.d1, w, this.now());
    if (this.defer) this.held.push(...stmts);
    else if (stmts.length) await this.d1.batch(stmts);
  }
}

/**
 * The statements that write a storyline change: the story's anchors (when it has a story), the storylines, the
 * events moved and linked. Placement commits them on their own; an editor's merge adds them to its batch.
 */
export function storylineWrites(
  d1: D1Database,
  w: Omit<StorylineWrite, 'story' | 'links'> & { story?: StorylineWrite['story']; links: { clusterId: string; storylineId: string; why: LinkWhy | OverrideWhy | null }[] },
  now: number,
): D1PreparedStatement[] {
  const stmts: D1PreparedStatement[] = [];
  if (w.story?.anchors.length) {
    stmts.push(
      d1
        .prepare(
          `INSERT OR IGNORE INTO story_anchors (key, published_at, item_id, grp, weight)
           SELECT json_extract(value, '$.key'), ?2, ?1, json_extract(value, '$.group'), json_extract(value, '$.weight') FROM json_each(?3)`,
        )
        .bind(w.story.id, w.story.publishedAt, JSON.stringify(w.story.anchors)),
    );
  }
  for (const s of w.storylines) {
    stmts.push(
      d1
        .prepare(
          `INSERT INTO storylines (id, merged_into, first_published_at, last_published_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)
           ON CONFLICT(id) DO UPDATE SET merged_into = excluded.merged_into, first_published_at = excluded.first_published_at,
             last_published_at = excluded.last_published_at, updated_at = excluded.updated_at`,
        )
        .bind(s.id, s.mergedInto, s.firstPublishedAt, s.lastPublishedAt, now),
    );
  }
  for (const m of w.moves) {
    stmts.push(d1.prepare(`UPDATE clusters SET storyline_id = ?2, updated_at = ?3 WHERE storyline_id = ?1`).bind(m.from, m.to, now));
  }
  for (const l of w.links) {
    stmts.push(
      d1
        .prepare(`UPDATE clusters SET storyline_id = ?2, storyline_why = coalesce(?3, storyline_why) WHERE id = ?1`)
        .bind(l.clusterId, l.storylineId, l.why ? JSON.stringify(l.why) : null),
    );
  }
  // every event of a storyline that gained events shows a new storyline: `updated_since` readers see it change
  const grown = w.storylines.filter((s) => !s.mergedInto).map((s) => s.id);
  if ((w.links.length || w.moves.length) && grown.length) {
    stmts.push(d1.prepare(STORYLINE_TOUCH_SQL).bind(JSON.stringify(grown), now));
  }
  return stmts;
}
