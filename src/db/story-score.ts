/**
 * How much an event matters, before age (`sort=top`, the digest): written with the cluster rows, in the same batch, by
 * placement and by the editors' overrides (clusterWrites), so it never waits for a later run. One SQL statement, no
 * read first: the members of each story, grouped by outlet.
 *
 *   base = (sum over distinct outlets of tier weight × advertorial factor)
 *          × (1 + SPEED_BONUS × share of the other outlets whose first item came within SPEED_WINDOW of the first report)
 *          × kind factor of the story (its canonical's kind)
 *
 * An outlet counts once however many items it has in the story (its own copies and updates). What the reader sees
 * divides it by age (src/model/score.ts). The parts are kept in score_reasons for the API and the inspector.
 */
import { UNMERGED } from './client.ts';
import { bumpServingVersion } from './serving-version.ts';

export const TIER_WEIGHT = { original: 1.0, aggregator: 0.6, content_farm: 0.3 } as const; // an original outlet's report counts most
export const ADVERTORIAL_OUTLET_FACTOR = 0.25; // an outlet whose only items here are sponsored or press releases
export const SPEED_WINDOW_MS = 6 * 3_600_000; // coverage within six hours of the first report is the event spreading
export const SPEED_BONUS = 0.5; // every other outlet inside the window: ×1.5
/** A story whose canonical is an advertorial, a press release or a forecast is not the day's news, however copied. */
export const KIND_FACTOR: Record<string, number> = { sponsored: 0.3, 'press-release': 0.5, 'price-prediction': 0.6 };

/** The stored parts (clusters.score_reasons). */
export interface ScoreParts {
  outlets: number;
  original_outlets: number;
  weighted_outlets: number;
  fast_outlets: number; // outlets (the first included) whose first item came within SPEED_WINDOW_MS of the first report
  speed_factor: number;
  kind_factor: number;
  base: number;
}

const kindCase = `CASE clusters.kind ${Object.entries(KIND_FACTOR)
  .map(([k, f]) => `WHEN '${k}' THEN ${f.toFixed(2)}`)
  .join(' ')} ELSE 1.0 END`;
const tierCase = `CASE s.tier ${Object.entries(TIER_WEIGHT)
  .map(([t, w]) => `WHEN '${t}' THEN ${w.toFixed(2)}`)
  .join(' ')} ELSE ${TIER_WEIGHT.content_farm.toFixed(2)} END`;
const speedExpr = `(1.0 + ${SPEED_BONUS.toFixed(2)} * (o.fast - 1.0) / max(o.outlets - 1, 1))`;

/** Scores the named stories (unmerged only, found by primary key: see UNMERGED). */
export const SCORE_SQL = `
UPDATE clusters SET (score, score_reasons) = (
  SELECT round(o.weighted * ${speedExpr} * ${kindCase}, 4),
    json_object('outlets', o.outlets, 'original_outlets', o.originals, 'weighted_outlets', round(o.weighted, 3),
      'fast_outlets', o.fast, 'speed_factor', round(${speedExpr}, 3), 'kind_factor', ${kindCase},
      'base', round(o.weighted * ${speedExpr} * ${kindCase}, 4))
  FROM (SELECT count(*) AS outlets, coalesce(sum(w), 0) AS weighted, coalesce(sum(tier = 'original'), 0) AS originals,
               coalesce(sum(first_at <= f0 + ${SPEED_WINDOW_MS}), 0) AS fast
        FROM (SELECT i.source_id, min(i.published_at) AS first_at, s.tier AS tier,
                (${tierCase}) * (CASE WHEN min(coalesce(i.kind, 'news') IN ('sponsored', 'press-release')) = 1
                                  THEN ${ADVERTORIAL_OUTLET_FACTOR} ELSE 1.0 END) AS w
              FROM items i LEFT JOIN sources s ON s.id = i.source_id
              WHERE i.cluster_id = clusters.id GROUP BY i.source_id),
             (SELECT min(published_at) AS f0 FROM items WHERE cluster_id = clusters.id)) o
)
WHERE id IN (SELECT value FROM json_each(?1)) AND ${UNMERGED}`;

/** The score of these stories from their members as they are now: one statement, for the cluster writes' batch. */
export function scoreWrite(d1: D1Database, clusterIds: string[]): D1PreparedStatement {
  return d1.prepare(SCORE_SQL).bind(JSON.stringify(clusterIds));
}

export const RESCORE_BATCH = 200; // stories a rescoring statement reaches: well inside one invocation's CPU

/**
 * The stories still without a score, through clusters_unscored_idx (migration 0009): it holds only those, so the cron's
 * call reads nothing once every story is scored. Before it, SQLite walked clusters_merged_idx for `merged_into IS NULL`
 * (every unmerged story) on every cron run.
 */
export const UNSCORED_SQL = `SELECT id FROM clusters WHERE score_reasons IS NULL AND ${UNMERGED} AND canonical_item_id IS NOT NULL LIMIT ?1`;

/**
 * Scores stories that have none yet (placed before scores existed, migration 0006), at most `limit` a call; the cron
 * calls it each run until none is left. What readers see changes (sort=top, score), so it bumps the serving version
 * when it scored any.
 */
export async function rescoreUnscored(d1: D1Database, limit = RESCORE_BATCH): Promise<number> {
  const { results } = await d1
    .prepare(UNSCORED_SQL)
    .bind(limit)
    .all<{ id: string }>();
  if (results.length) {
    await scoreWrite(d1, results.map((r) => r.id)).run();
    await bumpServingVersion(d1);
  }
  return results.length;
}
