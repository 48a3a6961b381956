/**
 * How long ingestion runs between two of its yields to readers, and what each stretch is made of. In local workerd a
 * reader waits, at worst, for the stretch of placement under way when it arrived (see yield-to-readers.ts), so the
 * longest stretches are what a reader's p99 is made of during a replay. Unlike the event loop's blocks
 * (loop-blocks.ts), a stretch counts ingestion's own work only, and does not depend on how many readers there are.
 *
 * A stretch starts when a yield ends and ends when the next yield starts. Inside it, `stretchMark` names what runs
 * from then on (a D1 round trip and its statement, a pipeline stage, the JS after a round trip), so the longest
 * stretches can be taken apart. Opt-in (a replay request asks for it); off, a mark is one comparison.
 *
 * workerd advances its clock only at I/O (a timer, a D1 answer): a part that is JS alone reads 0 ms, and its time is
 * counted in the part that ends at the next I/O (the next D1 round trip, or the yield's first timer turn, where a
 * stretch ends). With readers about, whatever of theirs runs before that timer counts too: measure with none.
 */
export const STRETCH_BUCKETS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const; // upper bounds; one more bucket beyond the last
export const STRETCH_KEPT_MS = 20; // stretches at least this long are returned with their parts (the slice a reader can bear)
const LABEL_CHARS_MAX = 120; // of a part's label (a statement's SQL, a batch's statements)

export interface Stretch {
  ms: number;
  parts: [label: string, ms: number][]; // in order; consecutive parts of one label merged
}

export interface Stretches {
  ms: number[]; // every stretch's length, in order
  long: Stretch[]; // those of at least STRETCH_KEPT_MS, with their parts
  byPart: Record<string, [n: number, ms: number, maxMs: number]>; // every stretch's parts, by label (numbers folded)
}

interface Recording {
  clock: () => number;
  began: number; // the current stretch's start (NaN while a yield runs)
  marks: [string, number][];
  out: Stretches;
}

let recording: Recording | null = null;

/** Starts recording; the returned function stops and returns what was recorded. `clock` is injectable for tests. */
export function recordStretches(clock: () => number = () => performance.now()): () => Stretches {
  const r: Recording = { clock, began: clock(), marks: [], out: { ms: [], long: [], byPart: {} } };
  r.marks.push(['start', r.began]);
  recording = r;
  return () => {
    if (recording === r) {
      stretchEnds();
      recording = null;
    }
    return r.out;
  };
}

/** Names what runs from now until the next mark or yield (no-op unless recording). */
export function stretchMark(label: string): void {
  const r = recording;
  if (!r || Number.isNaN(r.began)) return;
  r.marks.push([label.length > LABEL_CHARS_MAX ? label.slice(0, LABEL_CHARS_MAX) : label, r.clock()]);
}

/**
 * Counts `ms` under `label` beside the parts, not in any stretch: what D1 says a statement's SQL took (its
 * `meta.duration`), against the wall time of its round trip (no-op unless recording).
 */
export function stretchNote(label: string, ms: number): void {
  const r = recording;
  if (!r) return;
  const e = (r.out.byPart[foldNumbers(label)] ??= [0, 0, 0]);
  e[0]++;
  e[1] += ms;
  e[2] = Math.max(e[2], ms);
}

/** A yield starts: the stretch under way ends. */
export function stretchEnds(): void {
  const r = recording;
  if (!r || Number.isNaN(r.began)) return;
  const end = r.clock();
  const ms = end - r.began;
  r.out.ms.push(ms);
  const parts = partsOf(r.marks, end);
  if (ms >= STRETCH_KEPT_MS) r.out.long.push({ ms, parts });
  for (const [label, partMs] of parts) {
    const k = foldNumbers(label);
    const e = (r.out.byPart[k] ??= [0, 0, 0]);
    e[0]++;
    e[1] += partMs;
    e[2] = Math.max(e[2], partMs);
  }
  r.began = NaN;
  r.marks = [];
}

/** A yield ends: a new stretch starts. */
export function stretchBegins(): void {
  const r = recording;
  if (!r || !Number.isNaN(r.began)) return;
  r.began = r.clock();
  r.marks = [['resume', r.began]];
}

function partsOf(marks: [string, number][], end: number): [string, number][] {
  const parts: [string, number][] = [];
  marks.forEach(([label, at], i) => {
    const ms = (i + 1 < marks.length ? marks[i + 1][1] : end) - at;
    const last = parts.at(-1);
    if (last && last[0] === label) last[1] += ms;
    else parts.push([label, ms]);
  });
  return parts;
}

/** A label with its counts folded (`batch of 7` and `batch of 9` are one kind of part). */
export function foldNumbers(label: string): string {
  return label.replace(/\b\d+\b/g, 'N');
}

/** A statement's label: its verb and tables, whitespace folded. */
export function sqlLabel(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().slice(0, 60);
}

/** Merges several requests' recordings (one replay is many requests). */
export function mergeStretches(parts: Stretches[]): Stretches {
  const byPart: Stretches['byPart'] = {};
  for (const p of parts) {
    for (const [k, [n, ms, max]] of Object.entries(p.byPart)) {
      const e = (byPart[k] ??= [0, 0, 0]);
      e[0] += n;
      e[1] += ms;
      e[2] = Math.max(e[2], max);
    }
  }
  return { ms: parts.flatMap((p) => p.ms), long: parts.flatMap((p) => p.long), byPart };
}

/** Counts per bucket of STRETCH_BUCKETS_MS (the last count is beyond the last bound), and the tail's quantiles. */
export function stretchHistogram(ms: number[]): { counts: number[]; p50: number; p90: number; p99: number; max: number; total: number } {
  const counts = new Array<number>(STRETCH_BUCKETS_MS.length + 1).fill(0);
  for (const m of ms) {
    const i = STRETCH_BUCKETS_MS.findIndex((b) => m <= b);
    counts[i < 0 ? STRETCH_BUCKETS_MS.length : i]++;
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const q = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN);
  return { counts, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: sorted.at(-1) ?? NaN, total: ms.reduce((s, m) => s + m, 0) };
}
