/** Loads articles through the Worker's own replay path (clean, label, fingerprint, cluster) into the test's D1. */
import { env } from 'cloudflare:workers';
import { getDb } from '../../src/db/client.ts';
import { parseWithLinkedom } from '../../src/dom/linkedom.ts';
import { replayArticles, type RecordedArticle } from '../../src/ingest/replay.ts';

export async function seed(articles: RecordedArticle[]) {
  const results = await replayArticles(articles, { db: getDb(env.DB), d1: env.DB, parseHTML: parseWithLinkedom, userAgent: 'onestory-test', log: () => {} });
  const failed = results.filter((r) => r.status !== 'placed');
  if (failed.length) throw new Error(`seeding failed: ${JSON.stringify(failed)}`);
  return new Map(results.map((r) => [r.id, r.itemId!]));
}
