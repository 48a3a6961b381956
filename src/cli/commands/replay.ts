/**
 * `onestory replay PATH`: a folder of recorded feed XML files, or an articles JSONL file, through the Worker's own
 * ingestion and pipeline into the local database that `npm start` serves. Nothing is fetched. When `npm start` is
 * running on that database, the work goes through its own Worker (see database-worker.ts). Every feed or item that
 * fails is named with its reason; replaying the same data again retries what failed.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FeedReplayResult } from '../../ingest/replay.ts';
import { parseArgs, UsageError } from '../args.ts';
import { workerForDatabase, type DatabaseWorker } from '../database-worker.ts';
import { DEFAULT_PERSIST_DIR, DEFAULT_PORT } from '../local-worker.ts';
import { progress } from '../progress.ts';
import { loadConfiguredSources, sourceMatcher } from '../sources.ts';
import { readJsonl, sendInOrder } from './cluster.ts';

const FEED_FILE = /\.(xml|rss|atom|rdf)$/i;
const LOCKED = /SQLITE_BUSY|database is locked/; // how D1 words a write lock held by another process

export async function replayCommand(argv: string[], log: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, { options: ['persist-to'] });
  if (args.positional.length !== 1) throw new UsageError('replay takes one PATH: a folder of feed XML files or a .jsonl file');
  const target = args.positional[0];
  const info = await stat(target).catch(() => null);
  if (!info) throw new UsageError(`no such file or folder: ${target}`);
  const files = info.isDirectory() ? (await readdir(target)).filter((f) => FEED_FILE.test(f)).sort() : [];
  if (info.isDirectory() && !files.length) throw new UsageError(`no feed files (*.xml, *.rss, *.atom) in ${target}`);
  const persistTo = path.resolve(args.options['persist-to'] ?? DEFAULT_PERSIST_DIR);
  const failures: string[] = [];
  let worker: DatabaseWorker | null = null;
  try {
    worker = await workerForDatabase(persistTo);
    if (worker.server) {
      log(`[replay] \`npm start\` (pid ${worker.server.pid}) serves this database on http://localhost:${worker.server.port}: replaying through its Worker`);
    }
    const done = info.isDirectory() ? await replayFeedFolder(worker, target, files, log) : await replayArticleDump(worker, target, log);
    failures.push(...done.failures);
    if (done.retried) log(`[replay] ${done.retried} of them had failed before and were run again`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    failures.push(`could not finish: ${(err as Error).message}`);
  } finally {
    await worker?.stop();
  }
  for (const f of failures) log(`[replay] FAILED ${f}`);
  if (failures.some((f) => LOCKED.test(f))) {
    log('[replay] another process was writing this database (a `wrangler dev` not started by `npm start`?): stop it, or replay with --persist-to DIR');
  }
  if (failures.length) log(`[replay] ${failures.length} failed (named above). Run the same replay again: what was stored stays, what failed is retried.`);
  if (worker?.server) log(`[replay] done: http://localhost:${worker.server.port}/inspector shows it now`);
  else if (worker) log(`[replay] done. Serve it with \`npm start\`, then open http://localhost:${servePort()}/inspector`);
  return failures.length ? 1 : 0;
}

interface Done {
  failures: string[]; // one line each, naming the feed or item and the reason
  retried: number; // items that had failed before and ran again
}

/** Each feed file as if its source had just served it; the file name picks the source. */
async function replayFeedFolder(worker: DatabaseWorker, folder: string, files: string[], log: (line: string) => void): Promise<Done> {
  const done: Done = { failures: [], retried: 0 };
  const match = sourceMatcher(loadConfiguredSources());
  const bar = progress(files.length, 'feeds replayed');
  for (const [i, f] of files.entries()) {
    const source = match(f.replace(FEED_FILE, ''));
    const xml = await readFile(path.join(folder, f), 'utf8');
    const r = await worker.call<FeedReplayResult>('/replay/feed', { source, xml });
    if (!r.outcome.ok) done.failures.push(`${f} -> ${source.id}: ${r.outcome.code}: ${r.outcome.message}`);
    for (const x of r.failures) done.failures.push(`${source.id} item ${x.itemId} "${x.title}" <${x.url}>: ${x.reason}`);
    done.retried += r.retried;
    bar.update(i + 1);
    log(`[replay] ${f} -> ${source.id}: ${r.outcome.ok ? 'ok' : 'FAILED ' + r.outcome.code}: ${r.outcome.message}; ${r.processed} processed, ${r.failed} failed`);
  }
  bar.done();
  return done;
}

/** An articles JSONL file, in publication order; the summary line counts each outcome. */
async function replayArticleDump(worker: DatabaseWorker, file: string, log: (line: string) => void): Promise<Done> {
  const done: Done = { failures: [], retried: 0 };
  const { articles, errors } = await readJsonl(file);
  for (const e of errors) {
    log(`[replay] skipped ${e.error}`);
    done.failures.push(`${path.basename(file)} ${e.error}`);
  }
  const results = await sendInOrder(worker, articles, 'articles replayed');
  const byId = new Map(articles.map((a) => [a.id, a]));
  const counts = new Map<string, number>();
  for (const r of results.values()) {
    counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    if (r.retried) done.retried++;
    if (r.status === 'failed' || r.status === 'rejected') {
      const a = byId.get(r.id);
      done.failures.push(`${r.status === 'failed' ? 'item' : 'rejected'} ${r.id} (${a?.source ?? '?'}) "${a?.title ?? ''}" <${a?.url ?? ''}>: ${r.reason ?? r.status}`);
    }
  }
  log(`[replay] ${path.basename(file)}: ${[...counts].map(([k, v]) => `${v} ${k}`).join(', ')}`);
  return done;
}

/** The port `npm start` will serve on from this shell: PORT, else its default. */
function servePort(): number {
  return Number(process.env.PORT) || DEFAULT_PORT;
}
