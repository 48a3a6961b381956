/** The cron queues again a webhook delivery whose message was lost; one tried, delivered or recent is left alone. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/db/client.ts';
import { webhookDeliveries } from '../../src/db/schema.ts';
import { requeueStaleDeliveries, STALE_DELIVERY_MS } from '../../src/webhooks/deliver.ts';

describe('requeueStaleDeliveries', () => {
  it('queues again each delivery never tried long after its event, and only those, on the real queue', async () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    const old = now - STALE_DELIVERY_MS - 1;
    const row = (id: string, status: 'pending' | 'delivered' | 'retrying', createdAt: number) => ({ id, webhookId: 'wh_x', type: 'story.created', subjectId: 's', body: '{}', status, createdAt });
    await getDb(env.DB).insert(webhookDeliveries).values([row('msg_lost', 'pending', old), row('msg_recent', 'pending', now - 1000), row('msg_done', 'delivered', old), row('msg_retrying', 'retrying', old)]);
    expect(await requeueStaleDeliveries(env, now)).toBe(1);
    // the real queue's consumer takes it: its webhook is gone, so the delivery is dropped (the others are untouched)
    const status = async () => Object.fromEntries((await getDb(env.DB).select().from(webhookDeliveries)).map((d) => [d.id, d.status]));
    for (let i = 0; i < 100 && (await status()).msg_lost === 'pending'; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await status()).toEqual({ msg_lost: 'dropped', msg_recent: 'pending', msg_done: 'delivered', msg_retrying: 'retrying' });
  });
});
