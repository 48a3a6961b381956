/**
 * Query parameters, defined once: each definition validates its value (a bad value is a 400 naming the parameter),
 * describes it for the OpenAPI document (src/routes/openapi.ts) and is read, parsed, into the response cache's key
 * (`storyQueryKey`). A parameter a route reads but does not define here is not documented; the cache key keeps it as sent.
 */
import type { StoryCursor, StoryFilter, StorySort } from '../db/queries/stories.ts';
import { KINDS, type Kind } from '../pipeline/types.ts';
import { ftsMatch, MAX_SEARCH_CHARS } from '../search/fts-query.ts';
import { apiError } from './errors.ts';
import { rankingNow } from '../model/score.ts';
import { isTimeZone, zonedDay, zonedToday } from '../model/zoned-day.ts';

export const DEFAULT_LIMIT = 20; // stories a page
export const MAX_LIMIT = 100; // stories a page, at most
export const DAY_MS = 86_400_000;

type Query = (name: string) => string | undefined;

/** A JSON Schema (OpenAPI 3.1 uses JSON Schema 2020-12) for one parameter's value. */
export type JsonSchema = Record<string, unknown>;

export interface ParamDef<T> {
  name: string;
  description: string;
  schema: JsonSchema;
  parse: (v: string | undefined) => T;
}

const def = <T>(d: ParamDef<T>) => d;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_SCHEMA: JsonSchema = { type: 'string', pattern: ISO_DATE.source, examples: ['2026-01-07', '2026-01-07T12:00:00Z'] };

export const SORTS = ['new', 'top', 'relevance'] as const;

/** The parameters of every story list: /api/v1/stories, /feed.xml, /feed.json and /inspector. */
export const STORY_PARAMS = {
  q: def({
    name: 'q',
    description:
      'Search titles and cleaned text (SQLite FTS5): every word must match; "a phrase" in double quotes; a trailing * for a prefix (bitco*). ' +
      'Punctuation and FTS5 operators are searched as words. With q the API ranks by relevance unless sort says otherwise.',
    schema: { type: 'string', minLength: 1, maxLength: MAX_SEARCH_CHARS },
    parse: parseQ,
  }),
  sort: def({
    name: 'sort',
    description: 'new: newest first by the date shown (the default; with q on the API, relevance). top: most covered first (see score). relevance: best match of q first.',
    schema: { type: 'string', enum: [...SORTS] },
    parse: parseSort,
  }),
  cursor: def({ name: 'cursor', description: 'next_cursor of the previous page (for the same sort)', schema: { type: 'string', maxLength: 300 }, parse: parseCursor }),
  limit: def({
    name: 'limit',
    description: `stories a page, 1 to ${MAX_LIMIT}`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT },
    parse: (v: string | undefined) => (v === undefined || v === '' ? null : parseLimit(v)),
  }),
  since: def({ name: 'since', description: 'published at or after this date or time (a date is its first instant, UTC)', schema: DATE_SCHEMA, parse: (v: string | undefined) => parseDateParam('since', v) }),
  until: def({
    name: 'until',
    description: 'published at or before this date or time; a date includes its whole day (UTC), so since=D&until=D is that day',
    schema: DATE_SCHEMA,
    parse: (v: string | undefined) => untilExclusive(v),
  }),
  updated_since: def({ name: 'updated_since', description: 'updated (new coverage, new canonical) at or after this date or time', schema: DATE_SCHEMA, parse: (v: string | undefined) => parseDateParam('updated_since', v) }),
  coin: def({
    name: 'coin',
    description: 'comma-separated tickers (at most 20): stories labelled with any of them',
    schema: { type: 'string', pattern: '^[A-Za-z0-9]{1,15}(,[A-Za-z0-9]{1,15}){0,19}$' },
    parse: (v: string | undefined) => parseList('coin', v, /^[A-Za-z0-9]{1,15}$/).map((c) => c.toUpperCase()),
  }),
  kind: def({ name: 'kind', description: `comma-separated kinds: ${KINDS.join(', ')}`, schema: { type: 'string' }, parse: (v: string | undefined) => parseKinds('kind', v) }),
  exclude_kind: def({ name: 'exclude_kind', description: 'comma-separated kinds to leave out', schema: { type: 'string' }, parse: (v: string | undefined) => parseKinds('exclude_kind', v) }),
  source: def({
    name: 'source',
    description: 'a source id or display name as /api/v1/sources lists them (case-insensitive): stories any of whose members it published; an unknown one is a 400',
    schema: { type: 'string', minLength: 1, maxLength: 100 },
    parse: parseSource,
  }),
};

export const DIGEST_DEFAULT_LIMIT = 10; // a newsletter's top of the day
export const DIGEST_MAX_LIMIT = 50;

