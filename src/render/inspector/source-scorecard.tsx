/** GET /inspector/sources: each outlet's health and what its items are made of. */
import type { SourceScorecard } from '../../model/scorecard.ts';
import { SCORECARD_WINDOW_DAYS } from '../../db/queries/scorecard.ts';
import { Layout, fmtTime } from './layout.tsx';

const pct = (x: number | null) => (x == null ? '—' : x > 0 && x < 0.001 ? '<0.1 %' : `${(x * 100).toFixed(x > 0 && x < 0.01 ? 1 : 0)} %`);
const NOISE_CATEGORIES_SHOWN = 4; // the largest; the total is beside them

export function SourceScorecardPage(props: { cards: SourceScorecard[] }) {
  return (
    <Layout title="Sources">
      <h1>Sources</h1>
      <p class="muted">
        Each outlet over its last {SCORECARD_WINDOW_DAYS} days of items (counted back from its newest). Copies: items at least 80 % like their
        story's canonical, another outlet's. Noise: the share of the text it gave the cleaner that was removed, by category.
      </p>
      <table class="sources stack">
        <thead>
          <tr>
            <th>Source</th>
            <th>Health</th>
            <th>Items a day</th>
            <th>Copies</th>
            <th>Sponsored</th>
            <th>Press releases</th>
            <th>Noise removed</th>
          </tr>
        </thead>
        <tbody>
          {props.cards.map((c) => {
            const s = c.source;
            const failing = s.consecutiveFailures > 0;
            return (
              <tr class="source-row" data-id={s.id}>
                <td data-label="Source">
                  <a href={`/inspector?source=${encodeURIComponent(s.id)}`}>{s.name}</a>{' '}
                  <span class="pill">{s.tier}</span>
                  {s.enabled ? null : <span class="muted"> (not fetched: known from a replay or removed)</span>}
                </td>
                <td data-label="Health" class={failing ? 'error' : ''}>
                  <div>{s.lastSuccessAt ? `last success ${fmtTime(s.lastSuccessAt)}` : 'no success yet'}</div>
                  {failing ? <div>{s.consecutiveFailures} failure{s.consecutiveFailures === 1 ? '' : 's'} in a row</div> : null}
                  {s.lastError ? (
                    <div class="muted last-error">
                      last error {s.lastErrorAt ? fmtTime(s.lastErrorAt) : ''}: <code>{s.lastErrorCode ?? ''}</code> {s.lastError}
                    </div>
                  ) : null}
                </td>
                <td data-label="Items a day">
                  {c.itemsPerDay == null ? '—' : c.itemsPerDay.toFixed(1)} <span class="muted">
                    ({c.items} item{c.items === 1 ? '' : 's'})
                  </span>
                </td>
                <td data-label="Copies">{pct(c.copyShare)}</td>
                <td data-label="Sponsored">{pct(c.sponsoredShare)}</td>
                <td data-label="Press releases">{pct(c.pressReleaseShare)}</td>
                <td data-label="Noise removed">
                  <strong>{pct(c.noiseShare)}</strong>
                  {c.noiseByCategory.length ? (
                    <div class="muted noise-categories">
                      {c.noiseByCategory
                        .slice(0, NOISE_CATEGORIES_SHOWN)
                        .map((n) => `${n.category} ${pct(n.share)}`)
                        .join(', ')}
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Layout>
  );
}
