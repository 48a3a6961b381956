/** Reading storylines: the events of one matter, for the stories that belong to them and on their own. */
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { chunk, ID_LIST_MAX, type Db } from '../client.ts';
import { clusters, storylines } from '../schema.ts';
import { STORYLINE_EVENTS_SHOWN, type StorylineDetail, type StorylineEvent, type StorylineRef } from '../../model/story.ts';
import { sourcesById } from './stories.ts';

/**
 * An event a reader is shown as part of a storyline: not merged into another story, placed (it has its canonical), not
 * hidden by an editor. The one condition every reader of storylines applies (the story list's JSON subquery too), on
 * `clusters` or an alias of it. `+merged_into` (see UNMERGED in ../client.ts): with a list of storylines SQLite would
 * otherwise walk clusters_merged_idx over every unmerged story instead of the storyline index.
 */
export function shownEvent(e: { mergedInto: AnySQLiteColumn; canonicalItemId: AnySQLiteColumn; hidden: AnySQLiteColumn }): SQL {
  return and(sql`+${e.mergedInto} is null`, isNotNull(e.canonicalItemId), eq(e.hidden, false))!;
}

type EventRow = { id: string; storylineId: string | null; title: string; firstPublishedAt: number; size: number };

/**
 * Storylines of two events or more by id, each with its newest events (see STORYLINE_EVENTS_SHOWN), oldest first. An
 * event an editor hid is out of its storyline too: its title is shown nowhere a reader looks.
 */
export async function storylineRefs(db: Db, ids: (string | null)[]): Promise<Map<string, StorylineRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const rows: EventRow[] = [];
  for (const part of chunk(wanted, 1, ID_LIST_MAX)) {
    rows.push(
      ...(await db
        .select({ id: clusters.id, storylineId: clusters.storylineId, title: clusters.title, firstPublishedAt: clusters.firstPublishedAt, size: clusters.size })
        .from(clusters)
        .where(and(inArray(clusters.storylineId, part), shownEvent(clusters)))
        .orderBy(asc(clusters.firstPublishedAt), asc(clusters.id))),
    );
  }
  const byLine = new Map<string, EventRow[]>();
  for (const r of rows) byLine.set(r.storylineId!, [...(byLine.get(r.storylineId!) ?? []), r]);
  const out = new Map<string, StorylineRef>();
  for (const [id, events] of byLine) {
    const ref = storylineRef(id, events);
    if (ref) out.set(id, ref);
  }
  return out;
}

/** A storyline as a story shows it, from its shown events oldest first; null for an event alone. */
export function storylineRef(id: string, events: Pick<EventRow, 'id' | 'title' | 'firstPublishedAt' | 'size'>[]): StorylineRef | null {
  if (events.length < 2) return null; // an event alone is no storyline (its partner merged into it, say)
  return { id, title: storylineTitle(events), size: events.length, events: events.slice(-STORYLINE_EVENTS_SHOWN).map(toEvent) };
}

/** A storyline with every event, following merges; null when unknown or shown nowhere (fewer than two events). */
export async function getStoryline(db: Db, id: string): Promise<StorylineDetail | null> {
  const resolved = await resolveStorylineId(db, id);
  if (!resolved) return null;
  const [row, events, merged] = await Promise.all([
    db.select().from(storylines).where(eq(storylines.id, resolved)).get(),
    db
      .select()
      .from(clusters)
      .where(and(eq(clusters.storylineId, resolved), shownEvent(clusters)))
      .orderBy(asc(clusters.firstPublishedAt), asc(clusters.id)),
    db.select({ id: storylines.id }).from(storylines).where(eq(storylines.mergedInto, resolved)),
  ]);
  if (!row || events.length < 2) return null;
  const sources = await sourcesById(db, events.map((e) => e.sourceId));
  return {
    id: resolved,
    title: storylineTitle(events),
    firstPublishedAt: Math.min(...events.map((e) => e.firstPublishedAt)),
    lastPublishedAt: Math.max(...events.map((e) => e.lastPublishedAt)),
    events: events.map((e) => ({
      ...toEvent(e),
      source: sources.get(e.sourceId) ?? { id: e.sourceId, name: e.sourceId, homepage: '', tier: 'aggregator' },
      summary: e.summary,
      why: e.storylineWhy,
    })),
    mergedFrom: merged.map((m) => m.id),
  };
}

/** Follows merges: a storyline merged into another resolves to the survivor. */
export async function resolveStorylineId(db: Db, id: string): Promise<string | null> {
  let current = id;
  for (let hops = 0; hops < 16; hops++) {
    const row = await db.select({ id: storylines.id, mergedInto: storylines.mergedInto }).from(storylines).where(eq(storylines.id, current)).get();
    if (!row) return null;
    if (!row.mergedInto) return row.id;
    current = row.mergedInto;
  }
  return null; // a merge cycle would be a bug: "not found" rather than a loop
}

/** The title of its most covered event names the matter best; the earliest such event on a tie. */
function storylineTitle(events: Pick<EventRow, 'title' | 'size' | 'firstPublishedAt'>[]): string {
  return [...events].sort((a, b) => b.size - a.size || a.firstPublishedAt - b.firstPublishedAt)[0].title;
}

function toEvent(e: Pick<EventRow, 'id' | 'title' | 'firstPublishedAt' | 'size'>): StorylineEvent {
  return { id: e.id, title: e.title, publishedAt: e.firstPublishedAt, size: e.size };
}
