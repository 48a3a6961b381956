/** Reading stories: clusters with their canonical member and coverage. Every function takes `db` first. */
import { and, asc, desc, eq, getTableColumns, gte, inArray, like, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { chunk, ID_LIST_MAX, type Db } from '../client.ts';
import { clusters, items, sources, type Cluster, type Item, type Source } from '../schema.ts';
import type { Coverage, EditorialMark, Member, SourceRef, Story, StoryDetail, StorylineRef } from '../../model/story.ts';
import { OverrideRules } from '../../pipeline/cluster/overrides.ts';
import { overridesNaming } from './overrides.ts';
import type { CanonicalChoice, MemberScore } from '../../pipeline/choose-canonical.ts';
import { chooseText } from '../../pipeline/choose-text.ts';
import { cosine, decodeFingerprint, jaccard } from '../../pipeline/fingerprint/index.ts';
import type { CoinTag, Kind, RemovedSpan, Tier } from '../../pipeline/types.ts';
import { shownEvent, storylineRef, storylineRefs } from './storylines.ts';
import { rankingNow, storyScore, TOP_AGE_SCALE_MS } from '../../model/score.ts';
import type { ScoreParts } from '../story-score.ts';

export type StorySort = 'new' | 'top' | 'relevance';

/** Where a page ended: the sort's key and the id of its last story (and, for `top`, the instant its ages were taken). */
export interface StoryCursor {
  key: number;
  id: string;
  sort: StorySort;
  at?: number | null; // top: the "now" of the first page, so every page ranks by the same ages
}

export interface StoryFilter {
  sort?: StorySort; // default 'new'
  cursor?: StoryCursor | null;
  limit: number;
  since?: number | null; // published at or after
  until?: number | null; // published before (exclusive: the routes turn an inclusive date into the next day's start)
  updatedSince?: number | null;
  coins?: string[];
  kinds?: Kind[];
  excludeKinds?: Kind[];
  source?: string | null; // stories any of whose members come from this source id
  minSize?: number | null; // the inspector's "grouped only" filter
  search?: { text: string; match: string } | null; // q: the reader's words and their FTS5 MATCH expression
  now?: number; // top: the instant ages are taken at (default: this hour's start, rankingNow)
  ids?: string[]; // only these stories (a webhook asks whether one story passes its filter)
  ageless?: boolean; // top: by the base score alone (a digest of one day ranks its events, not their hours)
}

export interface StoryPage {
  stories: Story[];
  next: StoryCursor | null;
}

/** bm25 weights of the indexed columns (title, text): a word in the headline says more than one in the body. */
export const SEARCH_WEIGHTS = [4.0, 1.0] as const;

/**
 * One page of stories, by the filter's sort, each sort a key with the id as tie-break, paged by keyset on (key, id):
 * - new: the date shown (the canonical's published_at). A new canonical can move a story; new stories never shift a page.
 * - top: the event's score (src/pipeline/score.ts) over its age at `now`, which the cursor carries to later pages.
 * - relevance: the best bm25 rank of any member's title and text against q (FTS5, the item_search index).
 */
export async function listStories(db: Db, f: StoryFilter): Promise<StoryPage> {
  const { rows, next, now } = await listStoryRows(db, f);
  return { stories: rows.map((row) => listedStory(row, now)), next };
}

/**
 * The cluster columns a listed story reads (`toStory`, `listedStory`), and no others: a page's rows cross from D1 as
 * text, and the wide JSON columns (the canonical's reasons, the storyline's why) are the detail page's alone.
 */
const LISTED_COLUMNS = ['id', 'canonicalItemId', 'title', 'url', 'sourceId', 'publishedAt', 'updatedAt', 'summary', 'coins', 'kind', 'storylineId', 'score', 'scoreReasons'] as const;
type ListedCluster = Pick<Cluster, (typeof LISTED_COLUMNS)[number]>;

/** One story of a page as D1 returns it: its cluster's listed columns, its source, its members and storyline events as JSON text. */
export type ListedRow = ListedCluster & { key: number; source: Pick<Source, 'id' | 'name' | 'homepage' | 'tier'> | null; members: string; events: string };

/**
 * A page of stories as rows, before any of them is made a Story: what a story shows is a function of its row and
 * `now` alone (the instant its score's age is taken; null: ageless), so a renderer may keep a story's rendering for as
 * long as its row reads the same (src/routes/rendered-stories.ts).
 */
export async function listStoryRows(db: Db, f: StoryFilter): Promise<{ rows: ListedRow[]; next: StoryCursor | null; now: number | null }> {
  const sort = f.sort ?? 'new';
  const now = f.cursor?.at ?? f.now ?? rankingNow();
  // hidden by an editor: out of every list (the API, the feeds, the inspector's list) until the hide is undone.
  // `+merged_into`: the unary plus keeps SQLite off the merged_into index, which it otherwise takes for this test (most
  // stories are not merged, so it reads them all and sorts them for a page of 20: 9.6 ms at ~550 stories, growing with
  // the stored stories) and onto the published_at index, walked newest first until the page is full (0.75 ms).
  const where: SQL[] = [sql`+${clusters.mergedInto} is null`, sql`${clusters.canonicalItemId} is not null`, eq(clusters.hidden, false)];
  const hits = f.search
    ? // FTS5's rank column, set to weighted bm25 (bm25() itself may not sit inside an aggregate); lower is better
      sql`(select items.cluster_id as cid, min(item_search.rank) as best
           from item_search join items on items.rowid = item_search.rowid
           where item_search match ${f.search.match} and item_search.rank match ${`bm25(${SEARCH_WEIGHTS.map((w) => w.toFixed(1)).join(', ')})`}
             and items.cluster_id is not null group by items.cluster_id) as hits`
    : null;
  const key: SQL =
    sort === 'top' && f.ageless
      ? sql`${clusters.score}`
      : sort === 'top'
      ? // ageFactor (src/model/score.ts) in SQL
        sql`(${clusters.score} * ${sql.raw(`${TOP_AGE_SCALE_MS}.0`)} / (${sql.raw(`${TOP_AGE_SCALE_MS}.0`)} + max(0, ${now} - ${clusters.publishedAt})))`
      : sort === 'relevance' && hits
        ? sql`(-hits.best)`
        : sql`${clusters.publishedAt}`;
  if (f.cursor) where.push(sql`(${key} < ${f.cursor.key} or (${key} = ${f.cursor.key} and ${clusters.id} < ${f.cursor.id}))`);
  if (f.since != null) where.push(gte(clusters.publishedAt, f.since));
  if (f.until != null) where.push(lt(clusters.publishedAt, f.until));
  if (f.updatedSince != null) where.push(gte(clusters.updatedAt, f.updatedSince));
  if (f.coins?.length) where.push(or(...f.coins.map((c) => like(clusters.coins, `%,${c},%`)))!);
  if (f.kinds?.length) where.push(inArray(clusters.kind, f.kinds));
  if (f.excludeKinds?.length) where.push(notInArray(clusters.kind, f.excludeKinds));
  if (f.minSize) where.push(gte(clusters.size, f.minSize));
  if (f.ids) where.push(inArray(clusters.id, f.ids.length ? f.ids : ['']));
  if (f.source) {
    where.push(inArray(clusters.id, db.select({ id: items.clusterId }).from(items).where(eq(items.sourceId, f.source))) as SQL);
  }
  const columns = getTableColumns(clusters);
  const base = db.select({ ...Object.fromEntries(LISTED_COLUMNS.map((k) => [k, columns[k]])) as Pick<typeof columns, (typeof LISTED_COLUMNS)[number]>, key: sql<number>`${key}`.as('key') }).from(clusters);
  const joined = hits ? base.innerJoin(hits, sql`hits.cid = ${clusters.id}`) : base;
  const pageQuery = joined
    .where(and(...where))
    .orderBy(sql`${key} desc`, desc(clusters.id))
    .limit(f.limit + 1)
    .as('page');
  // One round trip a page: each story's members (with their sources) and its storyline's events come back as JSON
  // beside it, computed only for the page's rows (the subquery is ordered and limited first).
  const fields = Object.fromEntries(LISTED_COLUMNS.map((k) => [k, pageQuery[k]])) as unknown as {
    [K in keyof ListedCluster]: (typeof pageQuery)[K];
  };
  const ev = alias(clusters, 'e'); // the storyline's events beside each story of the page ("from clusters e" below)
  const rows = await db
    .select({
      ...fields,
      key: pageQuery.key,
      source: { id: sources.id, name: sources.name, homepage: sources.homepage, tier: sources.tier },
      members: sql<string>`(select json_group_array(json_object('id', i.id, 'sourceId', i.source_id, 'title', i.title, 'url', i.url,
          'publishedAt', i.published_at, 'kind', i.kind, 'similarity', i.similarity_permille,
          'sourceName', s.name, 'sourceHomepage', s.homepage, 'sourceTier', s.tier) order by i.published_at, i.id)
        from items i left join sources s on s.id = i.source_id where i.cluster_id = page.id)`,
      events: sql<string>`(select json_group_array(json_object('id', ${ev.id}, 'title', ${ev.title}, 'firstPublishedAt', ${ev.firstPublishedAt}, 'size', ${ev.size})
          order by ${ev.firstPublishedAt}, ${ev.id})
        from clusters e where ${ev.storylineId} = page.storyline_id and ${shownEvent(ev)})`,
    })
    .from(pageQuery)
    .leftJoin(sources, eq(sources.id, pageQuery.sourceId))
    .orderBy(desc(pageQuery.key), desc(pageQuery.id));
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  const next = rows.length > f.limit ? { key: Number(last.key), id: last.id, sort, at: sort === 'top' ? now : null } : null;
  return { rows: page as ListedRow[], next, now: sort === 'top' && f.ageless ? null : now };
}

type MemberJson = Omit<CoverageRow, 'id'> & { id: string; sourceName: string | null; sourceHomepage: string; sourceTier: string };

/** A story of a list, from its row: the cluster, its source, and its members and storyline events as JSON. */
export function listedStory(row: ListedRow, now: number | null): Story {
  const sourceMap = new Map<string, SourceRef>();
  if (row.source) sourceMap.set(row.source.id, toSourceRef(row.source as Source));
  const members = JSON.parse(row.members) as MemberJson[];
  for (const m of members) {
    if (m.sourceName != null) sourceMap.set(m.sourceId, { id: m.sourceId, name: m.sourceName, homepage: m.sourceHomepage, tier: m.sourceTier as Tier });
  }
  const lines = new Map<string, StorylineRef>();
  const line = row.storylineId ? storylineRef(row.storylineId, JSON.parse(row.events)) : null;
  if (line) lines.set(line.id, line);
  const coverage = members.map((m) => ({ ...toCoverage(m, sourceMap), isCanonical: m.id === row.canonicalItemId }));
  return toStory(row, coverage, sourceMap, lines, now);
}

/** Follows merges: an id that was merged into another cluster resolves to the surviving story. */
export async function resolveClusterId(db: Db, id: string): Promise<string | null> {
  let current = id;
  for (let hops = 0; hops < 16; hops++) {
    const row = await db.select({ id: clusters.id, mergedInto: clusters.mergedInto }).from(clusters).where(eq(clusters.id, current)).get();
    if (!row) return null;
    if (!row.mergedInto) return row.id;
    current = row.mergedInto;
  }
  return null; // a merge cycle would be a bug; answer "not found" rather than loop
}

export async function getStory(db: Db, id: string): Promise<StoryDetail | null> {
  const resolved = await resolveClusterId(db, id);
  if (!resolved) return null;
  const [cluster, memberRows, mergedRows] = await Promise.all([
    db.select().from(clusters).where(eq(clusters.id, resolved)).get(),
    db.select().from(items).where(eq(items.clusterId, resolved)).orderBy(asc(items.publishedAt), asc(items.id)),
    db.select({ id: clusters.id }).from(clusters).where(eq(clusters.mergedInto, resolved)),
  ]);
  if (!cluster || !cluster.canonicalItemId || memberRows.length === 0) return null;
  const [sourceMap, lines, editorial] = await Promise.all([
    sourcesById(db, memberRows.map((m) => m.sourceId)),
    storylineRefs(db, [cluster.storylineId]),
    editorialMarks(db, memberRows.map((m) => m.id)),
  ]);
  const scores = new Map(((cluster.canonicalReason as CanonicalChoice | null)?.members ?? []).map((m) => [m.id, m]));
  const toCanonical = similarities(memberRows, cluster.canonicalItemId);
  const members = memberRows
    .map((m) => ({ ...toMember(m, sourceMap, m.id === cluster.canonicalItemId, scores.get(m.id) ?? null), similarity: toCanonical.get(m.id) ?? null }))
    .sort((a, b) => Number(b.isCanonical) - Number(a.isCanonical));
  const canonical = members[0];
  const story = toStory(cluster, members, sourceMap, lines, rankingNow());
  const textMember = members.find((m) => m.itemId === cluster.textItemId && !m.isCanonical);
  // the reason is said again from the same rule that chose the member (src/pipeline/choose-text.ts)
  const choice = textMember ? chooseText(canonical.itemId, members.map((m) => ({ id: m.itemId, chars: m.text.length, kind: m.kind }))) : null;
  return {
    ...story,
    text: textMember?.text ?? canonical.text,
    textFrom: textMember ? { itemId: textMember.itemId, source: textMember.source, reason: choice?.reason ?? 'the canonical is a teaser' } : null,
    members,
    canonicalReason: cluster.canonicalReason,
    mergedFrom: mergedRows.map((r) => r.id),
    storylineWhy: story.storyline ? cluster.storylineWhy : null,
    hidden: cluster.hidden,
    editorial,
  };
}

/**
 * Each member's similarity to the canonical as it is now (the larger of near-copy Jaccard and same-event cosine):
 * the one stored at placement was to the canonical of that moment, and the founding story's read 1 forever.
 */
function similarities(rows: Item[], canonicalId: string): Map<string, number> {
  const fps = new Map(rows.filter((r) => r.fingerprint).map((r) => [r.id, decodeFingerprint(r.fingerprint!)]));
  const canonical = fps.get(canonicalId);
  const out = new Map<string, number>();
  for (const [id, fp] of fps) {
    if (id === canonicalId || !canonical) out.set(id, id === canonicalId ? 1 : NaN);
    else out.set(id, Math.round(Math.max(jaccard(fp.signature, canonical.signature), cosine(fp.features, canonical.features)) * 1000) / 1000);
  }
  for (const [id, v] of out) if (Number.isNaN(v)) out.delete(id);
  return out;
}

/** The overrides naming a story's members, as the story shows them: which pin and which hide are in force here. */
async function editorialMarks(db: Db, memberIds: string[]): Promise<EditorialMark[]> {
  const records = await overridesNaming(db.$client, memberIds);
  if (!records.length) return [];
  const rules = new OverrideRules(records);
  const pin = rules.pinnedIn(memberIds);
  const hide = rules.hiddenBy(memberIds);
  const splitItems = records.filter((r) => r.action === 'split').map((r) => r.item!);
  const at = new Map<string, string | null>();
  for (const part of chunk(splitItems, 1, ID_LIST_MAX)) {
    for (const r of await db.select({ id: items.id, clusterId: items.clusterId }).from(items).where(inArray(items.id, part))) at.set(r.id, r.clusterId);
  }
  return rules.records.map((r) => {
    const o = records.find((x) => x.id === r.id)!;
    return {
      id: o.id,
      action: o.action,
      storyId: o.storyId,
      intoId: o.intoId,
      itemId: o.item,
      itemStory: o.action === 'split' ? (at.get(o.item!) ?? null) : null,
      note: o.note,
      createdAt: o.createdAt,
      inForce: o.action === 'pin' ? pin?.id === o.id : o.action === 'hide' ? hide?.id === o.id : true,
    };
  });
}

function toStory(c: ListedCluster, members: (Coverage & { isCanonical: boolean })[], sourceMap: Map<string, SourceRef>, lines: Map<string, StorylineRef>, now: number | null): Story {
  const scored = storyScore(c.score, (c.scoreReasons as ScoreParts | null) ?? null, c.publishedAt, now);
  return {
    id: c.id,
    title: c.title,
    url: c.url,
    source: sourceMap.get(c.sourceId) ?? unknownSource(c.sourceId),
    publishedAt: c.publishedAt,
    updatedAt: c.updatedAt,
    summary: c.summary,
    coins: c.coins.split(',').filter(Boolean),
    kind: c.kind as Kind,
    coverage: members
      .filter((m) => !m.isCanonical)
      .map(({ itemId, source, title, url, publishedAt, kind, similarity }) => ({ itemId, source, title, url, publishedAt, kind, similarity })),
    storyline: (c.storylineId && lines.get(c.storylineId)) || null,
    score: scored.score,
    scoreReasons: scored.reasons,
  };
}

type CoverageRow = Pick<Item, 'id' | 'sourceId' | 'title' | 'url' | 'publishedAt' | 'kind' | 'similarity'>;

function toCoverage(m: CoverageRow, sourceMap: Map<string, SourceRef>): Coverage {
  return {
    itemId: m.id,
    source: sourceMap.get(m.sourceId) ?? unknownSource(m.sourceId),
    title: m.title,
    url: m.url,
    publishedAt: m.publishedAt,
    kind: (m.kind ?? 'news') as Kind,
    similarity: m.similarity == null ? null : m.similarity / 1000,
  };
}

function toMember(m: Item, sourceMap: Map<string, SourceRef>, isCanonical: boolean, score: MemberScore | null): Member {
  return {
    ...toCoverage(m, sourceMap),
    isCanonical,
    author: m.author,
    textSource: m.textSource,
    rawText: m.rawText ?? m.text ?? '', // the raw text of an old item is dropped by retention (src/ingest/retention.ts)
    text: m.text ?? '',
    removed: (m.removed as RemovedSpan[] | null) ?? [],
    coinTags: (m.coins as CoinTag[] | null) ?? [],
    kindReasons: (m.kindReasons as string[] | null) ?? [],
    placement: m.placement,
    score,
    error: m.error,
  };
}

export async function sourcesById(db: Db, ids: string[]): Promise<Map<string, SourceRef>> {
  const unique = [...new Set(ids)];
  const map = new Map<string, SourceRef>();
  for (const part of chunk(unique, 1, ID_LIST_MAX)) {
    const rows = await db.select().from(sources).where(inArray(sources.id, part));
    for (const r of rows) map.set(r.id, toSourceRef(r));
  }
  return map;
}

export function toSourceRef(r: Source): SourceRef {
  return { id: r.id, name: r.name, homepage: r.homepage, tier: r.tier as Tier };
}

function unknownSource(id: string): SourceRef {
  return { id, name: id, homepage: '', tier: 'aggregator' };
}

