/**
 * Queue consumers. Each message has its own try/catch: one bad source or item never fails its batch.
 * Failures of the outlet (HTTP, XML, size) are recorded and acknowledged; only our own infrastructure failing
 * (D1 unavailable, say) retries the message, up to max_retries, then the dead-letter queue.
 *
 * The feed consumer runs the sources of its batch side by side, each one's feed and then its page step, sharing one
 * host gate; so a slow or hostile host costs its own source's run and no other's. The article consumer never fetches.
 */
import { getDb } from '../db/client.ts';
import { coalescedBumps } from '../db/serving-version.ts';
import { getSource } from '../db/queries/sources.ts';
import { WORKER_DOMS } from '../dom/worker-doms.ts';
import { fetchPages } from './fetch-pages.ts';
import { HostGate } from './host-gate.ts';
import { allowedHostsOf } from './host-guard.ts';
import { ingestFeed } from './ingest-feed.ts';
import { processArticle } from './process-article.ts';
import { yieldingD1, yieldToReaders } from './yield-to-readers.ts';
import { enqueueArticles, type ArticleMessage, type FeedMessage } from './schedule.ts';
import { configuredSources } from './sources.ts';
import { emitSafely } from '../webhooks/events.ts';

const log = (line: string) => console.log(line);
const timeoutOf = (env: Env) => Number(env.FETCH_TIMEOUT_MS) || undefined;

export async function consumeFeeds(batch: MessageBatch<FeedMessage>, env: Env): Promise<void> {
  const db = getDb(env.DB);
  const allowedHosts = allowedHostsOf(configuredSources(env));
  const gate = new HostGate();
  const common = { db, fetcher: fetch, userAgent: env.USER_AGENT, log, timeoutMs: timeoutOf(env), allowedHosts };
  await Promise.all(
    batch.messages.map(async (msg) => {
      try {
        const source = await getSource(db, msg.body.sourceId);
        if (!source || !source.enabled) {
          log(`[ingest] ${msg.body.sourceId} skipped: not a configured source`);
        } else {
          await ingestFeed(source, { ...common, pages: true, enqueue: (ids) => enqueueArticles(env.ARTICLES, ids) });
          // Pages of this run's items and of earlier runs' deferred ones; also when the feed itself failed.
          const pages = await fetchPages(source, { ...common, ...WORKER_DOMS, gate });
          await enqueueArticles(env.ARTICLES, pages.ready);
        }
        msg.ack();
      } catch (err) {
        console.error(`[ingest] ${msg.body.sourceId} will retry: ${(err as Error).message ?? err}`);
        msg.retry();
      }
    }),
  );
}

export async function consumeArticles(batch: MessageBatch<ArticleMessage>, env: Env): Promise<void> {
  const d1 = yieldingD1(env.DB); // readers of this isolate go first at every round trip
  const db = getDb(d1);
  const onPlaced = emitSafely({ db, queue: env.WEBHOOKS }, log);
  const bumps = coalescedBumps(d1); // the lists readers poll are rendered again at most once a second, and at the end
  try {
    for (const msg of batch.messages) {
      await yieldToReaders();
      try {
        await processArticle(msg.body.itemId, { db, d1, ...WORKER_DOMS, log, onPlaced, bumps });
        msg.ack();
      } catch (err) {
        console.error(`[process] ${msg.body.itemId} will retry: ${(err as Error).message ?? err}`);
        msg.retry();
      }
    }
  } finally {
    await bumps.flush();
  }
}
