/**
 * The bench runner in a process of its own, over made-up sections, for test/cli/bench-run.test.ts: stdout is what the
 * test redirected it to (a file), and the test may signal it while a section is under way.
 *
 *   node --import tsx test/support/bench-child.ts SECTION...
 */
import { runSections } from '../../bench/run.ts';
import type { SectionModule } from '../../eval/section.ts';

const SECTIONS: Record<string, SectionModule> = {
  // measures two rows, then reports
  quick: {
    default: async (ctx) => {
      ctx.note?.('row one: 120 req/s');
      ctx.note?.('row two: 80 req/s');
      return { name: 'quick (made up)', report: 'route  req/s\none    120\ntwo    80', metrics: {} };
    },
  },
  // measures one row, then never finishes (a run the test cuts short)
  stuck: {
    default: async (ctx) => {
      ctx.note?.('row before the wait: 95 req/s');
      process.stderr.write('stuck: waiting\n'); // the test signals once it reads this
      await new Promise(() => setInterval(() => {}, 1_000));
      throw new Error('unreachable');
    },
  },
  // measures one row, then fails
  broken: {
    default: async (ctx) => {
      ctx.note?.('row before the failure: 60 req/s');
      throw new Error('the local Worker did not start');
    },
  },
};

process.exitCode = await runSections(SECTIONS, process.argv.slice(2));
