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
  /** The first few errors as `status: start of the body` (or the connection's error), so a bench says what failed. */
  errorSamples: string[];
  reqPerS: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

const ERROR_SAMPLES_MAX = 3; // errors of a run kept verbatim
const ERROR_SAMPLE_CHARS = 200; // of each, this much

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const errorSamples: string[] = [];
  const sample = (what: string) => {
    if (errorSamples.length < ERROR_SAMPLES_MAX) errorSamples.push(what.replace(/\s+/g, ' ').slice(0, ERROR_SAMPLE_CHARS));
  };
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
          const body = await res.arrayBuffer();
          if (res.status !== spec.expectStatus) {
            errors++;
            sample(`${res.status}: ${new TextDecoder().decode(body.slice(0, ERROR_SAMPLE_CHARS))}`);
          }
        } catch (err) {
          errors++;
          sample(`no answer: ${err}`);
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
    errorSamples,
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
