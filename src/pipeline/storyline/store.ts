/**
 * StorylineStore: everything linking events into storylines reads and writes, shaped for D1 like ClusterStore
 * (one indexed query a read, lists as one JSON parameter, one batch of writes).
 *
 * Tables it assumes (src/db/schema.ts): story_anchors (key, published_at, item_id, grp, weight; keyed by key and
 * time), clusters.storyline_id and clusters.storyline_why (an event's storyline and why it joined), storylines
 * (id, merged_into, first/last_published_at).
 */
import type { StoredStory } from '../cluster/store.ts';
import type { Anchor } from './anchors.ts';

/** One stored anchor row that matched a lookup, with the event its story belongs to now. */
export interface AnchorHit {
  itemId: string;
  sourceId: string;
  kind: string | null;
  publishedAt: number;
  clusterId: string; // the story's current event (cluster); merges move stories, so it is live
  storylineId: string | null; // that event's storyline
  key: string;
  group: string;
  weight: number;
}

export interface StoredStoryline {
  id: string;
  mergedInto: string | null; // set when merged into another storyline: its id still resolves
  firstPublishedAt: number; // of its earliest story seen when linking: the older storyline survives a merge
  lastPublishedAt: number;
}

/** Why an event is in its storyline: the pair of stories that linked it and what they share. */
export interface LinkWhy {
  itemId: string; // the story of this event...
  toItemId: string; // ...and the story of the other event it matched
  toClusterId: string;
  event: number; // cosine of same-event features
  bar: number; // the storyline bar it had to clear
  shared: string[]; // anchor keys both name ('w:zashi', 'n:$105m')
  things: number; // distinct names and figures among them
  weight: number; // their summed weight
}

/** Why an event is in a storyline when an editor's merge brought it there (src/ingest/overrides.ts), not a link. */
export interface OverrideWhy {
  override: string; // the override's id: undoing it takes the event out again
  merged: string[]; // the stories merged into this one that had the storyline
}

export interface StorylineWrite {
  story: { id: string; publishedAt: number; anchors: Anchor[] }; // rows to insert: (key, publishedAt, id, group, weight)
  links: { clusterId: string; storylineId: string; why: LinkWhy | null }[]; // an event joins a storyline
  storylines: StoredStoryline[]; // upserts: new ones, changed times, merged ones
  moves: { from: string; to: string }[]; // a storyline merged into another: every event of `from` to `to`
}

export interface StorylineStore {
  /**
   * Anchor rows with any of the keys, published in [from, to], newest first, at most `limit`, each with its story's
   * current event and that event's storyline (story_anchors joined to items and clusters, by primary keys).
   */
  anchorHits(keys: string[], from: number, to: number, limit: number): Promise<AnchorHit[]>;
  /** Placed stories by id, with their fingerprints (as ClusterStore.stories). */
  stories(ids: string[]): Promise<StoredStory[]>;
  /** Stories published in [from, to] (as ClusterStore.countPublished): sets the bar, as the crowd does for events. */
  countPublished(from: number, to: number): Promise<number>;
  /** The storyline of each event (null: none), by cluster id as stored, merged clusters included. */
  eventStorylines(clusterIds: string[]): Promise<Map<string, string | null>>;
  /** Storylines by id, merged ones as they are. */
  storylines(ids: string[]): Promise<StoredStoryline[]>;
  commit(write: StorylineWrite): Promise<void>;
}
