/**
 * `onestory replay PATH`: a folder of recorded feed XML files, or an articles JSONL file, through the Worker's own
 * ingestion and pipeline into the local database that `npm start` serves. Nothing is fetched.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FetchOutcome } from '../../db/queries/sources.ts';
import { parseArgs, UsageError } from '../args.ts';
import { DEFAULT_PERSIST_DIR, startLocalWorker } from '../local-worker.ts';
import { progress } from '../progress.ts';
import { loadConfiguredSources, sourceMatcher } from '../sources.ts';
import { readJsonl, sendInOrder } from './cluster.ts';

const FEED_FILE = /\.(xml|rss|atom|rdf)$/i;

export async function replayCommand(argv: string[], log: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, { options: ['persist-to'] });
  if (args.positional.length !== 1) throw new UsageError('replay takes one PATH: a folder of feed XML files or a .jsonl file');
  const target = args.positional[0];
  const info = await stat(target).catch(() => null);
  if (!info) throw new UsageError(`no such file or folder: ${target}`);
  const persistTo = args.options['persist-to'] ?? DEFAULT_PERSIST_DIR;
  const worker = await startLocalWorker(persistTo);
  let failures = 0;
  try {
    if (info.isDirectory()) {
      const files = (await readdir(target)).filter((f) => FEED_FILE.test(f)).sort();
      if (!files.length) throw new UsageError(`no feed files (*.xml, *.rss, *.atom) in ${target}`);
      const match = sourceMatcher(loadConfiguredSources());
      const bar = progress(files.length, 'feeds replayed');
      for (const [i, f] of files.entries()) {
        const source = match(f.replace(FEED_FILE, ''));
        const xml = await readFile(path.join(target, f), 'utf8');
        const r = await worker.call<{ outcome: FetchOutcome; processed: number; failed: number }>('/replay/feed', { source, xml });
        if (!r.outcome.ok) failures++;
        bar.update(i + 1);
        log(`[replay] ${f} -> ${source.id}: ${r.outcome.ok ? 'ok' : 'FAILED ' + r.outcome.code}: ${r.outcome.message}; ${r.processed} processed, ${r.failed} failed`);
      }
      bar.done();
    } else {
      const { articles, errors } = await readJsonl(target);
      for (const e of errors) log(`[replay] skipped ${e.error}`);
      const results = await sendInOrder(worker, articles, 'articles replayed');
      const counts = new Map<string, number>();
      for (const r of results.values()) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
      failures += (counts.get('failed') ?? 0) + (counts.get('rejected') ?? 0) + errors.length;
      log(`[replay] ${path.basename(target)}: ${[...counts].map(([k, v]) => `${v} ${k}`).join(', ')}`);
    }
  } finally {
    await worker.stop();
  }
  log(`[replay] done. Serve it with \`npm start\`, then open http://localhost:8787/inspector`);
  return failures ? 1 : 0;
}
