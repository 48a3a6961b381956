/**
 * Webhook events, made where placement finishes a story (src/ingest/process-article.ts calls `onPlaced`): a story that
 * founded its event is story.created; one that joined (new coverage, maybe a new canonical) or merged events is
 * story.updated; a story whose event joined or merged a storyline is also storyline.updated. Each webhook whose
 * events and filter take it gets a delivery row (the signed body, a snapshot) and a queue message.
 */
import { eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { findSourceId } from '../db/queries/sources.ts';
import { listStories } from '../db/queries/stories.ts';
import { webhookDeliveries, webhooks, type Webhook } from '../db/schema.ts';
import type { Story } from '../model/story.ts';
import { apiStory, apiStorylineRef } from '../render/api.ts';
import { parseStoryFilter } from '../routes/params.ts';

export const WEBHOOK_EVENTS = ['story.created', 'story.updated', 'storyline.updated'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface DeliveryMessage {
  deliveryId: string;
}

/** What placement tells the emitter about one story it placed. */
export interface PlacedStory {
  clusterId: string;
  created: boolean; // the story founded its event (no merge)
  storylineChanged: boolean; // its event joined or merged a storyline
}

export interface EmitDeps {
  db: Db;
  queue: Queue<DeliveryMessage>;
  now?: number;
}

/** Deliveries for one placed story; returns how many were queued. Never throws into placement: see `emitSafely`. */
export async function emitStoryEvents(p: PlacedStory, deps: EmitDeps, subscriptions = () => readSubscriptions(deps.db)): Promise<number> {
  const hooks = await subscriptions();
  if (!hooks.length) return 0;
  const types: WebhookEvent[] = [p.created ? 'story.created' : 'story.updated', ...(p.storylineChanged ? (['storyline.updated'] as const) : [])];
  const wanted = hooks.filter((h) => types.some((t) => (h.events as string[]).includes(t)));
  if (!wanted.length) return 0;
  const [story] = (await listStories(deps.db, { limit: 1, ids: [p.clusterId] })).stories;
  if (!story) return 0; // hidden by an editor, or merged away meanwhile
  const now = deps.now ?? Date.now();
  const rows: (typeof webhookDeliveries.$inferInsert)[] = [];
  for (const h of wanted) {
    if (h.filter && !(await passes(deps.db, h.filter, story.id))) continue;
    for (const type of types) {
      if (!(h.events as string[]).includes(type)) continue;
      if (type === 'storyline.updated' && !story.storyline) continue; // a storyline is shown from two events up
      const id = `msg_${crypto.randomUUID().replace(/-/g, '')}`;
      const subjectId = type === 'storyline.updated' ? story.storyline!.id : story.id;
      rows.push({ id, webhookId: h.id, type, subjectId, body: JSON.stringify(payload(type, story, now)), createdAt: now });
    }
  }
  if (!rows.length) return 0;
  // rows first: a message whose row is missing would be dropped (a row whose message was lost is queued again by the cron: requeueStaleDeliveries)
  for (const r of rows) await deps.db.insert(webhookDeliveries).values(r);
  await deps.queue.sendBatch(rows.map((r) => ({ body: { deliveryId: r.id } })));
  return rows.length;
}

/** The body a receiver gets: the event's type, when it happened, and the story as the API shows it. */
export function payload(type: WebhookEvent, story: Story, now: number) {
  const data = type === 'storyline.updated' ? { storyline: apiStorylineRef(story.storyline!), story: apiStory(story) } : { story: apiStory(story) };
  return { type, timestamp: new Date(now).toISOString(), data };
}

/** Whether a story passes a webhook's filter: the story list's own query, restricted to that story. */
async function passes(db: Db, filter: string, storyId: string): Promise<boolean> {
  const q = new URLSearchParams(filter);
  const f = parseStoryFilter((k) => q.get(k) ?? undefined, { limit: 1 });
  if (f.source) {
    const id = await findSourceId(db, f.source);
    if (!id) return false;
    f.source = id;
  }
  return (await listStories(db, { ...f, sort: 'new', cursor: null, limit: 1, ids: [storyId] })).stories.length > 0;
}

/** The webhooks that receive events (not deleted). */
async function readSubscriptions(db: Db): Promise<Webhook[]> {
  return (await db.select().from(webhooks).where(isNull(webhooks.deletedAt))) as Webhook[];
}

/**
 * Placement's hook: an emitter failure is logged, never thrown (the story is placed and served either way).
 *
 * One emitter serves one batch of placements (a queue batch, a replay request) and reads the subscriptions once for
 * all of them: that read was a D1 round trip a placed story, each one a stretch of the Worker's thread that readers
 * wait behind (src/ingest/stretches.ts). A webhook created or deleted while a batch is placed takes effect from the
 * next batch; a failed read is tried again at the next story.
 */
export function emitSafely(deps: EmitDeps, log: (line: string) => void) {
  let hooks: Promise<Webhook[]> | null = null;
  const subscriptions = () =>
    (hooks ??= readSubscriptions(deps.db).catch((err) => {
      hooks = null;
      throw err;
    }));
  return async (p: PlacedStory) => {
    try {
      await emitStoryEvents(p, deps, subscriptions);
    } catch (err) {
      log(`[webhooks] events of ${p.clusterId} not queued: ${(err as Error)?.message ?? err}`);
    }
  };
}

export async function deliveryOf(db: Db, id: string) {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get();
}
