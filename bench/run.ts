/**
 * `npm run bench [-- SECTION...] [--quick]`: speed and memory, every contender measured side by side in one run.
 * Reports medians, p95 and ratios; asserts nothing (timings are not tests).
 */
import { defaultDataDir, loadSections } from '../eval/section.ts';

export async function runBench(argv: string[]): Promise<number> {
  const SECTIONS = await loadSections('bench');
  const quick = argv.includes('--quick');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((w) => !(w in SECTIONS));
  if (unknown.length) {
    process.stderr.write(`bench: unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}\n`);
    return 2;
  }
  const ctx = { dataDir: defaultDataDir(), quick };
  for (const name of wanted.length ? wanted : Object.keys(SECTIONS)) {
    const t0 = performance.now();
    const result = await SECTIONS[name].default(ctx);
    process.stdout.write(`\n== ${result.name} (${((performance.now() - t0) / 1000).toFixed(1)} s) ==\n${result.report}\n`);
  }
  return 0;
}
