/**
 * What a failed connection means, in words a reader of the log or of /api/v1/sources can act on. The Workers
 * runtime gives `fetch` only two kinds of connect failure, checked against a local workerd (1.20260421):
 *   - "Network connection lost.": the host resolved but refused or dropped the connection;
 *   - "internal error; reference = <id>": a failed DNS lookup, an untrusted TLS certificate or an answer that is not
 *     HTTP. workerd keeps the cause to itself: it prints it with the same id on its own log, which `npm start`
 *     (scripts/dev-log.js) folds back into our line. The id stays in the message for that reason.
 */
const WORKERD_INTERNAL = /^internal error; reference = (\w+)$/;
const CONNECTION_LOST = 'Network connection lost.';

/** The message of the `network` FetchError for an error `fetch` threw before any answer. */
export function describeConnectFailure(err: unknown, url: string): string {
  const raw = (err as Error)?.message ?? String(err);
  const host = hostOf(url);
  const hidden = WORKERD_INTERNAL.exec(raw);
  if (hidden) return `could not connect to ${host}: DNS lookup, TLS or HTTP protocol failure (workerd error reference = ${hidden[1]})`;
  if (raw === CONNECTION_LOST) return `could not connect to ${host}: connection refused or closed before an answer`;
  return `could not connect to ${host}: ${raw}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
