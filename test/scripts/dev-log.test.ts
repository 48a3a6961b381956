/** The filter between wrangler dev and the terminal in `npm start` (scripts/dev-log.js), on lines in workerd's format. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDevLog, HOLD_MS, workerdCause } from '../../scripts/dev-log.js';
import { describeConnectFailure } from '../../src/ingest/connect-error.ts';

const RED = '\x1b[31m✘ \x1b[41;31m[\x1b[41;97mERROR\x1b[41;31m]\x1b[0m \x1b[1m';
const report = (detail: string, id: string) => [
  `${RED}e = kj/async-io-unix.c++:1298: failed: ${detail}\x1b[0m`,
  '',
  `  stack: /x/workerd@5186f7e /x/workerd@5187a70 /x/workerd@3510140; sentryErrorContext = jsgInternalError; wdErrId = ${id}`,
  '',
  '',
];
const DNS = 'DNS lookup failed.; params.host = feeds.example.invalid; params.service = ; gai_strerror(status) = Name or service not known';
const ingestLine = (id: string) =>
  `[ingest] lost-wire FAILED network in 6 ms: ${describeConnectFailure(new Error(`internal error; reference = ${id}`), 'https://feeds.example.invalid/rss')}`;

let out: string[];
let err: string[];
let log: ReturnType<typeof createDevLog>;
beforeEach(() => {
  vi.useFakeTimers();
  out = [];
  err = [];
  log = createDevLog({ out: (l: string) => out.push(l), err: (l: string) => err.push(l) });
});
afterEach(() => vi.useRealTimers());

describe("workerd's connect-failure reports in npm start's output", () => {
  it('turns a report and its feed line into one line naming the DNS failure, whichever comes first', () => {
    for (const l of report(DNS, 'abc123')) log.stderr(l);
    log.stdout(ingestLine('abc123'));
    log.stdout(ingestLine('def456')); // its report comes later, on the other pipe
    for (const l of report(DNS, 'def456')) log.stderr(l);
    vi.advanceTimersByTime(HOLD_MS * 2);
    log.close();
    const wanted = '[ingest] lost-wire FAILED network in 6 ms: could not connect to feeds.example.invalid: DNS lookup failed for feeds.example.invalid (Name or service not known)';
    expect(out).toEqual([wanted, wanted]);
    expect(err).toEqual([]);
  });

  it('shows a report no line claims as one line, and a line whose report never comes as it is', () => {
    for (const l of report("TLS peer's certificate is not trusted; reason = self signed certificate", 'tls1')) log.stderr(l);
    log.stdout(ingestLine('lonely'));
    vi.advanceTimersByTime(HOLD_MS + 1);
    expect(err).toEqual(["[workerd] TLS peer's certificate is not trusted (self signed certificate) (reference = tls1)"]);
    expect(out).toEqual([ingestLine('lonely')]);
  });

  it('passes every other line through in order, blank lines and other errors included', () => {
    const lines = ['[wrangler:info] Ready on http://127.0.0.1:8787', '', `${RED}Uncaught Error: boom\x1b[0m`, '    at x (file.ts:1:1)', ''];
    for (const l of lines) log.stderr(l);
    log.stdout('[cron] queued 34 sources');
    expect(err).toEqual(lines);
    expect(out).toEqual(['[cron] queued 34 sources']);
  });
});

describe('workerdCause', () => {
  it('reads the host and resolver message of a DNS failure, the reason of a TLS failure and a protocol description', () => {
    expect(workerdCause(DNS)).toBe('DNS lookup failed for feeds.example.invalid (Name or service not known)');
    expect(workerdCause("TLS peer's certificate is not trusted; reason = self signed certificate")).toBe("TLS peer's certificate is not trusted (self signed certificate)");
    expect(workerdCause('protocolError.description = Invalid response status line (invalid protocol).')).toBe('Invalid response status line (invalid protocol)');
  });
});
