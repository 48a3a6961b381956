/**
 * The webhook queue's consumer: POSTs each delivery, signed, logs every attempt in D1, and on a failure leaves the
 * message to the queue's retries with exponential backoff; after the last (max_retries in wrangler.toml) the
 * message goes to the dead-letter queue, whose consumer marks the delivery dead. A receiver that is down loses
 * nothing within that window: every delivery keeps its id across retries, so a receiver can drop repeats.
 */
import { eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '../db/client.ts';
import { webhookAttempts, webhookDeliveries, webhooks } from '../db/schema.ts';
import { checkUrl, type AllowedHosts } from '../ingest/host-guard.ts';
import { signatureHeaders } from './sign.ts';
import type { DeliveryMessage } from './events.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000; // a receiver answers in seconds; a slow one is retried, not waited for
export const BACKOFF_MAX_S = 6 * 3600; // the longest wait between two tries
export const DEFAULT_BACKOFF_BASE_S = 30;
const ERROR_MAX_CHARS = 300; // of a receiver's answer kept with the attempt

/** Seconds before try number `attempt + 1`: base, 2×base, 4×base … at most BACKOFF_MAX_S. */
export function backoffSeconds(attempt: number, baseS: number): number {
  return Math.min(BACKOFF_MAX_S, Math.round(baseS * 2 ** Math.max(0, attempt - 1)));
}

/** The webhook allow-list (host[:port], comma-separated): private hosts a local test may reach. */
export function webhookAllowedHosts(env: Pick<Env, 'WEBHOOK_ALLOW_HOSTS'>): AllowedHosts {
  return new Set(String(env.WEBHOOK_ALLOW_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean));
}

export async function consumeWebhooks(batch: MessageBatch<DeliveryMessage>, env: Env): Promise<void> {
  const db = getDb(env.DB);
  const allowed = webhookAllowedHosts(env);
  const baseS = Number(env.WEBHOOK_BACKOFF_BASE_S) || DEFAULT_BACKOFF_BASE_S;
  await Promise.all(
    batch.messages.map(async (msg) => {
      try {
        const outcome = await deliver(db, msg.body.deliveryId, msg.attempts, allowed);
        if (outcome === 'retry') msg.retry({ delaySeconds: backoffSeconds(msg.attempts, baseS) });
        else msg.ack();
      } catch (err) {
        // our own failure (D1): the queue tries again
        console.error(`[webhooks] ${msg.body.deliveryId} will retry: ${(err as Error)?.message ?? err}`);
        msg.retry({ delaySeconds: backoffSeconds(msg.attempts, baseS) });
      }
    }),
  );
}

/** The dead-letter queue: the deliveries whose every try failed. Marked dead; kept with their attempts. */
export async function consumeDeadWebhooks(batch: MessageBatch<DeliveryMessage>, env: Env): Promise<void> {
  const db = getDb(env.DB);
  for (const msg of batch.messages) {
    await db.update(webhookDeliveries).set({ status: 'dead' }).where(sql`${webhookDeliveries.id} = ${msg.body.deliveryId} and ${webhookDeliveries.status} <> 'delivered'`);
    console.log(`[webhooks] ${msg.body.deliveryId} dead after its last try`);
    msg.ack();
  }
}

export async function deliver(db: Db, deliveryId: string, attempt: number, allowed: AllowedHosts, now = Date.now): Promise<'done' | 'retry'> {
  const d = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)).get();
  if (!d || d.status === 'delivered') return 'done'; // a repeat of a message already answered
  const hook = await db.select().from(webhooks).where(eq(webhooks.id, d.webhookId)).get();
  if (!hook || hook.deletedAt) {
    await db.update(webhookDeliveries).set({ status: 'dropped' }).where(eq(webhookDeliveries.id, d.id));
    return 'done';
  }
  const t0 = now();
  let url: URL;
  try {
    url = new URL(hook.url);
  } catch {
    url = new URL('invalid:');
  }
  const verdict = checkUrl(url, allowed);
  if (!verdict.ok) {
    // the host guard decides at every try: a URL that became private (or was registered before a rule) is never reached
    await logAttempt(db, d.id, d.webhookId, attempt, t0, null, verdict.reason, 0, 'refused');
    return 'done';
  }
  let status: number | null = null;
  let error: string | null = null;
  try {
    const headers = { 'content-type': 'application/json', 'user-agent': 'onestory-webhooks', ...(await signatureHeaders(hook.secret, d.id, Math.floor(t0 / 1000), d.body)) };
    // no redirects: a 3xx could point anywhere, past the host guard
    const res = await fetch(url, { method: 'POST', headers, body: d.body, redirect: 'manual', signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
    status = res.status;
    const text = await res.text().catch(() => '');
    if (status < 200 || status >= 300) error = `answered ${status}${text ? `: ${text.slice(0, ERROR_MAX_CHARS)}` : ''}`;
  } catch (err) {
    const e = err as Error;
    error = e?.name === 'TimeoutError' ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : `could not connect: ${e?.message ?? String(err)}`;
  }
  const ms = now() - t0;
  await logAttempt(db, d.id, d.webhookId, attempt, t0, status, error, ms, error ? 'retrying' : 'delivered');
  return error ? 'retry' : 'done';
}

async function logAttempt(db: Db, deliveryId: string, webhookId: string, attempt: number, at: number, status: number | null, error: string | null, ms: number, state: 'delivered' | 'retrying' | 'refused') {
  await db.batch([
    db.insert(webhookAttempts).values({ deliveryId, webhookId, attempt, at, status, error, ms }),
    db
      .update(webhookDeliveries)
      .set({ status: state, attempts: sql`${webhookDeliveries.attempts} + 1`, ...(state === 'delivered' ? { deliveredAt: at } : {}) })
      .where(eq(webhookDeliveries.id, deliveryId)),
  ]);
}

/** A delivery never tried this long after its event lost its queue message (a first try comes within seconds). */
export const STALE_DELIVERY_MS = 20 * 60_000;
const REQUEUE_DELIVERIES_PER_RUN = 100; // one sendBatch's worth

/**
 * The cron's safety net: deliveries still pending (never tried) well after their event get a new message. A repeat of
 * a message that was only slow is harmless: a delivered one is not sent again, and receivers drop repeated ids.
 */
export async function requeueStaleDeliveries(env: Pick<Env, 'DB' | 'WEBHOOKS'>, now = Date.now()): Promise<number> {
  const { results } = await env.DB.prepare(`SELECT id FROM webhook_deliveries WHERE status = 'pending' AND created_at < ?1 ORDER BY created_at LIMIT ?2`)
    .bind(now - STALE_DELIVERY_MS, REQUEUE_DELIVERIES_PER_RUN)
    .all<{ id: string }>();
  if (results.length) {
    await env.WEBHOOKS.sendBatch(results.map((r) => ({ body: { deliveryId: r.id } satisfies DeliveryMessage })));
    console.log(`[cron] re-queued ${results.length} webhook deliveries whose message was lost`);
  }
  return results.length;
}
