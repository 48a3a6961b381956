/**
 * onestory's Worker, in one page:
 *   fetch      the Hono app: /feed.xml, /feed.json, /api/v1/*, /inspector (src/app.ts)
 *   scheduled  cron -> one FEEDS message per source, failed and stale pending items queued again (src/ingest/schedule.ts);
 *              daily decay of term counts (src/ingest/decay-term-stats.ts); fetch log pruned to a month
 *              (src/ingest/prune-fetch-log.ts); retention of band rows, anchors and raw text (src/ingest/retention.ts)
 *   queue      onestory-feeds:    fetch, parse, normalize, store new items (src/ingest/ingest-feed.ts), fetch the pages
 *                                  of teasers within the source's budget (src/ingest/fetch-pages.ts) -> ARTICLES
 *              onestory-articles: extract, clean, label, fingerprint, cluster, canonical (src/ingest/process-article.ts),
 *                                  then webhook events -> WEBHOOKS (src/webhooks/events.ts)
 *              onestory-webhooks: signed POSTs with backoff, every attempt logged (src/webhooks/deliver.ts);
 *                                  its dead-letter queue marks deliveries dead
 */
import { app } from './app.ts';
import { consumeDeadWebhooks, consumeWebhooks, requeueStaleDeliveries } from './webhooks/deliver.ts';
import type { DeliveryMessage } from './webhooks/events.ts';
import { consumeArticles, consumeFeeds } from './ingest/consumers.ts';
import { decayTermStats } from './ingest/decay-term-stats.ts';
import { pruneFetchLog } from './ingest/prune-fetch-log.ts';
import { rescoreUnscored } from './db/story-score.ts';
import { runRetention } from './ingest/retention.ts';
import { enqueueAllSources, requeueStalePending, retryFailedItems, type ArticleMessage, type FeedMessage } from './ingest/schedule.ts';

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(enqueueAllSources(env));
    ctx.waitUntil(retryFailedItems(env));
    ctx.waitUntil(requeueStalePending(env));
    ctx.waitUntil(decayTermStats(env.DB));
    ctx.waitUntil(pruneFetchLog(env.DB));
    ctx.waitUntil(rescoreUnscored(env.DB)); // stories placed before scores existed; none after the first runs
    ctx.waitUntil(requeueStaleDeliveries(env));
    ctx.waitUntil(runRetention(env.DB));
  },
  async queue(batch, env) {
    if (batch.queue.startsWith('onestory-feeds')) await consumeFeeds(batch as MessageBatch<FeedMessage>, env);
    else if (batch.queue.startsWith('onestory-webhooks-dead')) await consumeDeadWebhooks(batch as MessageBatch<DeliveryMessage>, env);
    else if (batch.queue.startsWith('onestory-webhooks')) await consumeWebhooks(batch as MessageBatch<DeliveryMessage>, env);
    else await consumeArticles(batch as MessageBatch<ArticleMessage>, env);
  },
} satisfies ExportedHandler<Env, FeedMessage | ArticleMessage | DeliveryMessage>;
