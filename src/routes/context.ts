import type { Context } from 'hono';
import { getDb } from '../db/client.ts';
import type { FeedMeta } from '../render/rss.ts';

export type AppEnv = { Bindings: Env };

export function dbOf(c: Context<AppEnv>) {
  return getDb(c.env.DB);
}

/** Absolute URLs in feeds use PUBLIC_URL when set (behind a proxy), else the request's own origin. */
export function baseUrl(c: Context<AppEnv>): string {
  return (c.env.PUBLIC_URL || new URL(c.req.url).origin).replace(/\/$/, '');
}

export function feedMeta(c: Context<AppEnv>): FeedMeta {
  const base = baseUrl(c);
  const self = new URL(c.req.url);
  return {
    title: 'onestory: crypto news, one story per event',
    description: 'Every crypto-news event once, from the outlet that told it best, with the rest of the coverage listed under it.',
    homeUrl: `${base}/inspector`,
    selfUrl: `${base}${self.pathname}${self.search}`,
    storyUrl: (id) => `${base}/inspector/clusters/${encodeURIComponent(id)}`,
  };
}
