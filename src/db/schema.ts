/**
 * The single source of truth for onestory's D1 tables. Row types come from here
 * (`typeof items.$inferSelect`); migrations in migrations/ are generated from it by drizzle-kit.
 *
 * Times are integer milliseconds since the epoch (UTC). JSON columns hold arrays/objects written by
 * the pipeline; their shapes are the types named in the comments.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One outlet we read. Seeded from feeds/sources.json on every cron run; health columns are ours. */
export const sources = sqliteTable('sources', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  homepage: text('homepage').notNull(),
  feedUrl: text('feed_url').notNull(),
  tier: text('tier', { enum: ['original', 'aggregator', 'content_farm'] }).notNull(),
  fullText: integer('full_text', { mode: 'boolean' }).notNull().default(false),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  // conditional GET state
  etag: text('etag'),
  lastModified: text('last_modified'),
  // health
  lastFetchAt: integer('last_fetch_at'),
  lastSuccessAt: integer('last_success_at'),
  lastErrorAt: integer('last_error_at'),
  lastError: text('last_error'),
  lastErrorCode: text('last_error_code'),
  lastStatus: integer('last_status'),
  lastMessage: text('last_message'), // the last fetch's one-line result, e.g. '25 entries, 3 new, 1 skipped (...)'
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  itemsSeen: integer('items_seen').notNull().default(0),
  // left for later runs by the last run: feed entries over the per-run cap, items whose page waits (budget, slow host)
  entriesDeferred: integer('entries_deferred').notNull().default(0),
  pagesDeferred: integer('pages_deferred').notNull().default(0),
  // how many of its items have joined its passage history (outlet_passages): the sequence of the last one
  passageSeq: integer('passage_seq').notNull().default(0),
  updatedAt: integer('updated_at').notNull().default(sql`(unixepoch() * 1000)`),
});

/** One article as an outlet published it, after extraction, cleaning and labelling. */
export const items = sqliteTable(
  'items',
  {
    id: text('id').primaryKey(), // stable: hash of the source and the canonical URL (rows before 0002: of the URL alone)
    sourceId: text('source_id').notNull(), // the source that listed it: an item is never another source's
    url: text('url').notNull(),
    guid: text('guid'),
    title: text('title').notNull(),
    author: text('author'),
    publishedAt: integer('published_at').notNull(),
    fetchedAt: integer('fetched_at').notNull(),
    summary: text('summary'), // feed summary, plain text
    feedContent: text('feed_content'), // full text the feed carried (HTML), if any, capped
    // whether the article page is still to be fetched: 'wanted' until the feed consumer's page step has tried it (or
    // found the feed's text enough); the pipeline runs only on items that are not waiting for their page
    pageStatus: text('page_status', { enum: ['wanted', 'done', 'not_needed'] }).notNull().default('not_needed'),
    // pipeline results
    status: text('status', { enum: ['pending', 'ready', 'failed'] }).notNull().default('pending'),
    error: text('error'), // last processing error, recorded, never fatal
    attempts: integer('attempts').notNull().default(0), // pipeline runs that failed; the cron retries up to a cap
    textSource: text('text_source'), // 'feed' | 'page' | 'json-ld' | 'summary' ...
    rawText: text('raw_text'), // text before cleaning (what the inspector marks up)
    text: text('text'), // cleaned text
    removed: text('removed', { mode: 'json' }), // RemovedSpan[]
    coins: text('coins', { mode: 'json' }), // CoinTag[]
    coinList: text('coin_list').notNull().default(''), // ',BTC,ETH,': copied to the cluster when this item is canonical
    cleanSummary: text('clean_summary').notNull().default(''), // the first sentences of `text`, likewise
    kind: text('kind'),
    kindReasons: text('kind_reasons', { mode: 'json' }), // string[]
    fingerprint: text('fingerprint'), // encoded Fingerprint (see pipeline/fingerprint)
    clusterId: text('cluster_id'),
    similarity: integer('similarity_permille'), // similarity to the canonical when placed, 0..1000
    placement: text('placement', { mode: 'json' }), // why it joined its cluster
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('items_source_url_idx').on(t.sourceId, t.url),
    index('items_source_page_idx').on(t.sourceId, t.pageStatus, t.publishedAt),
    index('items_cluster_idx').on(t.clusterId),
    index('items_source_published_idx').on(t.sourceId, t.publishedAt),
    index('items_published_idx').on(t.publishedAt),
    index('items_status_idx').on(t.status),
  ],
);

/**
 * One event. Its id is the story id everywhere (RSS guid, API id). A merged cluster keeps its row
 * with `mergedInto` set, so an old id still resolves.
 */
