/**
 * /admin/overrides: an editor's hand on the stories (merge, split, pin, hide), behind /admin's bearer token.
 *   POST   /admin/overrides          {action: "merge", story, into} | {action: "split", item, into?}
 *                                    | {action: "pin", story, item} | {action: "hide", story}, each with an optional note
 *   GET    /admin/overrides          every override, newest first, with the items it names (an export)
 *   DELETE /admin/overrides/:id      undo one
 *   POST   /admin/overrides/import   {overrides: [...]} as GET lists them: carries them into another database
 * Validation here; what an override does: src/ingest/overrides.ts; what it means: src/pipeline/cluster/overrides.ts.
 */
import { Hono } from 'hono';
import { allOverrides } from '../db/queries/overrides.ts';
import { getDb } from '../db/client.ts';
import { emitSafely } from '../webhooks/events.ts';
import { importOverrides, NOTE_MAX_CHARS, OverrideRefused, recordOverride, undoOverride, type ImportedOverride, type OverrideRequest } from '../ingest/overrides.ts';
import { OVERRIDE_ACTIONS, type OverrideAction, type OverrideRole } from '../pipeline/cluster/overrides.ts';
import { apiOverride } from '../render/overrides.ts';
import type { AppEnv } from './context.ts';
import { apiError } from './errors.ts';

const ID = /^[\w-]{1,64}$/; // story, item and override ids: what the Worker makes (hex, uuids)
const MAX_IMPORT = 1_000; // overrides one import request may carry: bounds its CPU and D1 queries
const MAX_IMPORT_ITEMS = 2_000; // items one imported override may name (a story's members)

/** The fields each action takes (note is optional for all): anything else is a mistake worth a 400. */
const FIELDS: Record<OverrideAction, { required: string[]; optional: string[] }> = {
  merge: { required: ['story', 'into'], optional: [] },
  split: { required: ['item'], optional: ['into'] },
  pin: { required: ['story', 'item'], optional: [] },
  hide: { required: ['story'], optional: [] },
};

/** An editor's change is a story.updated for webhooks, of the story it leaves to look at (none when it is hidden). */
function editorChanged(env: Env, story: string) {
  return emitSafely({ db: getDb(env.DB), queue: env.WEBHOOKS }, (l) => console.log(l))({ clusterId: story, created: false, storylineChanged: false });
}

export const adminOverrides = new Hono<AppEnv>()
  .post('/', async (c) => {
    const req = parseRequest(await jsonObject(c.req.raw));
    const result = await refusing(() => recordOverride(c.env.DB, req, { id: crypto.randomUUID(), now: Date.now() }));
    await editorChanged(c.env, result.story);
    return c.json({ override: apiOverride(result.override), story: result.story }, 201);
  })
  .get('/', async (c) => {
    const list = await allOverrides(c.env.DB);
    return c.json({ overrides: list.reverse().map(({ override, targets }) => apiOverride(override, targets)) });
  })
  .delete('/:id', async (c) => {
    const id = c.req.param('id');
    if (!ID.test(id)) throw apiError(404, 'unknown_override', `no override with id ${JSON.stringify(id.slice(0, 64))}`);
    const result = await refusing(() => undoOverride(c.env.DB, id, Date.now()));
    await editorChanged(c.env, result.story);
    return c.json({ undone: apiOverride(result.override), story: result.story });
  })
  .post('/import', async (c) => {
    const body = await jsonObject(c.req.raw);
    if (!Array.isArray(body.overrides) || body.overrides.length > MAX_IMPORT) throw apiError(400, 'bad_body', `overrides must be an array of at most ${MAX_IMPORT}, as GET /admin/overrides lists them`);
    const list = body.overrides.map((o, i) => parseImported(o, i));
    return c.json(await importOverrides(c.env.DB, list, Date.now()));
  });

async function refusing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof OverrideRefused) throw apiError(err.status, err.code, err.message);
    throw err;
  }
}

