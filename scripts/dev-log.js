/**
 * `npm start`'s view of wrangler dev's output: one line per feed, with the real cause of a connect failure.
 *
 * When a fetch fails inside workerd on a DNS lookup, a TLS certificate or a non-HTTP answer, the Worker only gets
 * "internal error; reference = <id>", while workerd prints the cause itself, on stderr, as a red [ERROR] report with
 * the same id at the end of an 11-frame native stack line. This filter takes the cause out of that report, drops the
 * report, and writes the cause into the line that names the id (our `[ingest] ... FAILED network` line, on stdout).
 * The two arrive on different pipes in either order, so each side waits up to HOLD_MS for the other. A report that
 * no line claims is still shown, as one line. Everything else passes through untouched.
 */
import { createInterface } from 'node:readline';

export const HOLD_MS = 1_000; // the [ingest] line follows its report by one D1 write: milliseconds, even when loaded
const KNOWN_CAUSES = 1_000; // ids remembered, for a line that comes after its report was already shown
const ANSI = /\x1b\[[0-9;]*m/g;
const REPORT = /\[ERROR\]\s+(?:.*?;\s*)?e = kj\/[^:]+:\d+: (?:failed|disconnected|overloaded): (.*)$/;
const REPORT_STACK = /^\s*stack: .*\bwdErrId = (\w+)\s*$/;
// Our message (src/ingest/connect-error.ts) and workerd's own wording, each with the id of the hidden cause.
const OUR_REFERENCE = /DNS lookup, TLS or HTTP protocol failure \(workerd error reference = (\w+)\)/;
const RAW_REFERENCE = /internal error; reference = (\w+)/;

/** workerd's report text -> a short cause: "DNS lookup failed for www.coindesk.com (Name or service not known)". */
export function workerdCause(detail) {
  const [head, ...rest] = detail.replace(ANSI, '').trim().split(/;\s*/);
  const fields = Object.fromEntries(rest.map((p) => p.split(/\s*=\s*/, 2)).filter((kv) => kv.length === 2));
  const title = head.replace(/\.$/, '');
  if (/^DNS lookup failed/.test(title)) {
    const why = fields['gai_strerror(status)'];
    return `DNS lookup failed for ${fields['params.host'] || 'the host'}${why ? ` (${why})` : ''}`;
  }
  const described = /^[\w.]+ = (.*)$/.exec(title); // "protocolError.description = Invalid response status line ..."
  const main = (described ? described[1] : title).replace(/\.$/, '');
  return fields.reason ? `${main} (${fields.reason})` : main;
}

/**
 * The filter. `write.out` / `write.err` receive whole lines (no newline); feed it with `stdout(line)` and `stderr(line)`
 * (see pipeLines), and call `close()` at the end to release anything still held.
 */
export function createDevLog(write, { holdMs = HOLD_MS } = {}) {
  const causes = new Map(); // id -> cause
  const claimed = new Set(); // ids whose cause went into a line
  const unclaimed = new Map(); // id -> timer that shows the report as one line
  const held = new Map(); // id -> [{ line, timer, to }]: lines waiting for their report
  let report = null; // { cause, lines }: inside a report, waiting for its stack line
  let swallowBlanks = 0; // the blank lines wrangler prints after a report

  function reference(line) {
    const plain = line.replace(ANSI, '');
    return (OUR_REFERENCE.exec(plain) ?? RAW_REFERENCE.exec(plain))?.[1] ?? null;
  }

  function withCause(line, cause) {
    return line.replace(OUR_REFERENCE, cause).replace(RAW_REFERENCE, `internal error: ${cause}`);
  }

  function emit(to, line) {
    const id = reference(line);
    if (!id) return write[to](line);
    if (causes.has(id)) {
      claim(id);
      return write[to](withCause(line, causes.get(id)));
    }
    const timer = setTimeout(() => release(id), holdMs);
    held.set(id, [...(held.get(id) ?? []), { line, timer, to }]);
  }

  function release(id) {
    for (const h of held.get(id) ?? []) {
      clearTimeout(h.timer);
      write[h.to](causes.has(id) ? withCause(h.line, causes.get(id)) : h.line);
    }
    held.delete(id);
  }

  function claim(id) {
    claimed.add(id);
    clearTimeout(unclaimed.get(id));
    unclaimed.delete(id);
  }

  function learn(id, cause) {
    causes.set(id, cause);
    if (causes.size > KNOWN_CAUSES) causes.delete(causes.keys().next().value);
    if (held.has(id)) {
      claim(id);
      return release(id);
    }
    if (claimed.has(id)) return;
    unclaimed.set(
      id,
      setTimeout(() => {
        unclaimed.delete(id);
        if (!claimed.has(id)) write.err(`[workerd] ${cause} (reference = ${id})`);
      }, holdMs),
    );
  }

  function stderr(line) {
    const plain = line.replace(ANSI, '');
    if (report) {
      const stack = REPORT_STACK.exec(plain);
      if (stack) {
        const { cause } = report;
        report = null;
        swallowBlanks = 2;
        return learn(stack[1], cause);
      }
      if (!plain.trim()) return void report.lines.push(line);
      // not the shape we know: show what was held, as it came
      const lines = report.lines;
      report = null;
      for (const l of lines) write.err(l);
    }
    const head = REPORT.exec(plain);
    if (head) {
      report = { cause: workerdCause(head[1]), lines: [line] };
      return;
    }
    if (swallowBlanks > 0 && !plain.trim()) {
      swallowBlanks--;
      return;
    }
    swallowBlanks = 0;
    emit('err', line);
  }

  function stdout(line) {
    emit('out', line);
  }

  function close() {
    if (report) for (const l of report.lines) write.err(l);
    report = null;
    for (const id of [...held.keys()]) release(id);
    for (const [id, timer] of unclaimed) {
      clearTimeout(timer);
      write.err(`[workerd] ${causes.get(id)} (reference = ${id})`);
    }
    unclaimed.clear();
  }

  return { stdout, stderr, close };
}

/** Calls `onLine` for each line of `stream`; resolves at its end. */
export function pipeLines(stream, onLine) {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  lines.on('line', onLine);
  return new Promise((resolve) => lines.once('close', resolve));
}
