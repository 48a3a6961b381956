/**
 * The clustering stage's store on D1. Each read is one indexed query (lists travel as one JSON parameter
 * expanded with json_each, so no statement nears D1's 100-parameter limit); each placement's writes are one batch.
 */
import { scoreWrite } from './story-score.ts';
import type { CanonicalChoice } from '../pipeline/choose-canonical.ts';
import type { OverrideRecord } from '../pipeline/cluster/overrides.ts';
import type { CandidateHit, ClusterStore, PlacementWrite, StoredCluster, StoredStory } from '../pipeline/cluster/store.ts';
import { ownsUrl } from '../pipeline/site.ts';
import type { Kind, Tier } from '../pipeline/types.ts';
import { overridesNaming } from './queries/overrides.ts';
import { UNMERGED } from './client.ts';

/** The term_stats row that counts documents; '\u0001' cannot start a feature term. */
export const DOCUMENTS_TERM = '\u0001documents';

type StoryRow = {
  id: string;
  cluster_id: string;
  published_at: number;
  source_id: string;
  tier: Tier | null;
  kind: Kind | null;
  title: string;
  fingerprint: string;
  url: string;
  homepage: string | null;
  feed_url: string | null;
};
type ClusterRow = {
  id: string;
  canonical_item_id: string;
  merged_into: string | null;
  first_published_at: number;
  last_published_at: number;
  size: number;
  canonical_reason: string | null;
  hidden: number;
};

const STORY_COLUMNS = `i.id, i.cluster_id, i.published_at, i.source_id, s.tier, i.kind, i.title, i.fingerprint, i.url, s.homepage, s.feed_url`;

export class D1ClusterStore implements ClusterStore {
  /**
   * Stories this store has written: the storyline stage reads the placed story back right after, and needs no query
   * for it. A store serves one placement (process-article makes one an item), so nothing here goes stale.
   */
  private readonly written = new Map<string, StoredStory>();

  /** Whether commit's batch has landed (its `alongside` writes with it). */
  committed = false;

  /**
   * `alongside`: the placed item's other writes (its cleaned text, its outlet's passages), sent first in the
   * placement's batch: one round trip and one transaction instead of one each. Every write of a transaction is
   * committed at once, so a page two of them touch (the item's row, its text's overflow pages) is written once.
   */
  constructor(
    private readonly d1: D1Database,
    private readonly now: () => number = Date.now,
    private readonly alongside: D1PreparedStatement[] = [],
  ) {}

  async frequencies(terms: string[]): Promise<{ total: number; df: Map<string, number> }> {
    const results = await this.read<{ term: string; df: number }>(
      this.d1.prepare(`SELECT term, df FROM term_stats WHERE term IN (SELECT value FROM json_each(?1)) OR term = ?2`).bind(JSON.stringify(terms), DOCUMENTS_TERM),
    );
    const df = new Map<string, number>();
    let total = 0;
    for (const r of results) {
      if (r.term === DOCUMENTS_TERM) total = r.df;
      else df.set(r.term, r.df);
    }
    return { total, df };
  }

  async candidates(keys: string[], from: number, to: number, limit: number): Promise<CandidateHit[]> {
    if (!keys.length) return [];
    const { results } = await this.d1
      .prepare(
        `SELECT item_id, count(*) AS hits FROM lsh_bands
         WHERE key IN (SELECT value FROM json_each(?1)) AND published_at BETWEEN ?2 AND ?3
         GROUP BY item_id ORDER BY hits DESC, item_id LIMIT ?4`,
      )
      .bind(JSON.stringify(keys), from, to, limit)
      .all<{ item_id: string; hits: number }>();
    return results.map((r) => ({ itemId: r.item_id, hits: r.hits }));
  }

  async countPublished(from: number, to: number): Promise<number> {
    const [row] = await this.read<{ n: number }>(
      this.d1.prepare(`SELECT count(*) AS n FROM items WHERE published_at BETWEEN ?1 AND ?2 AND cluster_id IS NOT NULL`).bind(from, to),
    );
    return row?.n ?? 0;
  }

  async stories(ids: string[]): Promise<StoredStory[]> {
    const known = ids.filter((id) => this.written.has(id)).map((id) => this.written.get(id)!);
    const rest = ids.filter((id) => !this.written.has(id));
    if (!rest.length) return known;
    const { results } = await this.d1
      .prepare(
        `SELECT ${STORY_COLUMNS} FROM items i LEFT JOIN sources s ON s.id = i.source_id
         WHERE i.id IN (SELECT value FROM json_each(?1)) AND i.cluster_id IS NOT NULL AND i.fingerprint IS NOT NULL`,
      )
      .bind(JSON.stringify(rest))
      .all<StoryRow>();
    return [...known, ...results.map(toStory)];
  }

  async members(clusterIds: string[]): Promise<StoredStory[]> {
    if (!clusterIds.length) return [];
    const { results } = await this.d1
      .prepare(
        `SELECT ${STORY_COLUMNS} FROM items i LEFT JOIN sources s ON s.id = i.source_id
         WHERE i.cluster_id IN (SELECT value FROM json_each(?1)) AND i.fingerprint IS NOT NULL`,
      )
      .bind(JSON.stringify(clusterIds))
      .all<StoryRow>();
    return results.map(toStory);
  }

  async clusters(ids: string[]): Promise<StoredCluster[]> {
    if (!ids.length) return [];
    const { results } = await this.d1
      .prepare(
        `SELECT id, canonical_item_id, merged_into, first_published_at, last_published_at, size, canonical_reason, hidden
         FROM clusters WHERE id IN (SELECT value FROM json_each(?1))`,
      )
      .bind(JSON.stringify(ids))
      .all<ClusterRow>();
    return results.map((r) => ({
      id: r.id,
      canonicalId: r.canonical_item_id,
      mergedInto: r.merged_into,
      firstPublishedAt: r.first_published_at,
      lastPublishedAt: r.last_published_at,
      size: r.size,
      canonical: r.canonical_reason ? (JSON.parse(r.canonical_reason) as CanonicalChoice) : null,
      hidden: !!r.hidden,
    }));
  }