export const clusters = sqliteTable(
  'clusters',
  {
    id: text('id').primaryKey(),
    canonicalItemId: text('canonical_item_id'),
    size: integer('size').notNull().default(0),
    // the canonical member, copied here so a page of stories is one indexed query
    title: text('title').notNull().default(''),
    url: text('url').notNull().default(''),
    sourceId: text('source_id').notNull().default(''),
    publishedAt: integer('published_at').notNull().default(0),
    kind: text('kind').notNull().default('news'),
    coins: text('coins').notNull().default(''), // ',BTC,ETH,' so a coin filter is a LIKE on one column
    summary: text('summary').notNull().default(''),
    // fixed when the cluster is created: the cursor key, so pages neither repeat nor skip
    sortKey: integer('sort_key').notNull(),
    firstPublishedAt: integer('first_published_at').notNull(),
    lastPublishedAt: integer('last_published_at').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    mergedInto: text('merged_into'),
    canonicalReason: text('canonical_reason', { mode: 'json' }), // CanonicalChoice
    // the member whose text and summary the story shows when the canonical is a teaser (null: the canonical's own)
    textItemId: text('text_item_id'),
    // the storyline this event belongs to (null: none), and why it joined (LinkWhy; null when it came with a merge)
    storylineId: text('storyline_id'),
    storylineWhy: text('storyline_why', { mode: 'json' }),
    // an editor hid it (an override of action 'hide' names one of its members): left out of the API lists, the feeds
    // and the inspector's list. Kept here, recomputed with the canonical, so a page of stories stays one query.
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    // how much the event matters before age is counted (src/pipeline/score.ts): distinct outlets, their tiers, how fast
    // coverage came; `sort=top` divides it by the story's age at read time. Reasons: ScoreReasons.
    score: real('score').notNull().default(0),
    scoreReasons: text('score_reasons', { mode: 'json' }),
  },
  (t) => [
    index('clusters_sort_idx').on(t.sortKey, t.id),
    // newest first is by the date shown (the canonical's), not by first-seen time
    index('clusters_published_idx').on(t.publishedAt, t.id),
    index('clusters_updated_idx').on(t.updatedAt),
    index('clusters_merged_idx').on(t.mergedInto),
    index('clusters_kind_idx').on(t.kind),
    index('clusters_storyline_idx').on(t.storylineId),
    // the stories the cron still has to score (rescoreUnscored): without it that query walks every unmerged story on
    // every run, and finds none once all are scored
    index('clusters_unscored_idx').on(t.id).where(sql`${t.scoreReasons} IS NULL`),
  ],
);

/**
 * A storyline: the events of one unfolding matter (an exploit, its refund plan, the arrest), linked by
 * src/pipeline/storyline/link-storyline.ts. Its events are the clusters whose storyline_id is its id; a merged
 * storyline keeps its row with `mergedInto` set, so its id still resolves.
 */
