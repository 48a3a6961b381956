/** Query parameters -> a StoryFilter, validated at the edge. A bad value is a 400 naming the parameter. */
import type { StoryCursor, StoryFilter } from '../db/queries/stories.ts';
import { KINDS, type Kind } from '../pipeline/types.ts';
import { apiError } from './errors.ts';

export const DEFAULT_LIMIT = 20; // stories a page
export const MAX_LIMIT = 100; // stories a page, at most

type Query = (name: string) => string | undefined;

export function parseStoryFilter(q: Query, defaults: { limit?: number } = {}): StoryFilter {
  return {
    cursor: parseCursor(q('cursor')),
    limit: parseLimit(q('limit'), defaults.limit ?? DEFAULT_LIMIT),
    since: parseDateParam('since', q('since')),
    until: parseDateParam('until', q('until')),
    updatedSince: parseDateParam('updated_since', q('updated_since')),
    coins: parseList('coin', q('coin'), /^[A-Za-z0-9]{1,15}$/).map((c) => c.toUpperCase()),
    kinds: parseKinds('kind', q('kind')),
    excludeKinds: parseKinds('exclude_kind', q('exclude_kind')),
    source: parseSource(q('source')),
  };
}

/**
 * A list request's cache key: every parameter parseStoryFilter recognises, parsed (so defaults are filled in and
 * spellings folded: `coin=btc,eth` and `coin=ETH,BTC` are one key), sorted by name; then every other parameter as sent,
 * sorted, so a parameter a route reads on its own is never left out of the key. Throws the same 400 as the route.
 */
export function storyQueryKey(params: URLSearchParams, defaults: { limit?: number } = {}, q: Query = (k) => params.get(k) ?? undefined): string {
  const asked = new Set<string>();
  const filter = parseStoryFilter((k) => (asked.add(k), q(k)), defaults);
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
  return btoa(JSON.stringify([c.sortKey, c.id])).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function parseCursor(v: string | undefined): StoryCursor | null {
  if (!v) return null;
  try {
    const [sortKey, id] = JSON.parse(atob(v.replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof sortKey === 'number' && Number.isFinite(sortKey) && typeof id === 'string' && id.length <= 64) return { sortKey, id };
  } catch {
    // fall through to the 400 below
  }
  throw apiError(400, 'bad_cursor', 'cursor is not one this API returned; start again without it');
}

function parseLimit(v: string | undefined, fallback: number): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw apiError(400, 'bad_limit', `limit must be a whole number from 1 to ${MAX_LIMIT}`);
  return n;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function parseDateParam(name: string, v: string | undefined): number | null {
  if (!v) return null;
  const t = ISO_DATE.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) throw apiError(400, 'bad_date', `${name} must be an ISO 8601 date or date-time, e.g. 2026-01-07 or 2026-01-07T12:00:00Z`);
  return t;
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
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(v)) throw apiError(400, 'bad_source', 'source must be a source id as listed by /api/v1/sources');
  return v;
}
