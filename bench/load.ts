/**
 * A small HTTP load generator: N connections each sending requests back to back for a fixed time, every latency
 * kept (means and tails, not only medians). Run in its own process (`node --import tsx bench/load.ts SPEC_JSON`) so
 * that it does not share an event loop with the wrangler process that serves the Worker; prints one JSON line.
 */
export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  expectStatus: number;
  /** Each request's URL gets `&bench=<n>`: every request a different key (the cache's miss path). */
  uniqueKeys?: boolean;
}

export interface LoadResult {
  url: string;
  requests: number;
  errors: number; // a status other than the expected one, or a failed connection
  reqPerS: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const started = performance.now();
  const until = started + spec.seconds * 1000;
  const sep = spec.url.includes('?') ? '&' : '?';
  await Promise.all(
    Array.from({ length: spec.connections }, async () => {
      while (performance.now() < until) {
        const url = spec.uniqueKeys ? `${spec.url}${sep}bench=${n++}` : spec.url;
        const t0 = performance.now();
        try {
          // Node's fetch keeps connections alive: one loop holds one connection
          const res = await fetch(url, { headers: spec.headers });
          await res.arrayBuffer();
          if (res.status !== spec.expectStatus) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    url: spec.url,
    requests: latencies.length,
    errors,
    reqPerS: latencies.length / elapsed,
    meanMs: latencies.reduce((s, x) => s + x, 0) / (latencies.length || 1),
    p50Ms: q(0.5),
    p95Ms: q(0.95),
    p99Ms: q(0.99),
    maxMs: latencies.at(-1) ?? NaN,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const spec = JSON.parse(process.argv[2]) as LoadSpec;
  process.stdout.write(`${JSON.stringify(await runLoad(spec))}\n`);
}
