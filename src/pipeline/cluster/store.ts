/**
 * ClusterStore: everything clustering reads and writes, shaped for D1. Every read is one indexed query
 * (a list parameter can be passed as one JSON string and expanded with `json_each(?)`, which keeps
 * any list under D1's 100 bound parameters); all writes of one placement are one `batch`.
 *
 * Tables it assumes (src/db/schema.ts): items (id, cluster_id, published_at, source_id, kind, fingerprint,
 * ...), clusters (id, canonical_item_id, merged_into, first/last_published_at, canonical_reason),
 * lsh_bands (key, item_id, published_at; index on key), term_stats (term PRIMARY KEY, df) and a counter
 * of documents (e.g. a term_stats row with a reserved term).
 */
import type { Kind, Tier } from '../types.ts';
import type { CanonicalChoice } from '../choose-canonical.ts';
import type { OverrideRecord } from './overrides.ts';

/** One placed story as stored: enough to verify a candidate and score a canonical without its text. */
export interface StoredStory {
  id: string;
  clusterId: string;
  publishedAt: number; // ms since epoch
  sourceId: string;
  tier: Tier;
  kind: Kind | null;
  title: string; // shown in `why` and the inspector
  fingerprint: string; // encodeFingerprint(...)
  url?: string | null; // the article URL: the same URL from two sources is one story
  ownsUrl?: boolean; // the URL lies on the source's own site (its own article, not one it lists)
}

export interface StoredCluster {
  id: string;
  canonicalId: string;
  mergedInto: string | null; // set when this cluster was merged: its id still resolves
  firstPublishedAt: number;
  lastPublishedAt: number;
  size: number;
  canonical: CanonicalChoice | null; // the explained score, for the inspector and the API
  hidden?: boolean; // an editor hid it (see overrides.ts); written with the cluster, absent: not hidden
}

export interface CandidateHit {
  itemId: string;
  hits: number; // keys shared with the query
}

/** All writes of one placement, applied together (one D1 batch). */
export interface PlacementWrite {
  story: StoredStory;
  keys: string[]; // LSH keys to insert as (key, story.id, story.publishedAt)
  terms: string[]; // df += 1 for each, and documents += 1
  clusters: StoredCluster[]; // upserts: the story's cluster, and every cluster merged into it
  moves: { from: string; to: string }[]; // UPDATE items SET cluster_id = to WHERE cluster_id = from
}

export interface ClusterStore {
  /** `SELECT term, df FROM term_stats WHERE term IN (...)` plus the document counter. */
  frequencies(terms: string[]): Promise<{ total: number; df: Map<string, number> }>;
  /**
   * Items sharing any key, published in [from, to], most shared keys first, at most `limit`:
   * `SELECT item_id, count(*) hits FROM lsh_bands WHERE key IN (...) AND published_at BETWEEN ? AND ?
   *  GROUP BY item_id ORDER BY hits DESC, item_id LIMIT ?`
   */
  candidates(keys: string[], from: number, to: number, limit: number): Promise<CandidateHit[]>;
  /** How many stories were published in [from, to]: `SELECT count(*) FROM items WHERE published_at BETWEEN ? AND ?` (indexed). */
  countPublished(from: number, to: number): Promise<number>;
  /** Stories by id (missing ids are left out). */
  stories(ids: string[]): Promise<StoredStory[]>;
  /** Members of clusters, by current cluster id (`WHERE cluster_id IN (...)`, indexed). */
  members(clusterIds: string[]): Promise<StoredStory[]>;
  /** Clusters by id, merged ones included as they are (the caller follows `mergedInto`). */
  clusters(ids: string[]): Promise<StoredCluster[]>;
  commit(write: PlacementWrite): Promise<void>;
  /**
   * Every editorial override naming any of these items, each with all the items it names (see overrides.ts). A store
   * without it places stories as the clustering alone decides.
   */
  overridesFor?(itemIds: string[]): Promise<OverrideRecord[]>;
}
