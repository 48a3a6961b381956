/**
 * /admin/webhooks, behind the admin token: register `{url, events, filter}`, list, delete, and read a webhook's
 * deliveries with their attempts. The URL's host must pass the feeds' SSRF guard (WEBHOOK_ALLOW_HOSTS for tests).
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { findSourceId } from '../db/queries/sources.ts';
import { webhookAttempts, webhookDeliveries, webhooks, type Webhook } from '../db/schema.ts';
import { checkUrl } from '../ingest/host-guard.ts';
import { webhookAllowedHosts } from '../webhooks/deliver.ts';
import { WEBHOOK_EVENTS } from '../webhooks/events.ts';
import { newSecret } from '../webhooks/sign.ts';
import { dbOf, type AppEnv } from './context.ts';
import { apiError } from './errors.ts';
import { normalizedQuery, parseStoryFilter, STORY_PARAMS } from './params.ts';

const URL_MAX_CHARS = 2000;
const DELIVERIES_SHOWN = 100; // the newest, with their attempts
/** A webhook's filter takes the story list's filters; paging and order mean nothing for one story at a time. */
const FILTER_PARAMS = ['q', 'coin', 'kind', 'exclude_kind', 'source', 'since', 'until'] as const;

const iso = (t: number | null) => (t == null ? null : new Date(t).toISOString());
const view = (h: Webhook) => ({ id: h.id, url: h.url, events: h.events, filter: Object.fromEntries(new URLSearchParams(h.filter)), created_at: iso(h.createdAt) });

export const adminWebhooks = new Hono<AppEnv>()
  .post('/', async (c) => {
    let body: { url?: unknown; events?: unknown; filter?: unknown };
    try {
      body = await c.req.json();
    } catch {
      throw apiError(400, 'bad_body', 'the body must be JSON: {"url", "events", "filter"}');
    }
    const url = checkWebhookUrl(body.url, c.env);
    const events = checkEvents(body.events);
    const filter = await checkFilter(c, body.filter);
    const hook: Webhook = { id: `wh_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`, url, events, filter, secret: newSecret(), createdAt: Date.now(), deletedAt: null };
    await dbOf(c).insert(webhooks).values(hook);
    // the secret is shown once, here: the receiver keeps it to verify webhook-signature
    return c.json({ ...view(hook), secret: hook.secret }, 201);
  })
  .get('/', async (c) => {
    const rows = await dbOf(c).select().from(webhooks).where(isNull(webhooks.deletedAt)).orderBy(webhooks.createdAt);
    return c.json({ webhooks: rows.map(view) });
  })
  .delete('/:id', async (c) => {
    const res = await dbOf(c).update(webhooks).set({ deletedAt: Date.now() }).where(and(eq(webhooks.id, c.req.param('id')), isNull(webhooks.deletedAt))).returning({ id: webhooks.id });
    if (!res.length) throw apiError(404, 'not_found', 'no such webhook');
    return c.json({ deleted: res[0].id });
  })
  .get('/:id/deliveries', async (c) => {
    const db = dbOf(c);
    const id = c.req.param('id');
    const [deliveries, attempts] = await Promise.all([
      db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id)).orderBy(desc(webhookDeliveries.createdAt)).limit(DELIVERIES_SHOWN),
      db.select().from(webhookAttempts).where(eq(webhookAttempts.webhookId, id)).orderBy(desc(webhookAttempts.at)).limit(DELIVERIES_SHOWN * 4),
    ]);
    return c.json({
      deliveries: deliveries.map((d) => ({
        id: d.id,
        type: d.type,
        subject: d.subjectId,
        status: d.status,
        attempts: attempts
          .filter((a) => a.deliveryId === d.id)
          .map((a) => ({ attempt: a.attempt, at: iso(a.at), status: a.status, error: a.error, ms: a.ms }))
          .reverse(),
        created_at: iso(d.createdAt),
        delivered_at: iso(d.deliveredAt),
      })),
    });
  });

function checkWebhookUrl(v: unknown, env: Env): string {
  if (typeof v !== 'string' || v.length > URL_MAX_CHARS) throw apiError(400, 'bad_url', `url must be an http(s) URL of at most ${URL_MAX_CHARS} characters`);
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw apiError(400, 'bad_url', 'url is not a URL');
  }
  const verdict = checkUrl(url, webhookAllowedHosts(env));
  if (!verdict.ok) throw apiError(400, 'refused_host', `${verdict.reason.replace('not the host of a configured source', 'not in WEBHOOK_ALLOW_HOSTS')}`);
  return url.toString();
}

function checkEvents(v: unknown): string[] {
  const all = WEBHOOK_EVENTS as readonly string[];
  if (!Array.isArray(v) || !v.length || !v.every((e) => typeof e === 'string' && all.includes(e))) {
    throw apiError(400, 'bad_events', `events must be a non-empty list of ${WEBHOOK_EVENTS.join(', ')}`);
  }
  return [...new Set(v as string[])];
}

/** `{coin: "BTC", exclude_kind: "sponsored"}` -> the normalized query string, validated as the story list validates it. */
async function checkFilter(c: { env: Env } & Parameters<typeof dbOf>[0], v: unknown): Promise<string> {
  if (v == null) return '';
  if (typeof v !== 'object' || Array.isArray(v)) throw apiError(400, 'bad_filter', `filter must be an object of ${FILTER_PARAMS.join(', ')}`);
  const entries = Object.entries(v as Record<string, unknown>);
  const bad = entries.filter(([k, val]) => !(FILTER_PARAMS as readonly string[]).includes(k) || typeof val !== 'string');
  if (bad.length) throw apiError(400, 'bad_filter', `filter takes string values of ${FILTER_PARAMS.join(', ')}; not ${bad.map(([k]) => k).join(', ')}`);
  const q = new Map(entries as [string, string][]);
  const get = (k: string) => q.get(k);
  const f = parseStoryFilter(get); // a bad value is the same 400 the API gives
  if (f.source && !(await findSourceId(dbOf(c), f.source))) throw apiError(400, 'unknown_source', `no source with the id or name ${JSON.stringify(f.source)}`);
  return normalizedQuery(STORY_PARAMS, get);
}
