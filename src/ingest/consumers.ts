/**
 * Queue consumers. Each message has its own try/catch: one bad source or item never fails its batch.
 * Failures of the outlet (HTTP, XML, size) are recorded and acknowledged; only our own infrastructure failing
 * (D1 unavailable, say) retries the message, up to max_retries, then the dead-letter queue.
 */
import { getDb } from '../db/client.ts';
import { getSource } from '../db/queries/sources.ts';
import { WORKER_DOMS } from '../dom/worker-doms.ts';
import { ingestFeed } from './ingest-feed.ts';
import { processArticle } from './process-article.ts';
import { enqueueArticles, type ArticleMessage, type FeedMessage } from './schedule.ts';

const log = (line: string) => console.log(line);
const timeoutOf = (env: Env) => Number(env.FETCH_TIMEOUT_MS) || undefined;

export async function consumeFeeds(batch: MessageBatch<FeedMessage>, env: Env): Promise<void> {
  const db = getDb(env.DB);
  for (const msg of batch.messages) {
    try {
      const source = await getSource(db, msg.body.sourceId);
      if (!source || !source.enabled) {
        log(`[ingest] ${msg.body.sourceId} skipped: not a configured source`);
      } else {
        await ingestFeed(source, {
          db,
          fetcher: fetch,
          userAgent: env.USER_AGENT,
          enqueue: (ids) => enqueueArticles(env.ARTICLES, ids),
          log,
          timeoutMs: timeoutOf(env),
        });
      }
      msg.ack();
    } catch (err) {
      console.error(`[ingest] ${msg.body.sourceId} will retry: ${(err as Error).stack ?? err}`);
      msg.retry();
    }
  }
}

export async function consumeArticles(batch: MessageBatch<ArticleMessage>, env: Env): Promise<void> {
  const db = getDb(env.DB);
  for (const msg of batch.messages) {
    try {
      await processArticle(msg.body.itemId, { db, d1: env.DB, fetcher: fetch, userAgent: env.USER_AGENT, ...WORKER_DOMS, fetchPages: true, log, timeoutMs: timeoutOf(env) });
      msg.ack();
    } catch (err) {
      console.error(`[process] ${msg.body.itemId} will retry: ${(err as Error).stack ?? err}`);
      msg.retry();
    }
  }
}
