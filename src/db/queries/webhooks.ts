/** What the inspector shows of webhooks: each one (its host, not its path or secret), and the latest attempts. */
import { desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { webhookAttempts, webhookDeliveries, webhooks } from '../schema.ts';

export const ATTEMPTS_SHOWN = 100;

export interface WebhookSummary {
  id: string;
  host: string;
  events: string[];
  filter: string;
  byStatus: Record<string, number>;
}

export interface AttemptRow {
  at: number;
  webhookId: string;
  deliveryId: string;
  type: string;
  subjectId: string;
  attempt: number;
  status: number | null;
  error: string | null;
  ms: number;
}

export async function webhookOverview(db: Db): Promise<{ hooks: WebhookSummary[]; attempts: AttemptRow[] }> {
  const [hooks, counts, attempts] = await Promise.all([
    db.select().from(webhooks).where(isNull(webhooks.deletedAt)).orderBy(webhooks.createdAt),
    db.select({ webhookId: webhookDeliveries.webhookId, status: webhookDeliveries.status, n: sql<number>`count(*)` }).from(webhookDeliveries).groupBy(webhookDeliveries.webhookId, webhookDeliveries.status),
    db
      .select({
        at: webhookAttempts.at,
        webhookId: webhookAttempts.webhookId,
        deliveryId: webhookAttempts.deliveryId,
        type: webhookDeliveries.type,
        subjectId: webhookDeliveries.subjectId,
        attempt: webhookAttempts.attempt,
        status: webhookAttempts.status,
        error: webhookAttempts.error,
        ms: webhookAttempts.ms,
      })
      .from(webhookAttempts)
      .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
      .orderBy(desc(webhookAttempts.at), desc(webhookAttempts.id))
      .limit(ATTEMPTS_SHOWN),
  ]);
  return {
    hooks: hooks.map((h) => ({
      id: h.id,
      host: hostOf(h.url),
      events: h.events as string[],
      filter: h.filter,
      byStatus: Object.fromEntries(counts.filter((c) => c.webhookId === h.id).map((c) => [c.status, Number(c.n)])),
    })),
    attempts,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(unparsable)';
  }
}
