/** Cron: mirror the configured sources into D1, then put one message per enabled source on the FEEDS queue. */
import { getDb } from '../db/client.ts';
import { syncSources } from '../db/queries/sources.ts';
import { configuredSources } from './sources.ts';

export interface FeedMessage {
  sourceId: string;
}
export interface ArticleMessage {
  itemId: string;
}

const QUEUE_BATCH_MAX = 100; // messages per sendBatch, Cloudflare's limit

export async function enqueueAllSources(env: Env): Promise<number> {
  const list = configuredSources(env);
  await syncSources(getDb(env.DB), list);
  for (let i = 0; i < list.length; i += QUEUE_BATCH_MAX) {
    await env.FEEDS.sendBatch(list.slice(i, i + QUEUE_BATCH_MAX).map((s) => ({ body: { sourceId: s.id } satisfies FeedMessage })));
  }
  console.log(`[cron] queued ${list.length} sources`);
  return list.length;
}

export async function enqueueArticles(queue: Queue, itemIds: string[]): Promise<void> {
  for (let i = 0; i < itemIds.length; i += QUEUE_BATCH_MAX) {
    await queue.sendBatch(itemIds.slice(i, i + QUEUE_BATCH_MAX).map((itemId) => ({ body: { itemId } satisfies ArticleMessage })));
  }
}