async function jsonObject(req: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw apiError(400, 'bad_body', 'the body must be JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw apiError(400, 'bad_body', 'the body must be a JSON object');
  return body as Record<string, unknown>;
}

function parseRequest(body: Record<string, unknown>): OverrideRequest {
  const action = body.action as OverrideAction;
  if (!OVERRIDE_ACTIONS.includes(action)) throw apiError(400, 'bad_action', `action must be one of ${OVERRIDE_ACTIONS.join(', ')}`);
  const { required, optional } = FIELDS[action];
  const usage = `${action} takes ${[...required, ...optional.map((f) => `${f} (optional)`), 'note (optional)'].join(', ')}`;
  for (const key of Object.keys(body)) {
    if (key !== 'action' && key !== 'note' && !required.includes(key) && !optional.includes(key)) throw apiError(400, 'bad_body', `unknown field ${JSON.stringify(key.slice(0, 40))}: ${usage}`);
  }
  const out: OverrideRequest = { action, note: parseNote(body.note) };
  for (const key of [...required, ...optional] as ('story' | 'into' | 'item')[]) {
    const v = body[key];
    if (v === undefined && optional.includes(key)) continue;
    if (typeof v !== 'string' || !v) throw apiError(400, 'bad_body', `${key} must be a ${key === 'item' ? 'item' : 'story'} id (a string): ${usage}`);
    // an id no story or item can have is simply unknown
    if (!ID.test(v)) throw apiError(404, key === 'item' ? 'unknown_item' : 'unknown_story', `no ${key === 'item' ? 'placed item' : 'story'} with id ${JSON.stringify(v.slice(0, 64))}`);
    out[key] = v;
  }
  return out;
}

/** Plain text: control characters other than line breaks and tabs go, the ends are trimmed; over the cap is refused. */
function parseNote(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw apiError(400, 'bad_note', 'note must be a string');
  // eslint-disable-next-line no-control-regex
  const note = v.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();
  if (note.length > NOTE_MAX_CHARS) throw apiError(400, 'bad_note', `note is ${note.length} characters; at most ${NOTE_MAX_CHARS}`);
  return note;
}

function parseImported(v: unknown, i: number): ImportedOverride {
  const bad = (why: string) => apiError(400, 'bad_body', `overrides[${i}]: ${why}`);
  if (!v || typeof v !== 'object') throw bad('not an object');
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'string' || !ID.test(o.id)) throw bad('id must be an override id');
  if (!OVERRIDE_ACTIONS.includes(o.action as OverrideAction)) throw bad(`action must be one of ${OVERRIDE_ACTIONS.join(', ')}`);
  if (typeof o.story !== 'string' || !ID.test(o.story)) throw bad('story must be a story id');
  if (o.into != null && (typeof o.into !== 'string' || !ID.test(o.into))) throw bad('into must be a story id or null');
  const createdAt = typeof o.created_at === 'string' ? Date.parse(o.created_at) : NaN;
  if (!Number.isFinite(createdAt)) throw bad('created_at must be an ISO 8601 time');
  if (!Array.isArray(o.items) || o.items.length > MAX_IMPORT_ITEMS) throw bad(`items must be an array of at most ${MAX_IMPORT_ITEMS}`);
  const targets = o.items.map((t: unknown) => {
    const x = (t ?? {}) as Record<string, unknown>;
    if (!['item', 'story', 'into'].includes(x.role as string) || typeof x.source_id !== 'string' || typeof x.url !== 'string' || x.url.length > 2048) {
      throw bad('each of items needs role (item, story or into), source_id and url');
    }
    return { role: x.role as OverrideRole, sourceId: x.source_id, url: x.url };
  });
  return { id: o.id, action: o.action as OverrideAction, storyId: o.story, intoId: (o.into as string | null) ?? null, note: parseNote(o.note), createdAt, targets };
}
