/**
 * `npm run eval [-- SECTION...] [--quick]`: quality on ../shared/data, side by side with baselines computed
 * in the same run. Exits non-zero when a metric falls below its section's `thresholds`, so CI catches regressions.
 */
import { loadSections, defaultDataDir, type SectionResult, type Thresholds } from './section.ts';

export async function runEval(argv: string[]): Promise<number> {
  const quick = argv.includes('--quick');
  const SECTIONS = await loadSections('eval');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((w) => !(w in SECTIONS));
  if (unknown.length) {
    process.stderr.write(`eval: unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}\n`);
    return 2;
  }
  const names = wanted.length ? wanted : Object.keys(SECTIONS);
  const ctx = { dataDir: defaultDataDir(), quick };
  const results: SectionResult[] = [];
  for (const name of names) {
    const t0 = performance.now();
    const result = await SECTIONS[name].default(ctx);
    results.push(result);
    process.stdout.write(`\n== ${result.name} (${((performance.now() - t0) / 1000).toFixed(1)} s) ==\n${result.report}\n`);
  }
  const thresholds: Thresholds = Object.assign({}, ...names.map((n) => SECTIONS[n].thresholds ?? {}));
  const metrics = Object.assign({}, ...results.map((r) => r.metrics)) as Record<string, number>;
  const failures: string[] = [];
  let checked = 0;
  for (const [key, bound] of Object.entries(thresholds)) {
    if (!(key in metrics)) continue; // its section was not run
    if (quick) continue; // thresholds hold for the full sets only
    checked++;
    const v = metrics[key];
    if (bound.min !== undefined && !(v >= bound.min)) failures.push(`${key} = ${v.toFixed(4)} < ${bound.min}`);
    if (bound.max !== undefined && !(v <= bound.max)) failures.push(`${key} = ${v.toFixed(4)} > ${bound.max}`);
  }
  process.stdout.write(`\n== thresholds ==\n${checked - failures.length} passed, ${failures.length} failed\n`);
  for (const f of failures) process.stdout.write(`FAIL ${f}\n`);
  return failures.length ? 1 : 0;
}
