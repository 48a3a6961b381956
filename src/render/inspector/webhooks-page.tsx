/** GET /inspector/webhooks: the registered webhooks and every recent delivery attempt, failures with their cause. */
import type { AttemptRow, WebhookSummary } from '../../db/queries/webhooks.ts';
import { Layout, fmtTime } from './layout.tsx';

export function WebhooksPage(props: { hooks: WebhookSummary[]; attempts: AttemptRow[] }) {
  const hostOf = new Map(props.hooks.map((h) => [h.id, h.host]));
  return (
    <Layout title="Webhooks">
      <h1>Webhooks</h1>
      <p class="muted">Registered with POST /admin/webhooks. Hosts only: paths and secrets stay with the admin API.</p>
      {props.hooks.length === 0 ? (
        <p class="empty">No webhook is registered.</p>
      ) : (
        <table class="webhooks stack">
          <thead>
            <tr>
              <th>Webhook</th>
              <th>Events</th>
              <th>Filter</th>
              <th>Deliveries</th>
            </tr>
          </thead>
          <tbody>
            {props.hooks.map((h) => (
              <tr data-id={h.id}>
                <td data-label="Webhook">
                  {h.host} <span class="muted">{h.id}</span>
                </td>
                <td data-label="Events">{h.events.join(', ')}</td>
                <td data-label="Filter">{h.filter || <span class="muted">every story</span>}</td>
                <td data-label="Deliveries">
                  {Object.entries(h.byStatus)
                    .map(([s, n]) => `${n} ${s}`)
                    .join(', ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Latest attempts</h2>
      {props.attempts.length === 0 ? (
        <p class="empty">No delivery attempted yet.</p>
      ) : (
        <table class="attempts stack">
          <thead>
            <tr>
              <th>Time</th>
              <th>Webhook</th>
              <th>Event</th>
              <th>Try</th>
              <th>Answer</th>
              <th>Took</th>
            </tr>
          </thead>
          <tbody>
            {props.attempts.map((a) => (
              <tr class={a.error ? 'attempt failed' : 'attempt'}>
                <td data-label="Time">{fmtTime(a.at)}</td>
                <td data-label="Webhook">{hostOf.get(a.webhookId) ?? a.webhookId}</td>
                <td data-label="Event">
                  {a.type}{' '}
                  {a.type.startsWith('story.') ? <a href={`/inspector/clusters/${encodeURIComponent(a.subjectId)}`}>{a.subjectId}</a> : <span class="muted">{a.subjectId}</span>}
                  <div class="muted">{a.deliveryId}</div>
                </td>
                <td data-label="Try">{a.attempt}</td>
                <td data-label="Answer" class={a.error ? 'error' : ''}>
                  {a.status ?? '—'} {a.error ?? ''}
                </td>
                <td data-label="Took">{a.ms} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