/** GET /api/v1/digest and /digest.xml: one day's top events in the reader's time zone, with the list's kind and coin filters. */
export const DIGEST_PARAMS = {
  date: def({
    name: 'date',
    description: "the day (YYYY-MM-DD) in tz; default today in tz",
    schema: { type: 'string', pattern: DATE_ONLY.source, examples: ['2025-12-12'] },
    parse: (v: string | undefined) => {
      if (!v) return null;
      if (!DATE_ONLY.test(v) || Number.isNaN(Date.parse(v))) throw apiError(400, 'bad_date', 'date must be a calendar date, YYYY-MM-DD');
      return v;
    },
  }),
  tz: def({
    name: 'tz',
    description: 'an IANA time zone (Europe/Berlin); the day runs from its midnight to the next; default UTC',
    schema: { type: 'string', maxLength: 64, examples: ['UTC', 'Europe/Berlin', 'America/New_York'] },
    parse: (v: string | undefined) => {
      if (!v) return 'UTC';
      if (v.length > 64 || !isTimeZone(v)) throw apiError(400, 'bad_tz', 'tz must be an IANA time zone name, e.g. Europe/Berlin or UTC');
      return v;
    },
  }),
  limit: def({
    name: 'limit',
    description: `events, 1 to ${DIGEST_MAX_LIMIT}; default ${DIGEST_DEFAULT_LIMIT}`,
    schema: { type: 'integer', minimum: 1, maximum: DIGEST_MAX_LIMIT },
    parse: (v: string | undefined) => {
      if (v === undefined || v === '') return DIGEST_DEFAULT_LIMIT;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > DIGEST_MAX_LIMIT) throw apiError(400, 'bad_limit', `limit must be a whole number from 1 to ${DIGEST_MAX_LIMIT}`);
      return n;
    },
  }),
  coin: STORY_PARAMS.coin,
  kind: STORY_PARAMS.kind,
  exclude_kind: STORY_PARAMS.exclude_kind,
};

export interface DigestQuery {
  date: string;
  tz: string;
  from: number;
  to: number;
  filter: StoryFilter;
}

/** The digest's parameters -> its day (an interval of instants) and a top-sorted filter over it, by base score. */
export function parseDigestQuery(q: Query, now = Date.now()): DigestQuery {
  const p = DIGEST_PARAMS;
  const tz = p.tz.parse(q('tz'));
  const date = p.date.parse(q('date')) ?? zonedToday(tz, now);
  const { from, to } = zonedDay(date, tz);
  const filter: StoryFilter = {
    sort: 'top',
    ageless: true,
    limit: p.limit.parse(q('limit')),
    since: from,
    until: to,
    coins: p.coin.parse(q('coin')),
    kinds: p.kind.parse(q('kind')),
    excludeKinds: p.exclude_kind.parse(q('exclude_kind')),
  };
  return { date, tz, from, to, filter };
}

/** The inspector's list also reads `grouped=1` (stories of two members or more). */
export const INSPECTOR_PARAMS = {
  ...STORY_PARAMS,
  grouped: def({ name: 'grouped', description: '1: only stories with two members or more', schema: { type: 'string', enum: ['1', ''] }, parse: (v: string | undefined) => v === '1' }),
};

export type StoryListOptions = {
  limit?: number; // the route's page size when none is asked for
  // the sort when none is asked for and q is given: the API ranks a search; a feed stays newest first
  searchSort?: StorySort;
};

/**
 * A story list's parameters -> a StoryFilter. The source is still a name or an id here: `resolveSource` (async, it
 * reads the sources) turns it into an id.
 */
export function parseStoryFilter(q: Query, opts: StoryListOptions = {}): StoryFilter {
  const p = STORY_PARAMS;
  const search = p.q.parse(q('q'));
  const asked = p.sort.parse(q('sort'));
  const sort: StorySort = asked ?? (search ? (opts.searchSort ?? 'new') : 'new');
  if (sort === 'relevance' && !search) throw apiError(400, 'bad_sort', 'sort=relevance ranks a search: give q too');
  const cursor = p.cursor.parse(q('cursor'));
  if (cursor && cursor.sort !== sort) throw apiError(400, 'bad_cursor', `cursor belongs to sort=${cursor.sort}, not sort=${sort}; start again without it`);
  return {
    sort,
    cursor,
    limit: p.limit.parse(q('limit')) ?? opts.limit ?? DEFAULT_LIMIT,
    since: p.since.parse(q('since')),
    until: p.until.parse(q('until')),
    updatedSince: p.updated_since.parse(q('updated_since')),
    coins: p.coin.parse(q('coin')),
    kinds: p.kind.parse(q('kind')),
    excludeKinds: p.exclude_kind.parse(q('exclude_kind')),
    source: p.source.parse(q('source')),
    search,
  };
}

/**
 * The defined parameters only, in name order, each as given: how a webhook's filter is stored (admin-webhooks.ts) and
 * later read back by parseStoryFilter. The response cache keys by `storyQueryKey` instead (values parsed, defaults filled).
 */
