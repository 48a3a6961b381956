/** The Hono app: middleware, one mount per resource, one error handler. */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { admin } from './routes/admin.ts';
import { api } from './routes/api.ts';
import type { AppEnv } from './routes/context.ts';
import { feed } from './routes/feed.ts';
import { inspector } from './routes/inspector.tsx';
import { publicRead } from './routes/public-read.ts';
import { readerActivity } from './routes/reader-activity.ts';

export const app = new Hono<AppEnv>();

// outermost: a reader counts from its first line to its last, and placement in this isolate lets it go first
app.use(readerActivity());

// first, so it runs last: the API and feeds are readable from other origins, 304s and errors included
app.use(publicRead());

// Scripts and fetches from this origin only: the inspector's editor.js, which calls /admin/overrides (no inline script).
app.use(
  secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], imgSrc: ["'self'"], formAction: ["'self'"], scriptSrc: ["'self'"], connectSrc: ["'self'"] },
  }),
);
app.use(etag()); // every response carries an ETag; If-None-Match gets 304

app.get('/', (c) => c.redirect('/inspector'));
app.get('/healthz', async (c) => {
  const r = await c.env.DB.prepare('select 1 as ok').first<{ ok: number }>();
  return c.json({ ok: r?.ok === 1 });
});
app.route('/', feed);
app.route('/api/v1', api);
app.route('/inspector', inspector);
app.route('/admin', admin);

app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${new URL(c.req.url).pathname}` } }, 404));
app.onError((err, c) => {
  if (err instanceof HTTPException) return err.getResponse();
  console.error(`[http] ${c.req.method} ${c.req.url}: ${err.stack ?? err}`);
  return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
});
