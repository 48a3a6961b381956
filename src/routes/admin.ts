/**
 * /admin: what the command line drives inside the local Worker (replay, batch clustering), and the editors' overrides
 * (/admin/overrides, see admin-overrides.ts). Off unless the ADMIN_TOKEN secret is set; every request must carry it as
 * a bearer token. Not a public API.
 */
import { Hono } from 'hono';
import { eq, inArray } from 'drizzle-orm';
import { chunk, getDb, ID_LIST_MAX } from '../db/client.ts';
import { resolveClusterId } from '../db/queries/stories.ts';
import { clusters, items } from '../db/schema.ts';
import { WORKER_DOMS } from '../dom/worker-doms.ts';
import { replayArticles, replayFeed, type RecordedArticle, type ReplaySource } from '../ingest/replay.ts';
import { watchLoopBlocks } from '../ingest/loop-blocks.ts';
import { recordStretches } from '../ingest/stretches.ts';
import { yieldingD1 } from '../ingest/yield-to-readers.ts';
import { TIERS } from '../pipeline/types.ts';
import { adminOverrides } from './admin-overrides.ts';
import { adminWebhooks } from './admin-webhooks.ts';
import { emitSafely } from '../webhooks/events.ts';
import { adminStorage } from './admin-storage.ts';
import { dbOf, type AppEnv } from './context.ts';
import { apiError } from './errors.ts';
import { tallyReads } from './read-tally.ts';

const MAX_ARTICLES_A_REQUEST = 200; // keeps one request's CPU and memory bounded
const MAX_IDS_A_REQUEST = 10_000; // item ids a request may ask about (the CLI asks for a replay's worth)

export const admin = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    const token = c.env.ADMIN_TOKEN;
    if (!token) throw apiError(404, 'not_found', 'admin routes are off (no ADMIN_TOKEN)');
    if (!sameSecret(c.req.header('authorization') ?? '', `Bearer ${token}`)) throw apiError(401, 'unauthorized', 'a valid admin bearer token is required');
    await next();
  })
  .post('/replay/feed', async (c) => {
    const body = await jsonBody<{ source: ReplaySource; xml: string }>(c.req.raw);
    if (typeof body.xml !== 'string') throw apiError(400, 'bad_body', 'xml must be a string');
    const result = await replayFeed(checkSource(body.source), body.xml, deps(c));
    return c.json(result);
  })
  .post('/replay/articles', async (c) => {
    const body = await jsonBody<{ articles: RecordedArticle[]; watch_loop?: boolean; watch_stretches?: boolean; watch_reads?: boolean }>(c.req.raw);
    if (!Array.isArray(body.articles) || body.articles.length > MAX_ARTICLES_A_REQUEST) {
      throw apiError(400, 'bad_body', `articles must be an array of at most ${MAX_ARTICLES_A_REQUEST}`);
    }
    const articles = body.articles.map((a) => ({ ...a, source: checkSource(a.source) }));
    // watch_loop: the longest stretch the thread was held while this request placed (src/ingest/loop-blocks.ts)
    const watching = body.watch_loop === true ? watchLoopBlocks() : null;
    // watch_stretches: how long ingestion ran between its yields, and of what (src/ingest/stretches.ts)
    const stretching = body.watch_stretches === true ? recordStretches() : null;
    // watch_reads: how the serving cache answered readers meanwhile (src/routes/read-tally.ts)
    const tallying = body.watch_reads === true ? tallyReads() : null;
    const results = await replayArticles(articles, deps(c));
    return c.json({
      results,
      ...(watching ? { loop: watching() } : {}),
      ...(stretching ? { stretches: stretching() } : {}),
      ...(tallying ? { reads: tallying() } : {}),
    });
  })
  .post('/assignments', async (c) => {
    const body = await jsonBody<{ item_ids: unknown }>(c.req.raw);
    if (!Array.isArray(body.item_ids) || body.item_ids.length > MAX_IDS_A_REQUEST || !body.item_ids.every((id) => typeof id === 'string')) {
      throw apiError(400, 'bad_body', `item_ids must be an array of at most ${MAX_IDS_A_REQUEST} strings`);
    }
    const ids = body.item_ids as string[];
    const db = dbOf(c);
    const out: Record<string, { cluster: string | null; canonical: boolean; kind: string | null; coins: string[] }> = {};
    const resolved = new Map<string, string | null>();
    for (const part of chunk(ids, 1, ID_LIST_MAX)) {
      const rows = await db
        .select({ id: items.id, clusterId: items.clusterId, kind: items.kind, coinList: items.coinList, canonical: clusters.canonicalItemId })
        .from(items)
        .leftJoin(clusters, eq(clusters.id, items.clusterId))
        .where(inArray(items.id, part));
      for (const r of rows) {
        let cluster = r.clusterId;
        if (cluster) {
          if (!resolved.has(cluster)) resolved.set(cluster, await resolveClusterId(db, cluster));
          cluster = resolved.get(cluster)!;
        }
        out[r.id] = { cluster, canonical: r.canonical === r.id, kind: r.kind, coins: r.coinList.split(',').filter(Boolean) };
      }
    }
    return c.json({ assignments: out });
  })
  .route('/overrides', adminOverrides)
  .route('/webhooks', adminWebhooks)
  .route('/', adminStorage);

function deps(c: { env: Env }) {
  const d1 = yieldingD1(c.env.DB); // a replay places as the article queue does: serving requests go first
  const db = getDb(d1);
  const log = (l: string) => console.log(l);
  return { db, d1, ...WORKER_DOMS, userAgent: c.env.USER_AGENT, log, onPlaced: emitSafely({ db, queue: c.env.WEBHOOKS }, log) };
}

/**
 * Compares a presented secret with the real one in time that depends only on the length of the presented one: no
 * early exit at the first differing character for an attacker to time.
 */
export function sameSecret(presented: string, real: string): boolean {
  const a = new TextEncoder().encode(presented);
  const b = new TextEncoder().encode(real);
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ (b[i % (b.length || 1)] ?? 0);
  return diff === 0;
}

async function jsonBody<T>(req: Request): Promise<T> {
  try {
    return (await req.json()) as T;
  } catch {
    throw apiError(400, 'bad_body', 'the body must be JSON');
  }
}

function checkSource(s: ReplaySource | undefined): ReplaySource {
  if (!s || typeof s.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(s.id) || typeof s.name !== 'string' || !TIERS.includes(s.tier)) {
    throw apiError(400, 'bad_source', 'source needs an id (lower-case, digits, dashes), a name and a tier');
  }
  return { ...s, homepage: s.homepage || '', feedUrl: s.feedUrl || '', fullText: !!s.fullText, configured: !!s.configured };
}
