/** Cron: mirror the configured sources into D1, then put one message per enabled source on the FEEDS queue. */
import { getDb } from '../db/client.ts';
import { takeRetryableItems, takeStalePending } from '../db/queries/items.ts';
import { syncSources } from '../db/queries/sources.ts';
import { configuredSources } from './sources.ts';

export interface FeedMessage {
  sourceId: string;
}
export interface ArticleMessage {
  itemId: string;
}

const QUEUE_BATCH_MAX = 100; // messages per sendBatch, Cloudflare's limit
export const MAX_ATTEMPTS = 3; // pipeline failures before an item is left failed for a person to look at
export const RETRY_QUIET_MS = 30 * 60_000; // a failure gets half an hour (two cron runs) before it is retried
const RETRIES_PER_RUN = 200; // items retried per cron run: a bad deploy must not flood the queue
/** A pending item untouched this long lost its queue message (runs take seconds; the page step settles within one). */
export const STALE_PENDING_MS = 20 * 60_000;
const REQUEUES_PER_RUN = 500; // stale items re-queued per cron run; the rest on the next

export async function enqueueAllSources(env: Env): Promise<number> {
  const list = configuredSources(env);
  await syncSources(getDb(env.DB), list);
  for (let i = 0; i < list.length; i += QUEUE_BATCH_MAX) {
    await env.FEEDS.sendBatch(list.slice(i, i + QUEUE_BATCH_MAX).map((s) => ({ body: { sourceId: s.id } satisfies FeedMessage })));
  }
  console.log(`[cron] queued ${list.length} sources`);
  return list.length;
}

/** Failed items get another run on a later cron, up to MAX_ATTEMPTS: a passing fault must not lose a story. */
export async function retryFailedItems(env: Env, now = Date.now()): Promise<number> {
  const ids = await takeRetryableItems(getDb(env.DB), { maxAttempts: MAX_ATTEMPTS, quietMs: RETRY_QUIET_MS, limit: RETRIES_PER_RUN, now });
  if (ids.length) {
    await enqueueArticles(env.ARTICLES, ids);
    console.log(`[cron] retrying ${ids.length} failed items`);
  }
  return ids.length;
}

/**
 * Items stored but never processed and not waiting for a page (their message was lost: a restart of local queues,
 * a consumer cut off) are queued again; without this they would stay pending forever.
 */
export async function requeueStalePending(env: Env, now = Date.now()): Promise<number> {
  const ids = await takeStalePending(getDb(env.DB), { quietMs: STALE_PENDING_MS, limit: REQUEUES_PER_RUN, now });
  if (ids.length) {
    await enqueueArticles(env.ARTICLES, ids);
    console.log(`[cron] re-queued ${ids.length} items whose processing never ran`);
  }
  return ids.length;
}

export async function enqueueArticles(queue: Queue, itemIds: string[]): Promise<void> {
  for (let i = 0; i < itemIds.length; i += QUEUE_BATCH_MAX) {
    await queue.sendBatch(itemIds.slice(i, i + QUEUE_BATCH_MAX).map((itemId) => ({ body: { itemId } satisfies ArticleMessage })));
  }
}