  overridesFor(itemIds: string[]): Promise<OverrideRecord[]> {
    return overridesNaming(this.d1, itemIds);
  }

  /**
   * Reads asked for in one turn go to D1 together, as one batch: one round trip, where each costs the Worker's thread
   * far more than its SQL (placement asks for the term counts and the crowd of its window at once). A read asked for
   * alone goes alone.
   */
  private read<T>(statement: D1PreparedStatement): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      this.asked.push({ statement, resolve: resolve as (rows: unknown[]) => void, reject });
      if (this.asked.length === 1) queueMicrotask(() => void this.sendAsked());
    });
  }

  private asked: { statement: D1PreparedStatement; resolve: (rows: unknown[]) => void; reject: (err: unknown) => void }[] = [];

  private async sendAsked(): Promise<void> {
    const asked = this.asked;
    this.asked = [];
    try {
      if (asked.length === 1) asked[0].resolve((await asked[0].statement.all()).results);
      else (await this.d1.batch(asked.map((a) => a.statement))).forEach((r, i) => asked[i].resolve(r.results));
    } catch (err) {
      for (const a of asked) a.reject(err);
    }
  }

  async commit(w: PlacementWrite): Promise<void> {
    const now = this.now();
    const s = w.story;
    const stmts: D1PreparedStatement[] = [
      ...this.alongside,
      this.d1
        .prepare(`UPDATE items SET cluster_id = ?2, fingerprint = ?3, kind = ?4, status = 'ready', updated_at = ?5 WHERE id = ?1`)
        .bind(s.id, s.clusterId, s.fingerprint, s.kind, now),
      this.d1
        .prepare(`INSERT OR IGNORE INTO lsh_bands (key, item_id, published_at) SELECT value, ?2, ?3 FROM json_each(?1)`)
        .bind(JSON.stringify(w.keys), s.id, s.publishedAt),
      this.d1
        .prepare(
          `INSERT INTO term_stats (term, df, updated_at) SELECT value, 1, ?2 FROM json_each(?1) WHERE true
           ON CONFLICT(term) DO UPDATE SET df = df + 1, updated_at = excluded.updated_at`,
        )
        .bind(JSON.stringify([...new Set(w.terms), DOCUMENTS_TERM]), now),
    ];
    for (const m of w.moves) {
      stmts.push(this.d1.prepare(`UPDATE items SET cluster_id = ?2, updated_at = ?3 WHERE cluster_id = ?1`).bind(m.from, m.to, now));
    }
    stmts.push(...clusterWrites(this.d1, w.clusters, now));
    await this.d1.batch(stmts);
    this.committed = true;
    this.written.set(s.id, s);
  }
}

/** The copy of each named story's canonical member's public fields (unmerged stories only), by primary key. */
export const CANONICAL_COPY_SQL = `UPDATE clusters SET (title, url, source_id, published_at, kind, coins, summary) =
  (SELECT title, url, source_id, published_at, coalesce(kind, 'news'), coin_list, clean_summary FROM items WHERE items.id = clusters.canonical_item_id)
WHERE id IN (SELECT value FROM json_each(?1)) AND ${UNMERGED}`;

/**
 * Upserts of cluster rows and the copy of their canonical member's public fields: shared by placement and by the
 * editorial overrides (src/ingest/overrides.ts), which rewrite clusters without placing a story.
 */
export function clusterWrites(d1: D1Database, clusters: StoredCluster[], now: number): D1PreparedStatement[] {
  const stmts: D1PreparedStatement[] = [];
  for (const c of clusters) {
    // sort_key and created_at are set once: the cursor order of a story never changes after it appears.
    stmts.push(
      d1
        .prepare(
          `INSERT INTO clusters (id, canonical_item_id, size, sort_key, first_published_at, last_published_at, created_at, updated_at, merged_into, canonical_reason, hidden)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?10)
           ON CONFLICT(id) DO UPDATE SET canonical_item_id = excluded.canonical_item_id, size = excluded.size,
             first_published_at = excluded.first_published_at, last_published_at = excluded.last_published_at,
             updated_at = excluded.updated_at, merged_into = excluded.merged_into, canonical_reason = excluded.canonical_reason,
             hidden = excluded.hidden`,
        )
        .bind(c.id, c.canonicalId, c.size, Math.min(c.firstPublishedAt, now), c.firstPublishedAt, c.lastPublishedAt, now, c.mergedInto, c.canonical ? JSON.stringify(c.canonical) : null, c.hidden ? 1 : 0),
    );
  }
  // The story's public fields are its canonical member's: copied so a page of stories is one query.
  stmts.push(d1.prepare(CANONICAL_COPY_SQL).bind(JSON.stringify(clusters.map((c) => c.id))));
  // and how much each matters (sort=top), from its members as they now are: after the copy, which sets its kind
  stmts.push(scoreWrite(d1, clusters.map((c) => c.id)));
  return stmts;
}

function toStory(r: StoryRow): StoredStory {
  return {
    id: r.id,
    clusterId: r.cluster_id,
    publishedAt: r.published_at,
    sourceId: r.source_id,
    tier: r.tier ?? 'aggregator',
    kind: r.kind,
    title: r.title,
    fingerprint: r.fingerprint,
    url: r.url,
    ownsUrl: ownsUrl(r.url, [r.homepage, r.feed_url]),
  };
}
