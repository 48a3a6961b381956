/**
 * `npm run bench [-- SECTION...] [--quick]`: speed and memory, every contender measured side by side in one run.
 * Reports medians, p95 and ratios; asserts nothing (timings are not tests).
 *
 * Everything goes to stdout as it is measured, written synchronously: a section's rows as it takes them (`ctx.note`),
 * then its report. A bench run for minutes, redirected to a file, was once left empty: its report was written only at
 * the end, and a run killed before then (a timeout's SIGTERM, Ctrl-C; miniflare exits at once on those) or stuck
 * stopping its local Worker wrote nothing. Now a signal writes what was measured is all there is, and exits; a
 * section that throws is named with its error on stdout, and the next section runs.
 */
import { writeSync } from 'node:fs';
import { defaultDataDir, loadSections, type SectionModule } from '../eval/section.ts';

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/** Writes to stdout before returning (a file, a pipe or a terminal alike), so nothing waits in a buffer at exit. */
export function writeOut(text: string, fd = 1): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err; // a non-blocking pipe that is full: try again
    }
  }
}

export async function runBench(argv: string[]): Promise<number> {
  return runSections(await loadSections('bench'), argv);
}

/** Runs the sections `argv` names (all when none), writing each one's rows and report with `out`. */
export async function runSections(SECTIONS: Record<string, SectionModule>, argv: string[], out: (text: string) => void = writeOut): Promise<number> {
  const quick = argv.includes('--quick');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((w) => !(w in SECTIONS));
  if (unknown.length) {
    process.stderr.write(`bench: unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}\n`);
    return 2;
  }
  let current = { name: '', t0: performance.now() };
  const seconds = () => ((performance.now() - current.t0) / 1000).toFixed(1);
  // registered before any section starts a local Worker, so these run before miniflare's own handlers exit
  const onSignal = (signal: keyof typeof SIGNALS) => {
    out(`\n== ${current.name || 'bench'} cut short by ${signal} after ${seconds()} s: the lines above are what it measured ==\n`);
    process.exit(128 + SIGNALS[signal]);
  };
  const handlers = Object.keys(SIGNALS).map((s) => [s, () => onSignal(s as keyof typeof SIGNALS)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  let failed = 0;
  try {
    for (const name of wanted.length ? wanted : Object.keys(SECTIONS)) {
      current = { name, t0: performance.now() };
      out(`\n-- ${name}: measuring (rows as they are taken; the report follows) --\n`);
      const note = (line: string) => out(`[${name}] ${line}\n`);
      try {
        const result = await SECTIONS[name].default({ dataDir: defaultDataDir(), quick, note });
        out(`\n== ${result.name} (${seconds()} s) ==\n${result.report}\n`);
      } catch (err) {
        failed++;
        out(`\n== ${name} FAILED after ${seconds()} s: ${(err as Error)?.stack ?? err} ==\n`);
      }
    }
  } finally {
    for (const [s, h] of handlers) process.off(s, h);
  }
  return failed ? 1 : 0;
}
