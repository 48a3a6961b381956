/**
 * The public read routes (the API, the feeds) are readable from any origin: a newsletter tool in a browser tab on its
 * own site calls them. Nothing there reads cookies or credentials, so `*` exposes nothing a plain fetch would not.
 * The inspector and /admin stay same-origin (secureHeaders' defaults).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';

export const PUBLIC_READ_PATHS = [/^\/api\/v1(\/|$)/, /^\/feed\.(xml|json)$/, /^\/digest\.xml$/];
export const CORS_PREFLIGHT_MAX_AGE_S = 86_400; // a browser asks once a day, not before every request

export function isPublicRead(pathname: string): boolean {
  return PUBLIC_READ_PATHS.some((p) => p.test(pathname));
}

/**
 * Registered outermost, so its headers are set last: on every answer of a public path, 200, 304 (the ETag
 * middleware builds that response anew), 400 and 404 alike, and over secureHeaders' same-origin resource policy.
 */
export function publicRead(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!isPublicRead(new URL(c.req.url).pathname)) return next();
    if (c.req.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, HEAD, OPTIONS',
          // a conditional GET (If-None-Match) is what makes a cross-origin poll cheap
          'access-control-allow-headers': 'if-none-match, if-modified-since, cache-control',
          'access-control-max-age': String(CORS_PREFLIGHT_MAX_AGE_S),
        },
      });
    }
    await next();
    const h = c.res.headers;
    h.set('access-control-allow-origin', '*');
    h.set('access-control-expose-headers', 'etag, link');
    h.set('cross-origin-resource-policy', 'cross-origin');
  };
}
