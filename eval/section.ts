/**
 * The contract of one evaluation (or benchmark) section. A section is a file `eval/sections/NAME.ts`
 * (or `bench/sections/NAME.ts`) whose default export is a `Section` and which may export `thresholds`:
 * `npm run eval` runs every section, prints each report, then checks the thresholds against the metrics.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SectionResult {
  name: string; // 'noise', 'extraction', 'kinds', 'grouping', ...
  report: string; // a human-readable table, printed as is
  metrics: Record<string, number>; // flat, e.g. { 'noise.body_f1': 0.97 }; thresholds refer to these keys
}

export interface SectionContext {
  dataDir: string; // ../shared/data, or $ONESTORY_DATA
  quick: boolean; // --quick: a smaller sample, for a fast look while developing
  /**
   * A measurement as soon as it is taken (a bench's row): the runner writes it out at once, so a run cut short (a
   * timeout, Ctrl-C, a crash) still leaves what it measured. The full report is the section's result, as before.
   */
  note?: (line: string) => void;
}

export type Section = (ctx: SectionContext) => Promise<SectionResult>;

/** Bounds a metric must keep, e.g. { 'noise.body_f1': { min: 0.96 } }: set just under what we reach. */
export type Thresholds = Record<string, { min?: number; max?: number }>;

export interface SectionModule {
  default: Section;
  thresholds?: Thresholds;
}

/** Loads `<kind>/sections/*.ts`, keyed by file name, in alphabetical order. */
export async function loadSections(kind: 'eval' | 'bench'): Promise<Record<string, SectionModule>> {
  const dir = path.join(PROJECT_ROOT, kind, 'sections');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const out: Record<string, SectionModule> = {};
  for (const f of files) out[f.replace(/\.ts$/, '')] = (await import(path.join(dir, f))) as SectionModule;
  return out;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(here, '..');
export function defaultDataDir(): string {
  return process.env.ONESTORY_DATA ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
}

/** Formats rows as an aligned plain-text table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: (string | number)[]) => r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) < 10 ? n.toFixed(3) : n.toFixed(1);
}
