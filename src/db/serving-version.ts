/**
 * The serving version: one token in D1's `meta` table that changes whenever what readers see may have changed (a story
 * placed, an editor's override, a storyline linked, a source's health recorded). Cached pages and ETags are keyed by
 * it, so a bump makes every cached list stale at once without purging anything.
 *
 * Any write that changes a list, a feed or the inspector's list calls `bumpServingVersion(db)` after it lands.
 *
 * Reading the token costs a D1 round trip, as much as rendering a cached page costs; so an isolate trusts the token it
 * last read for VERSION_RECHECK_MS, and a bump made in this isolate is seen here at once. A bump made in another
 * isolate (another Cloudflare location, say) is seen within VERSION_RECHECK_MS.
 */
import { bindingOf } from '../ingest/yield-to-readers.ts';
import { noteVersionRead } from '../routes/read-tally.ts';
import type { Db } from './client.ts';

export const SERVING_VERSION_KEY = 'serving.version';
export const VERSION_RECHECK_MS = 1_000; // how stale a list may be after another isolate's write: one second
// Placements of one batch bump at most once this long: a list may then be this much older than the database while
// ingestion runs (the staleness another isolate's reader already has, VERSION_RECHECK_MS), and readers render each
// list about once a second during a replay instead of after every placement (~3-11 a second)
export const BUMP_COALESCE_MS = 1_000;

let known: { d1: D1Database; token: string; readAt: number } | null = null;

type AnyDb = D1Database | Db;
const d1Of = (db: AnyDb): D1Database => bindingOf('$client' in db ? (db.$client as D1Database) : db);

/**
 * A fresh token, unique across databases and isolates: a counter would let two databases (two test files, a rebuilt
 * local database) reach the same number and share each other's cached pages.
 */
function newToken(now: number): string {
  const rand = crypto.getRandomValues(new Uint32Array(1))[0].toString(36);
  return `${now.toString(36)}${rand}`;
}

/** Marks everything cached so far as stale. Returns the new token. */
export async function bumpServingVersion(db: AnyDb, now = Date.now()): Promise<string> {
  const bump = servingVersionBump(db, now);
  await bump.statement.run();
  return bump.landed();
}

/**
 * A bump as one statement, for a caller that sends it in the batch of the writes it covers (one transaction, one
 * round trip fewer); call `landed()` once that batch has succeeded. Returns the new token.
 */
export function servingVersionBump(db: AnyDb, now = Date.now()): { statement: D1PreparedStatement; landed: () => string } {
  const d1 = d1Of(db);
  const token = newToken(now);
  const statement = d1
    .prepare(`INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
    .bind(SERVING_VERSION_KEY, token);
  return {
    statement,
    landed: () => {
      known = { d1, token, readAt: now };
      return token;
    },
  };
}

/**
 * A batch's placements (a replay request, a queue batch) bumping the serving version at most once every `windowMs`:
 * `next()` gives the bump for a placement's last write batch, or null when one landed less than `windowMs` ago (that
 * placement then waits for the next bump); `flush()`, when the batch ends, bumps once more if a placement since the
 * last bump went without one, so nothing a batch wrote stays unseen after it.
 */
export interface BumpCoalescer {
  next(): { statement: D1PreparedStatement; landed: () => string } | null;
  flush(): Promise<void>;
}

export function coalescedBumps(db: AnyDb, windowMs = BUMP_COALESCE_MS, clock: () => number = Date.now): BumpCoalescer {
  let lastAt = -Infinity; // when this batch's last bump landed
  let owed = false; // a placement since then went without one
  return {
    next() {
      const now = clock();
      if (now - lastAt < windowMs) {
        owed = true;
        return null;
      }
      const bump = servingVersionBump(db, now);
      return {
        statement: bump.statement,
        landed: () => {
          lastAt = clock();
          owed = false;
          return bump.landed();
        },
      };
    },
    async flush() {
      if (!owed) return;
      await bumpServingVersion(db, clock());
      lastAt = clock();
      owed = false;
    },
  };
}

/** The current token: from memory when read within VERSION_RECHECK_MS from the same database binding, else from D1. */
export async function servingVersion(db: AnyDb, now = Date.now()): Promise<string> {
  const d1 = d1Of(db);
  if (known && known.d1 === d1 && now - known.readAt < VERSION_RECHECK_MS) return known.token;
  noteVersionRead();
  const row = await d1.prepare(`SELECT value FROM meta WHERE key = ?1`).bind(SERVING_VERSION_KEY).first<{ value: string }>();
  // a database that never had a bump (a fresh install): start one, so its pages are not another database's
  const token = row?.value ?? (await bumpServingVersion(d1, now));
  known = { d1, token, readAt: now };
  return token;
}