export function normalizedQuery(defs: Record<string, ParamDef<unknown>>, q: Query): string {
  const u = new URLSearchParams();
  for (const name of Object.keys(defs).sort()) {
    const v = q(name);
    if (v !== undefined && v !== '') u.set(name, v);
  }
  return u.toString();
}

/**
 * A list request's cache key: every parameter parseStoryFilter recognises, parsed (so defaults are filled in and
 * spellings folded: `coin=btc,eth` and `coin=ETH,BTC` are one key), sorted by name; then every other parameter as sent,
 * sorted, so a parameter a route reads on its own is never left out of the key. Throws the same 400 as the route.
 * `opts` must be the route's own (its page size, its sort for a search).
 */
export function storyQueryKey(params: URLSearchParams, opts: StoryListOptions = {}, q: Query = (k) => params.get(k) ?? undefined, now = Date.now()): string {
  const asked = new Set<string>();
  const filter = parseStoryFilter((k) => (asked.add(k), q(k)), opts);
  // a first page of top stories is ranked at this hour's start (rankingNow): the next hour is another page
  if (filter.sort === 'top' && !filter.cursor) filter.now = rankingNow(now);
  const others = [...params].filter(([k]) => !asked.has(k)).sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return `${stableJson(filter)}&${new URLSearchParams(others)}`;
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).sort().join(',')}]`; // the filter's lists are sets
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined && x !== null && !(Array.isArray(x) && x.length === 0));
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export function encodeCursor(c: StoryCursor): string {
  const parts = c.at != null ? [c.key, c.id, c.sort, c.at] : [c.key, c.id, c.sort];
  return btoa(JSON.stringify(parts)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function parseCursor(v: string | undefined): StoryCursor | null {
  if (!v) return null;
  try {
    const [key, id, sort = 'new', at] = JSON.parse(atob(v.replace(/-/g, '+').replace(/_/g, '/')));
    const sortOk = (SORTS as readonly unknown[]).includes(sort);
    const atOk = at === undefined || (typeof at === 'number' && Number.isFinite(at));
    if (typeof key === 'number' && Number.isFinite(key) && typeof id === 'string' && id.length <= 64 && sortOk && atOk) {
      return { key, id, sort, at: at ?? null };
    }
  } catch {
    // fall through to the 400 below
  }
  throw apiError(400, 'bad_cursor', 'cursor is not one this API returned; start again without it');
}

function parseLimit(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw apiError(400, 'bad_limit', `limit must be a whole number from 1 to ${MAX_LIMIT}`);
  return n;
}

export function parseDateParam(name: string, v: string | undefined): number | null {
  if (!v) return null;
  const t = ISO_DATE.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) throw apiError(400, 'bad_date', `${name} must be an ISO 8601 date or date-time, e.g. 2026-01-07 or 2026-01-07T12:00:00Z`);
  return t;
}

/** `until` as an exclusive bound: a date covers its whole day; a date-time is included itself (the next millisecond). */
function untilExclusive(v: string | undefined): number | null {
  const t = parseDateParam('until', v);
  if (t == null) return null;
  return DATE_ONLY.test(v!) ? t + DAY_MS : t + 1;
}

function parseList(name: string, v: string | undefined, item: RegExp): string[] {
  if (!v) return [];
  const parts = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = parts.filter((p) => !item.test(p));
  if (bad.length || parts.length > 20) throw apiError(400, `bad_${name}`, `${name} must be a comma-separated list (at most 20) of ${item.source}`);
  return parts;
}

function parseKinds(name: string, v: string | undefined): Kind[] {
  const parts = parseList(name, v, /^[a-z-]{1,20}$/);
  const bad = parts.filter((p) => !(KINDS as readonly string[]).includes(p));
  if (bad.length) throw apiError(400, `bad_${name}`, `${name} has unknown kind(s) ${bad.join(', ')}; kinds are ${KINDS.join(', ')}`);
  return parts as Kind[];
}

function parseSource(v: string | undefined): string | null {
  if (!v) return null;
  const name = v.trim();
  // eslint-disable-next-line no-control-regex
  if (!name || name.length > 100 || /[\u0000-\u001f]/.test(name)) throw apiError(400, 'bad_source', 'source must be a source id or name as listed by /api/v1/sources');
  return name;
}

function parseSort(v: string | undefined): StorySort | null {
  if (!v) return null;
  if (!(SORTS as readonly string[]).includes(v)) throw apiError(400, 'bad_sort', `sort must be one of ${SORTS.join(', ')}`);
  return v as StorySort;
}

function parseQ(v: string | undefined): { text: string; match: string } | null {
  if (v === undefined || v.trim() === '') return null;
  if (v.length > MAX_SEARCH_CHARS) throw apiError(400, 'bad_q', `q is at most ${MAX_SEARCH_CHARS} characters`);
  const match = ftsMatch(v);
  if (!match) throw apiError(400, 'bad_q', 'q has no word to search for (letters or digits)');
  return { text: v, match };
}
