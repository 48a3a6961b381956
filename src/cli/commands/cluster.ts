/**
 * `onestory cluster FILE.jsonl`: input lines `{id, source, published_iso, url, title, body}`; runs clean, label,
 * fingerprint, cluster and canonical choice in publication order inside the local Worker (a throwaway D1), and
 * prints one line per input, in input order: `{id, cluster, canonical, kind, coins}`. Exactly one member of each
 * cluster has `canonical: true`. This format is an interface (evaluations parse it): keep it stable.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LoopBlocks } from '../../ingest/loop-blocks.ts';
import type { Stretches } from '../../ingest/stretches.ts';
import type { ReadTally } from '../../routes/read-tally.ts';
import type { ArticleResult, RecordedArticle } from '../../ingest/replay.ts';
import { UsageError } from '../args.ts';
import { startLocalWorker, type LocalWorker } from '../local-worker.ts';
import { progress } from '../progress.ts';
import { loadConfiguredSources, sourceMatcher } from '../sources.ts';

export const ARTICLES_A_REQUEST = 50; // one admin request's work; small enough to show progress often

export interface InputArticle {
  id: string;
  source: string;
  published_iso: string | null;
  url: string;
  title: string;
  body: string;
}

export type Assignment = { cluster: string | null; canonical: boolean; kind: string | null; coins: string[] };

export async function readJsonl(file: string): Promise<{ articles: InputArticle[]; errors: { line: number; error: string }[] }> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const articles: InputArticle[] = [];
  const errors: { line: number; error: string }[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const o = JSON.parse(line);
      if (o == null || typeof o !== 'object' || (typeof o.id !== 'string' && typeof o.id !== 'number')) throw new Error('needs an "id"');
      articles.push({
        id: String(o.id),
        source: typeof o.source === 'string' ? o.source : 'unknown',
        published_iso: typeof o.published_iso === 'string' ? o.published_iso : null,
        url: typeof o.url === 'string' ? o.url : '',
        title: typeof o.title === 'string' ? o.title : '',
        body: typeof o.body === 'string' ? o.body : '',
      });
    } catch (err) {
      errors.push({ line: i + 1, error: `line ${i + 1}: ${(err as Error).message}` });
    }
  });
  return { articles, errors };
}

export interface SendOptions {
  perRequest?: number; // articles a request (default ARTICLES_A_REQUEST)
  // each request's wall time, as the caller saw it, and what it was asked to watch
  onRequest?: (ms: number, results: ArticleResult[], loop?: LoopBlocks, stretches?: Stretches, reads?: ReadTally) => void;
  /** Ask the Worker how long its thread was held at a stretch during each request (passed to onRequest). */
  watchLoop?: boolean;
  /** Ask the Worker how long ingestion ran between its yields during each request, and of what (passed to onRequest). */
  watchStretches?: boolean;
  /** Ask the Worker how its serving cache answered readers during each request (passed to onRequest). */
  watchReads?: boolean;
}

/** Sends articles to the Worker in publication order; returns each input id's result. */
export async function sendInOrder(
  worker: LocalWorker,
  articles: InputArticle[],
  label: string,
  quiet = false,
  { perRequest = ARTICLES_A_REQUEST, onRequest, watchLoop = false, watchStretches = false, watchReads = false }: SendOptions = {},
): Promise<Map<string, ArticleResult>> {
  const match = sourceMatcher(loadConfiguredSources());
  const ordered = articles
    .map((a, i) => ({ a, i, t: Date.parse(a.published_iso ?? '') }))
    .sort((x, y) => (Number.isNaN(x.t) ? Infinity : x.t) - (Number.isNaN(y.t) ? Infinity : y.t) || x.i - y.i)
    .map(({ a }) => a);
  const results = new Map<string, ArticleResult>();
  const bar = quiet ? null : progress(ordered.length, label);
  for (let i = 0; i < ordered.length; i += perRequest) {
    const batch: RecordedArticle[] = ordered.slice(i, i + perRequest).map((a) => ({
      id: a.id,
      source: match(a.source),
      // An article without a usable link still gets clustered: it is given a stand-in address of its own.
      url: /^https?:\/\//i.test(a.url) ? a.url : `https://unlinked.invalid/${encodeURIComponent(a.id)}`,
      title: a.title,
      published_iso: a.published_iso,
      body: a.body,
    }));
    const t0 = performance.now();
    const answer = await worker.call<{ results: ArticleResult[]; loop?: LoopBlocks; stretches?: Stretches; reads?: ReadTally }>('/replay/articles', {
      articles: batch,
      ...(watchLoop ? { watch_loop: true } : {}),
      ...(watchStretches ? { watch_stretches: true } : {}),
      ...(watchReads ? { watch_reads: true } : {}),
    });
    const got = answer.results;
    onRequest?.(performance.now() - t0, got, answer.loop, answer.stretches, answer.reads);
    for (const r of got) results.set(r.id, r);
    bar?.update(Math.min(i + perRequest, ordered.length));
  }
  bar?.done();
  return results;
}

const ASSIGNMENTS_A_CALL = 5_000; // under /admin/assignments' cap of ids a request

export async function clusterCommand(argv: string[], out: (line: string) => void): Promise<number> {
  if (argv.length !== 1) throw new UsageError('cluster takes one FILE.jsonl');
  const { articles, errors } = await readJsonl(argv[0]);
  for (const e of errors) out(JSON.stringify({ error: e.error }));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'onestory-cluster-'));
  const worker = await startLocalWorker(dir);
  try {
    const results = await sendInOrder(worker, articles, 'articles clustered');
    const itemIds = [...new Set([...results.values()].map((r) => r.itemId).filter((x): x is string => !!x))];
    const assignments: Record<string, Assignment> = {};
    for (let i = 0; i < itemIds.length; i += ASSIGNMENTS_A_CALL) {
      const part = await worker.call<{ assignments: Record<string, Assignment> }>('/assignments', { item_ids: itemIds.slice(i, i + ASSIGNMENTS_A_CALL) });
      Object.assign(assignments, part.assignments);
    }
    const canonicalTaken = new Set<string>();
    for (const a of articles) {
      const r = results.get(a.id);
      const got = r?.itemId ? assignments[r.itemId] : undefined;
      if (!got || !got.cluster) {
        out(JSON.stringify({ id: a.id, error: r?.reason ?? `not clustered (${r?.status ?? 'unknown'})` }));
        continue;
      }
      // Two inputs with one URL are one item: only the first of them speaks as the canonical.
      const canonical = got.canonical && !canonicalTaken.has(r!.itemId!);
      if (canonical) canonicalTaken.add(r!.itemId!);
      out(JSON.stringify({ id: a.id, cluster: got.cluster, canonical, kind: got.kind, coins: got.coins }));
    }
  } finally {
    await worker.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return errors.length ? 1 : 0;
}
