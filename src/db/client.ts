import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema.ts';

/** The one way to get a database client: drizzle over the D1 binding passed in. */
export function getDb(d1: D1Database) {
  return drizzle(d1, { schema });
}
export type Db = ReturnType<typeof getDb>;

/** An `IN (...)` list of ids stays under D1's 100 bound parameters, with room for the statement's others. */
export const ID_LIST_MAX = 90;

/** D1 binds at most 100 parameters a statement: multi-row writes (or id lists, one parameter each) go in chunks. */
export function chunk<T>(rows: T[], columnsPerRow: number, maxParams = 100): T[][] {
  const size = Math.max(1, Math.floor(maxParams / columnsPerRow));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * `+merged_into`, not `merged_into`, in a statement that names its clusters (by id, by storyline) and keeps the unmerged
 * ones: the unary plus keeps SQLite from reading `merged_into IS NULL` through clusters_merged_idx. Without table
 * statistics the planner rates that index's equality above an `IN (json_each ...)` list, and walks every unmerged story
 * (nearly all of them) to find the few named: rows read grew with the stored stories, ~70 a statement with 150 stored
 * and ~450 with 600 (the cryptoprism replay). With the plus, the primary key (or the storyline index) finds them.
 */
export const UNMERGED = '+merged_into IS NULL';
