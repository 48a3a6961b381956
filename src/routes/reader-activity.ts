/**
 * Counts the serving requests in flight, so that placement running in this isolate lets them go first (see
 * src/ingest/yield-to-readers.ts). /admin is not a reader: a replay is driven through it, and a replay request that
 * counted itself would hold its own placement back.
 */
import type { MiddlewareHandler } from 'hono';
import { readerStarted } from '../ingest/yield-to-readers.ts';
import type { AppEnv } from './context.ts';

export const NOT_READERS = /^\/admin(\/|$)/;

export function readerActivity(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (NOT_READERS.test(new URL(c.req.url).pathname)) return next();
    const done = readerStarted();
    try {
      await next();
    } finally {
      done();
    }
  };
}
