/**
 * How the configured sources are doing, in one summary the inspector and the feeds can show: how many failed their
 * last fetch, and the commonest cause. When every source fails (no network, a DNS outage, a blocked User-Agent), the
 * stories on show stop changing, and a reader must be told so rather than left guessing.
 */
export interface SourceStatusRow {
  id: string;
  name: string;
  lastFetchAt: number | null;
  consecutiveFailures: number;
  lastErrorCode: string | null;
  lastError: string | null;
}

export interface SourceStatus {
  sources: number; // enabled sources
  failing: number; // enabled sources whose last fetch failed
  allFailing: boolean; // every enabled source failed its last fetch
  /** The error code most failing sources share, with one of their messages. */
  commonest: { code: string; sources: number; example: { source: string; message: string } } | null;
}

export function summarizeSourceStatus(rows: SourceStatusRow[]): SourceStatus {
  const failing = rows.filter((r) => r.lastFetchAt != null && r.consecutiveFailures > 0);
  const byCode = new Map<string, SourceStatusRow[]>();
  for (const r of failing) {
    const code = r.lastErrorCode ?? 'unknown';
    byCode.set(code, [...(byCode.get(code) ?? []), r]);
  }
  // the largest group; a tie goes to the code first in alphabetical order, so the page does not flicker
  const [code, group] = [...byCode].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))[0] ?? [];
  return {
    sources: rows.length,
    failing: failing.length,
    allFailing: rows.length > 0 && failing.length === rows.length,
    commonest: code && group ? { code, sources: group.length, example: { source: group[0].name, message: group[0].lastError ?? '' } } : null,
  };
}

/** One sentence for a feed's channel description when every source fails; null otherwise. */
export function allFailingNotice(s: SourceStatus): string | null {
  if (!s.allFailing) return null;
  const cause = s.commonest ? ` Commonest cause: ${s.commonest.code} (${s.commonest.sources} of ${s.sources}), e.g. ${s.commonest.example.source}: ${s.commonest.example.message}.` : '';
  return `Warning: every source is failing: all ${s.sources} sources failed their last fetch, so these stories may be out of date.${cause}`;
}
