/**
 * Serving speed (issue 11, goal: the story list and the RSS feed at >= 0.5x the req/s of a route that reads nothing,
 * no errors; p99 during a replay <= 2x the quiet p99).
 *
 * The Worker runs in workerd with a local D1, as `npm start` runs it, holding ~770 replayed stories (cryptoprism and
 * basil-dev). A load generator in its own process keeps CONNECTIONS connections busy for SECONDS a route: the 404
 * page (same middleware, reads nothing: the floor), the API's first page, the RSS feed, the inspector's list, the API
 * with a different key every request (the cache's miss path: what every request cost before the cache) and the API
 * with If-None-Match (a poller that revalidates). Then the same while another ~500 items are replayed into it (the
 * placements bump the serving version up to once a second, so the lists are rendered again and again). Means and
 * tails, not only medians.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readJsonl, sendInOrder } from '../../src/cli/commands/cluster.ts';
import { startLocalWorker, PROJECT_ROOT, type LocalWorker } from '../../src/cli/local-worker.ts';
import { mergeBlocks, type LoopBlocks } from '../../src/ingest/loop-blocks.ts';
import { describeReadTally, mergeReadTallies, type ReadTally } from '../../src/routes/read-tally.ts';
import { table, type SectionContext, type SectionResult } from '../../eval/section.ts';
import type { LoadResult, LoadSpec } from '../load.ts';

export const CONNECTIONS = 20; // concurrent readers
const STORED_SETS = ['gold/cryptoprism-202510/articles.jsonl', 'gold/basil-dev/articles.jsonl']; // ~770 items
const REPLAYED_SETS = ['gold/freecryptonews-202601/articles.jsonl', 'gold/rss4-20251213/articles.jsonl']; // ~520 more, during the load
const FLOOR = '/bench-floor-no-such-route';
const STOP_WAIT_MS = 15_000; // the local Worker's shutdown; the report does not wait on a stuck one longer

const run = promisify(execFile);

/** One load run in a process of its own. */
export async function load(spec: LoadSpec): Promise<LoadResult> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'load.ts'), JSON.stringify(spec)], {
    cwd: PROJECT_ROOT,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as LoadResult;
}

export async function readSets(dataDir: string, sets: string[]) {
  const all = [];
  for (const s of sets) all.push(...(await readJsonl(path.join(dataDir, s))).articles);
  return all;
}