export const storylines = sqliteTable('storylines', {
  id: text('id').primaryKey(),
  mergedInto: text('merged_into'),
  firstPublishedAt: integer('first_published_at').notNull(), // the older storyline survives a merge
  lastPublishedAt: integer('last_published_at').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * The names and large figures of each story (src/pipeline/storyline/anchors.ts): a story finds the events of its
 * matter by one indexed lookup over a time window, as lsh_bands finds those of its happening.
 */
export const storyAnchors = sqliteTable(
  'story_anchors',
  {
    key: text('key').notNull(), // the same-event feature: 'w:zashi', 'n:$105m'
    publishedAt: integer('published_at').notNull(),
    itemId: text('item_id').notNull(),
    grp: text('grp').notNull(), // anchors of one name share it
    weight: real('weight').notNull(),
  },
  // by (key, published_at) as lsh_bands: the lookup asks for a window; nothing reads it by item
  (t) => [primaryKey({ columns: [t.key, t.publishedAt, t.itemId] })],
);

/** LSH band keys of each item's signatures: candidate lookup is an indexed equality search. */
export const lshBands = sqliteTable(
  'lsh_bands',
  {
    key: text('key').notNull(), // `${level}${band}:${hash}`
    itemId: text('item_id').notNull(),
    publishedAt: integer('published_at').notNull(),
  },
  // Keyed by (key, published_at): a key recurs across months (a coin, a common name), and candidate lookup asks for
  // one time window, so the window must be part of the index range, not a filter after reading every match.
  // No other index: this is the largest table (~50 rows a story) and each placement writes to it; nothing reads it by item.
  (t) => [primaryKey({ columns: [t.key, t.publishedAt, t.itemId] })],
);

/**
 * Rolling document frequency of same-event features (terms, entities, numbers), and the document count under a
 * reserved term. Counts decay by half every DF_HALF_LIFE_DAYS (src/ingest/decay-term-stats.ts): what outlets wrote
 * about last month counts less than what they write about today.
 */
export const termStats = sqliteTable('term_stats', {
  term: text('term').primaryKey(),
  df: real('df').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Each outlet's recent passages (sentences, keyed by their folded letters): what recurs across its last items is its
 * boilerplate (src/pipeline/clean/outlet-history.ts). Rows of items older than the window are deleted as new ones come.
 */
export const outletPassages = sqliteTable(
  'outlet_passages',
  {
    sourceId: text('source_id').notNull(),
    key: text('key').notNull(),
    seq: integer('seq').notNull(), // the item's place in its source's sequence (sources.passage_seq)
  },
  // by (source, key, seq) for counting a text's passages over a window; by (source, seq) for forgetting old items
  (t) => [primaryKey({ columns: [t.sourceId, t.key, t.seq] }), index('outlet_passages_seq_idx').on(t.sourceId, t.seq)],
);

/**
 * An editor's decision about stories (POST /admin/overrides): merge two stories, split an item out, pin a canonical,
 * hide a story. The story ids are the ones the editor named, for the record; what the override acts on is the items
 * in override_items, so it applies again wherever those items are placed (later arrivals, a replay into a fresh
 * database): src/pipeline/cluster/overrides.ts reads them.
 */
export const overrides = sqliteTable(
  'overrides',
  {
    id: text('id').primaryKey(),
    action: text('action', { enum: ['merge', 'split', 'pin', 'hide'] }).notNull(),
    storyId: text('story_id').notNull(), // merge: the story merged away; split: the story the item left; pin, hide: the story
    intoId: text('into_id'), // merge: the story kept; split: the story the item went into (null: a story of its own)
    itemId: text('item_id'), // split: the item taken out; pin: the item made canonical
    note: text('note').notNull().default(''), // the editor's words, plain text, at most NOTE_MAX_CHARS
    createdAt: integer('created_at').notNull(), // later overrides win over earlier ones about the same items
  },
  (t) => [index('overrides_created_idx').on(t.createdAt)],
);

/**
 * The items an override names, by role: 'item' (split, pin: the item), 'story' (the members of the named story when
 * the override was made), 'into' (merge, split: the members of the story joined). Source and URL are kept beside the
 * id: they are what identifies an item in another database (ids are their hash), so an export can be imported there.
 */
export const overrideItems = sqliteTable(
  'override_items',
  {
    overrideId: text('override_id').notNull(),
    role: text('role', { enum: ['item', 'story', 'into'] }).notNull(),
    itemId: text('item_id').notNull(),
    sourceId: text('source_id').notNull(),
    url: text('url').notNull(),
  },
  // by item: placement asks "which overrides name any of these items" once per story placed
  (t) => [primaryKey({ columns: [t.overrideId, t.role, t.itemId] }), index('override_items_item_idx').on(t.itemId)],
);

/** Small facts the Worker keeps between invocations, e.g. when the term counts last decayed. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** One line per feed fetch: what each run did, for the health page and the log. */
export const fetchLog = sqliteTable(
  'fetch_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceId: text('source_id').notNull(),
    at: integer('at').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    status: integer('status'),
    code: text('code'), // error code, e.g. 'http_404', 'timeout', 'too_large', 'not_a_feed', 'malformed_xml'
    message: text('message').notNull(),
    itemsSeen: integer('items_seen').notNull().default(0),
    itemsNew: integer('items_new').notNull().default(0),
    ms: integer('ms').notNull().default(0),
  },
  // by source for its history; by time alone for pruning old lines without reading the rest
  (t) => [index('fetch_log_source_at_idx').on(t.sourceId, t.at), index('fetch_log_at_idx').on(t.at)],
);

export type Source = typeof sources.$inferSelect;
export type Item = typeof items.$inferSelect;
export type NewItem = typeof items.$inferInsert;
export type Cluster = typeof clusters.$inferSelect;
export type Storyline = typeof storylines.$inferSelect;
export type Override = typeof overrides.$inferSelect;
export type OverrideItem = typeof overrideItems.$inferSelect;

/**
 * A webhook an operator registered (POST /admin/webhooks): events of these types whose story passes the filter (the
 * story list's own parameters, as a query string) are POSTed to url, signed as Standard Webhooks says with secret.
 */
export const webhooks = sqliteTable('webhooks', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  events: text('events', { mode: 'json' }).notNull(), // WebhookEvent[]
  filter: text('filter').notNull().default(''), // 'coin=BTC&exclude_kind=sponsored', parsed by parseStoryFilter
  secret: text('secret').notNull(), // 'whsec_' + base64 of 24 random bytes
  createdAt: integer('created_at').notNull(),
  deletedAt: integer('deleted_at'), // deleted: nothing new is sent, what is queued is dropped; its log stays
});

/** One event for one webhook: the body as it is sent (a snapshot at the event), and where its delivery stands. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(), // the webhook-id header: the same on every retry, so a receiver can drop repeats
    webhookId: text('webhook_id').notNull(),
    type: text('type').notNull(), // story.created | story.updated | storyline.updated
    subjectId: text('subject_id').notNull(), // the story (or storyline) it is about
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'retrying', 'dead', 'refused', 'dropped'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [index('webhook_deliveries_hook_idx').on(t.webhookId, t.createdAt), index('webhook_deliveries_status_idx').on(t.status)],
);

/** Every attempt at a delivery: when, what the receiver answered (or why nothing came), how long it took. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: text('delivery_id').notNull(),
    webhookId: text('webhook_id').notNull(),
    attempt: integer('attempt').notNull(), // 1 for the first
    at: integer('at').notNull(),
    status: integer('status'), // the HTTP status; null when no answer came
    error: text('error'), // null on a 2xx
    ms: integer('ms').notNull(),
  },
  (t) => [index('webhook_attempts_at_idx').on(t.at), index('webhook_attempts_delivery_idx').on(t.deliveryId)],
);

export type Webhook = typeof webhooks.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
