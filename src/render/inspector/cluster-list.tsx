/** GET /inspector: recent clusters, filterable. */
import type { SourceStatus } from '../../model/source-status.ts';
import type { SourceRef, Story } from '../../model/story.ts';
import { KINDS } from '../../pipeline/types.ts';
import { Layout, fmtTime } from './layout.tsx';

export interface ListFilters {
  q: string;
  coin: string;
  kind: string;
  source: string;
  sort: string;
  grouped: boolean;
}

export function ClusterList(props: { stories: Story[]; filters: ListFilters; sources: SourceRef[]; nextUrl: string | null; sourceStatus: SourceStatus }) {
  const f = props.filters;
  return (
    <Layout title="Recent clusters">
      <SourceBanner status={props.sourceStatus} />
      <h1>Recent clusters</h1>
      <p class="muted">
        <a href="/inspector/sources">Sources</a>: each outlet's health, output, copies, advertorials and noise.{' '}
        <a href="/inspector/webhooks">Webhooks</a>: every delivery attempt.
      </p>
      <form class="filters" method="get" action="/inspector">
        <label>
          Search
          <input name="q" type="search" value={f.q} placeholder='words, "a phrase", prefix*' />
        </label>
        <label>
          Order
          <select name="sort">
            <option value="">{f.q ? 'best match' : 'newest'}</option>
            <option value="new" selected={f.sort === 'new'}>
              newest
            </option>
            <option value="top" selected={f.sort === 'top'}>
              top (most covered)
            </option>
          </select>
        </label>
        <label>
          Coin
          <input name="coin" value={f.coin} size={6} placeholder="BTC" />
        </label>
        <label>
          Kind
          <select name="kind">
            <option value="">any</option>
            {KINDS.map((k) => (
              <option value={k} selected={k === f.kind}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select name="source">
            <option value="">any</option>
            {props.sources.map((s) => (
              <option value={s.id} selected={s.id === f.source}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label style="flex-direction:row;align-items:center;gap:.3rem">
          <input type="checkbox" name="grouped" value="1" checked={f.grouped} /> grouped only
        </label>
        <button type="submit">Filter</button>
      </form>
      {props.stories.length === 0 ? (
        <p class="empty">No clusters match. Run <code>npx onestory replay ../shared/data/feeds/2025-12-12/</code> to load recorded feeds.</p>
      ) : (
        <table class="clusters stack">
          <thead>
            <tr>
              <th>Size</th>
              <th>Canonical story</th>
              <th>Outlets</th>
              <th>Time span</th>
              <th>Kind</th>
              <th>Coins</th>
            </tr>
          </thead>
          <tbody>
            {props.stories.map((s) => {
              const times = [s.publishedAt, ...s.coverage.map((c) => c.publishedAt)];
              const outlets = [...new Set([s.source.name, ...s.coverage.map((c) => c.source.name)])];
              return (
                <tr class="cluster-row" data-id={s.id}>
                  <td class="size" data-label="Size">
                    {s.coverage.length + 1}
                  </td>
                  <td data-label="Story">
                    <a href={`/inspector/clusters/${encodeURIComponent(s.id)}`}>{s.title}</a>
                    {s.storyline ? (
                      <div class="developing" data-storyline={s.storyline.id}>
                        Developing: {s.storyline.size} events in its storyline
                      </div>
                    ) : null}
                    {f.sort === 'top' ? (
                      <div class="muted score" title={s.scoreReasons.join('; ')}>
                        score {s.score.toFixed(2)}: {s.scoreReasons.join('; ')}
                      </div>
                    ) : null}
                  </td>
                  <td data-label="Outlets">{outlets.join(', ')}</td>
                  <td class="muted" data-label="Time">
                    {fmtTime(Math.min(...times))}
                    {times.length > 1 ? ` → ${fmtTime(Math.max(...times))}` : ''}
                  </td>
                  <td data-label="Kind">
                    <span class={`pill kind-${s.kind}`}>{s.kind}</span>
                  </td>
                  <td data-label="Coins">{s.coins.join(' ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {props.nextUrl ? (
        <p>
          <a rel="next" href={props.nextUrl}>
            Older clusters →
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

/** How many sources failed their last fetch and why: loud when all of them did (nothing new will arrive), quiet otherwise. */
function SourceBanner(props: { status: SourceStatus }) {
  const s = props.status;
  const c = s.commonest;
  if (!s.failing || !c) return null;
  const offline = c.code === 'network' || c.code === 'timeout';
  if (!s.allFailing) {
    return (
      <p class="source-banner some-failing muted">
        {s.failing} of {s.sources} sources failed their last fetch (commonest cause: {c.code}, {c.sources}). <a href="/api/v1/sources">Each source's health</a>
      </p>
    );
  }
  return (
    <div class="source-banner all-failing" role="alert">
      <strong>Every source is failing:</strong> all {s.sources} sources failed their last fetch, so no new stories are coming in.
      <br />
      Commonest cause: <code>{c.code}</code> ({c.sources} of {s.sources} sources), e.g. {c.example.source}: <q>{c.example.message}</q>
      <br />
      {offline ? (
        <>
          No network on this machine? <code>npx onestory replay ../shared/data/feeds/2025-12-12/</code> loads recorded feeds.{' '}
        </>
      ) : null}
      <a href="/api/v1/sources">Each source's health</a>
    </div>
  );
}