export default async function serving(ctx: SectionContext): Promise<SectionResult> {
  const seconds = ctx.quick ? 4 : 10;
  const work = await mkdtemp(path.join(os.tmpdir(), 'onestory-bench-serving-'));
  let worker: LocalWorker | null = null;
  const note = ctx.note ?? (() => {});
  const measured = (phase: string, name: string, r: LoadResult) =>
    note(`${phase} ${name}: ${r.reqPerS.toFixed(0)} req/s, mean ${r.meanMs.toFixed(1)} ms, p50 ${r.p50Ms.toFixed(1)}, p95 ${r.p95Ms.toFixed(1)}, p99 ${r.p99Ms.toFixed(1)}, errors ${r.errors}`);
  try {
    worker = await startLocalWorker(work);
    const stored = await sendInOrder(worker, await readSets(ctx.dataDir, STORED_SETS), 'stored stories', true);
    const w = worker;
    const spec = (route: string, expectStatus = 200, extra: Partial<LoadSpec> = {}): LoadSpec => ({ url: `${w.url}${route}`, connections: CONNECTIONS, seconds, expectStatus, ...extra });
    const etag = (await w.fetch('/api/v1/stories?limit=20')).headers.get('etag') ?? '';
    for (const r of [FLOOR, '/api/v1/stories?limit=20', '/feed.xml', '/inspector']) await load({ ...spec(r, r === FLOOR ? 404 : 200), seconds: 1 }); // warm

    note(`stored ${stored.size} items; ${CONNECTIONS} connections, ${seconds} s a route`);
    const quiet: [string, LoadResult][] = [];
    for (const [name, s] of [
      ['404 floor', spec(FLOOR, 404)],
      ['/api/v1/stories?limit=20', spec('/api/v1/stories?limit=20')],
      ['/feed.xml', spec('/feed.xml')],
      ['/inspector', spec('/inspector')],
      ['/feed.json', spec('/feed.json')],
      ['API, If-None-Match (304)', spec('/api/v1/stories?limit=20', 304, { headers: { 'if-none-match': etag } })],
      ['API, a new key each request (miss)', spec('/api/v1/stories?limit=20', 200, { uniqueKeys: true })],
      ['404 floor, again', spec(FLOOR, 404)],
    ] as const) {
      const r = await load(s);
      measured('quiet', name, r);
      quiet.push([name, r]);
    }
    const floor = (quiet[0][1].reqPerS + quiet.at(-1)![1].reqPerS) / 2;
    const floorP99 = Math.max(quiet[0][1].p99Ms, quiet.at(-1)![1].p99Ms);

    // during a replay: the replay runs in this process, the load in its own; alternate the API and the floor
    const replayArticles = await readSets(ctx.dataDir, REPLAYED_SETS);
    const t0 = performance.now();
    let replayDone = 0;
    const loops: LoopBlocks[] = []; // the longest stretches the Worker's thread was held while placing
    const reads: ReadTally[] = []; // how the serving cache answered the readers meanwhile
    const replay = sendInOrder(w, replayArticles, 'replay', true, {
      watchLoop: true,
      watchReads: true,
      onRequest: (_ms, _got, loop, _s, r) => {
        if (loop) loops.push(loop);
        if (r) reads.push(r);
      },
    }).then((r) => ((replayDone = performance.now()), r));
    const busy: [string, LoadResult, boolean][] = [];
    const half = { seconds: Math.max(2, seconds / 2) };
    for (let round = 0; round < 2; round++) {
      for (const [name, s] of [
        ['/api/v1/stories?limit=20', spec('/api/v1/stories?limit=20', 200, half)],
        ['/feed.xml', spec('/feed.xml', 200, half)],
        ['404 floor', spec(FLOOR, 404, half)],
      ] as const) {
        const r = await load(s);
        measured(replayDone === 0 ? 'during the replay' : 'after the replay', name, r);
        busy.push([name, r, replayDone === 0]);
      }
    }
    const replayed = await replay;
    const replaySeconds = ((replayDone || performance.now()) - t0) / 1000;
    const blocks = mergeBlocks(loops);
    const readTally = describeReadTally(mergeReadTallies(reads));
    note(`the replay: ${replayed.size} items in ${replaySeconds.toFixed(1)} s; ${readTally}`);

    const row = (name: string, r: LoadResult, note = '') => [
      name,
      r.reqPerS.toFixed(0),
      (r.reqPerS / floor).toFixed(2),
      r.meanMs.toFixed(1),
      r.p50Ms.toFixed(1),
      r.p95Ms.toFixed(1),
      r.p99Ms.toFixed(1),
      r.errors,
      note,
    ];
    const head = ['route', 'req/s', 'x floor', 'mean ms', 'p50', 'p95', 'p99', 'errors', ''];
    const quietApi = quiet[1][1];
    const busyApi = busy.filter(([n, , during]) => n.startsWith('/api') && during).map(([, r]) => r);
    const busyFeed = busy.filter(([n, , during]) => n === '/feed.xml' && during).map(([, r]) => r);
    const worst = (rs: LoadResult[]) => (rs.length ? Math.max(...rs.map((r) => r.p99Ms)) : NaN);
    const apiRatio = worst(busyApi) / quietApi.p99Ms;
    const feedRatio = worst(busyFeed) / quiet[2][1].p99Ms;
    const report = [
      `stored: ${[...stored.values()].filter((r) => r.status === 'placed').length} items of ${STORED_SETS.join(' + ')}; ${CONNECTIONS} connections, ${seconds} s a route; floor = mean of the two 404 runs, ${floor.toFixed(0)} req/s`,
      table(head, quiet.map(([n, r]) => row(n, r))),
      '',
      `during a replay of ${replayArticles.length} more items (${REPLAYED_SETS.join(' + ')}; ${[...replayed.values()].filter((r) => r.status === 'placed').length} placed in ${replaySeconds.toFixed(1)} s; placements bump the serving version at most once a second):`,
      table(head, busy.map(([n, r, during]) => row(n, r, during ? '' : '(replay had ended)'))),
      '',
      ...[...quiet, ...busy].flatMap(([n, r]) => r.errorSamples.map((e) => `error on ${n}: ${e}`)),
      `goal: API and RSS >= 0.5x the floor, 0 errors -> API ${(quietApi.reqPerS / floor).toFixed(2)}x, RSS ${(quiet[2][1].reqPerS / floor).toFixed(2)}x, errors ${quiet.reduce((s, [, r]) => s + r.errors, 0)}`,
      `the serving cache during the replay: ${readTally}`,
      `the Worker's thread during the replay (readers included): longest block ${blocks.maxBlockMs.toFixed(0)} ms; ${blocks.blocksOverMs} blocks over ${blocks.overMs} ms in ${blocks.ticks} timer turns`,
      `goal: p99 during a replay <= 2x the quiet p99 -> API ${apiRatio.toFixed(2)}x (${worst(busyApi).toFixed(1)} / ${quietApi.p99Ms.toFixed(1)} ms), RSS ${feedRatio.toFixed(2)}x; the floor's own p99 ${floorP99.toFixed(1)} ms quiet, ${worst(busy.filter(([n, , d]) => n === '404 floor' && d).map(([, r]) => r)).toFixed(1)} ms during`,
    ].join('\n');
    return {
      name: 'serving (local workerd, the lists readers poll)',
      report,
      metrics: {
        'serving.floor_req_s': floor,
        'serving.api_x_floor': quietApi.reqPerS / floor,
        'serving.rss_x_floor': quiet[2][1].reqPerS / floor,
        'serving.inspector_x_floor': quiet[3][1].reqPerS / floor,
        'serving.api_p99_replay_x_quiet': apiRatio,
        'serving.replay_max_block_ms': blocks.maxBlockMs,
      },
    };
  } finally {
    const stopped = worker?.stop();
    await Promise.race([stopped, new Promise((r) => setTimeout(r, STOP_WAIT_MS).unref())]);
    await rm(work, { recursive: true, force: true });
  }
}
