/**
 * How the serving cache answered its readers while something ran (a replay request asks for it: watch_reads): how many
 * were a 304, a page from this isolate's memory, the page's previous version (while another request rendered its new
 * one), a page another request was rendering (after a wait), a Cache API copy, or a rendering of their own; how long
 * each kind took inside the Worker; how often the serving version was read from D1. During a replay this says whether readers wait on renderings after the version's bumps (cache misses)
 * or on the thread itself (a 404 that reads nothing waits as long).
 *
 * workerd's clock moves only at I/O: a time here is the reader's time between its first and last I/O, its queueing
 * before its handler started not included. Opt-in; off, a note is one comparison.
 */
export const READ_OUTCOMES = ['not modified', 'memory', 'previous version', 'waited for another', 'shared cache', 'rendered'] as const;
export type ReadOutcome = (typeof READ_OUTCOMES)[number];

export interface ReadTally {
  /** Per outcome: readers, their total ms, their longest ms. */
  byOutcome: Record<ReadOutcome, [n: number, ms: number, maxMs: number]>;
  versionReadsFromD1: number; // the serving version not known in memory: one D1 round trip
  versionsServed: number; // distinct serving versions the readers were answered at
}

interface Recording {
  out: ReadTally;
  versions: Set<string>;
}

let recording: Recording | null = null;

const empty = (): ReadTally => ({
  byOutcome: Object.fromEntries(READ_OUTCOMES.map((o) => [o, [0, 0, 0]])) as ReadTally['byOutcome'],
  versionReadsFromD1: 0,
  versionsServed: 0,
});

/** Starts counting; the returned function stops and returns the tally. */
export function tallyReads(): () => ReadTally {
  const r: Recording = { out: empty(), versions: new Set() };
  recording = r;
  return () => {
    if (recording === r) recording = null;
    r.out.versionsServed = r.versions.size;
    return r.out;
  };
}

/** One reader answered (no-op unless counting). */
export function noteRead(outcome: ReadOutcome, ms: number, version: string): void {
  const r = recording;
  if (!r) return;
  const e = r.out.byOutcome[outcome];
  e[0]++;
  e[1] += ms;
  e[2] = Math.max(e[2], ms);
  r.versions.add(version);
}

/** The serving version was read from D1 (no-op unless counting). */
export function noteVersionRead(): void {
  if (recording) recording.out.versionReadsFromD1++;
}

/** Sums the tallies of several requests (one replay = many requests). */
export function mergeReadTallies(parts: ReadTally[]): ReadTally {
  const out = empty();
  for (const p of parts) {
    for (const o of READ_OUTCOMES) {
      const [n, ms, max] = p.byOutcome[o] ?? [0, 0, 0];
      const e = out.byOutcome[o];
      e[0] += n;
      e[1] += ms;
      e[2] = Math.max(e[2], max);
    }
    out.versionReadsFromD1 += p.versionReadsFromD1;
    out.versionsServed += p.versionsServed; // an upper bound: a version may span two requests
  }
  return out;
}

/** One line: each outcome's share of the readers and its mean and longest time. */
export function describeReadTally(t: ReadTally): string {
  const total = READ_OUTCOMES.reduce((s, o) => s + t.byOutcome[o][0], 0);
  const parts = READ_OUTCOMES.filter((o) => t.byOutcome[o][0] > 0).map((o) => {
    const [n, ms, max] = t.byOutcome[o];
    return `${o} ${((100 * n) / (total || 1)).toFixed(1)} % (${n}; mean ${(ms / n).toFixed(1)} ms, max ${max.toFixed(0)})`;
  });
  return `${total} cached-route readers: ${parts.join(', ')}; serving version read from D1 ${t.versionReadsFromD1}x, ${t.versionsServed} versions served`;
}
