/** GET /inspector/clusters/:id: why these stories were grouped, what noise was removed, why the canonical won. */
import type { Member, StoryDetail } from '../../model/story.ts';
import type { CanonicalChoice, MemberScore } from '../../pipeline/choose-canonical.ts';
import type { RemovedSpan } from '../../pipeline/types.ts';
import { EDITOR_SCRIPT_PATH, EditorialLines, EditorTools, MemberTools } from './editorial.tsx';
import { Explain, Layout, fmtTime } from './layout.tsx';

export const MARKED_TEXT_MAX_CHARS = 60_000; // a page that shows a 400 KB body helps nobody; the API has it all

export function ClusterPage(props: { story: StoryDetail }) {
  const s = props.story;
  return (
    <Layout title={s.title} script={EDITOR_SCRIPT_PATH}>
      <p class="muted">
        Story <code>{s.id}</code> · {s.members.length} member{s.members.length === 1 ? '' : 's'} ·{' '}
        <a href={`/api/v1/stories/${encodeURIComponent(s.id)}`}>JSON</a>
        {s.mergedFrom.length ? ` · merged from ${s.mergedFrom.join(', ')}` : ''}
        {s.hidden ? ' · hidden' : ''}
      </p>
      <h1 class="story-title">{s.title}</h1>
      <EditorialLines story={s} />
      <EditorTools story={s} />
      <p>
        <a class="canonical-link" href={s.url} rel="noopener noreferrer">
          {s.source.name}
        </a>{' '}
        · {fmtTime(s.publishedAt)} · <span class={`pill kind-${s.kind}`}>{s.kind}</span> {s.coins.map((c) => <span class="pill">{c}</span>)}
      </p>
      <p class="summary">{s.summary}</p>

      <h2>Why the canonical won</h2>
      <p class="canonical-reason">{canonicalWhy(s)}</p>
      <table class="members-table">
        <thead>
          <tr>
            <th>Outlet</th>
            <th>Title</th>
            <th>Published</th>
            <th>Similarity</th>
            <th>Kind</th>
            <th>Score parts</th>
          </tr>
        </thead>
        <tbody>
          {s.members.map((m) => (
            <tr class={m.isCanonical ? 'canonical' : ''}>
              <td>
                {m.source.name} <span class="muted">({m.source.tier.replace('_', ' ')})</span>
                {m.isCanonical ? <strong> ★ canonical</strong> : null}
              </td>
              <td>{m.title}</td>
              <td class="muted">{fmtTime(m.publishedAt)}</td>
              <td class="similarity">{m.isCanonical ? '—' : m.similarity == null ? '?' : m.similarity.toFixed(2)}</td>
              <td>
                <span class={`pill kind-${m.kind}`}>{m.kind}</span>
              </td>
              <td class="score">
                <ScoreParts score={m.score} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Members</h2>
      {s.members.map((m) => (
        <MemberCard m={m} names={new Map(s.members.map((x) => [x.itemId, x.source.name]))} story={s} />
      ))}
    </Layout>
  );
}

function MemberCard(props: { m: Member; names: Map<string, string>; story: StoryDetail }) {
  const m = props.m;
  return (
    <section class={`member${m.isCanonical ? ' canonical' : ''}`} data-item={m.itemId}>
      <h3>
        {m.isCanonical ? '★ ' : ''}
        <a href={m.url} rel="noopener noreferrer">
          {m.title}
        </a>
      </h3>
      <p class="muted">
        {m.source.name} · {fmtTime(m.publishedAt)}
        {m.author ? ` · ${m.author}` : ''} · text from {m.textSource ?? 'unknown'}
        {m.isCanonical ? '' : ` · similarity to canonical ${m.similarity == null ? '?' : m.similarity.toFixed(2)}`}
      </p>
      {m.error ? <p class="error">Recorded problem: {m.error}</p> : null}
      <MemberTools story={props.story} itemId={m.itemId} isCanonical={m.isCanonical} />
      <dl class="kv">
        <dt>Kind</dt>
        <dd style="margin:0">
          {m.kind}
          {m.kindReasons.length ? ` — ${m.kindReasons.join('; ')}` : ''}
        </dd>
        <dt>Coins</dt>
        <dd style="margin:0">
          {m.coinTags.length
            ? m.coinTags.map((c) => `${c.symbol} (${[...new Set(c.evidence.map((e) => `${e.where} ${e.how}`))].join(', ')})`).join('; ')
            : 'none'}
        </dd>
        <dt>Why grouped</dt>
        <dd style="margin:0" class="why-grouped">
          <PlacementWhy placement={m.placement} names={props.names} />
        </dd>
        <dt>Noise removed</dt>
        <dd style="margin:0">{noiseSummary(m.removed)}</dd>
      </dl>
      <details open={m.isCanonical}>
        <summary>Text, with removed noise struck through and labelled by rule</summary>
        <div class="text">
          <MarkedText text={m.rawText} removed={m.removed} />
        </div>
      </details>
    </section>
  );
}

function canonicalWhy(s: StoryDetail): string {
  const reason = s.canonicalReason as Partial<CanonicalChoice> | null;
  const win = reason?.members?.find((m) => m.id === reason.canonicalId);
  const member = s.members.find((m) => m.isCanonical);
  if (!win || !member) return 'Only member.';
  if (reason?.pinned) {
    const best = [...(reason.members ?? [])].sort((a, b) => b.score - a.score)[0];
    const bestName = s.members.find((m) => m.itemId === best.id)?.source.name ?? best.id;
    const scores = best.id === win.id ? 'also the best score' : `the best score: ${bestName} ${best.score.toFixed(2)}`;
    return `${member.source.name} was pinned as canonical by an editor (score ${win.score.toFixed(2)}; ${scores}).`;
  }
  return `${member.source.name} scored ${win.score.toFixed(2)}, the best of ${s.members.length}: ${win.notes.join(', ')}.`;
}

/** "0.86 = tier 0.40 + first report 0.30 + completeness 0.16", then its notes. */
function ScoreParts(props: { score: unknown }) {
  const sc = props.score as Partial<MemberScore> | null;
  if (!sc?.parts) return <Explain value={props.score} />;
  const p = sc.parts;
  const terms = [`tier ${p.tier.toFixed(2)}`, `first report ${p.firstReport.toFixed(2)}`, `completeness ${p.completeness.toFixed(2)}`];
  if (p.penalty) terms.push(`penalty ${p.penalty.toFixed(2)}`);
  return (
    <>
      <strong>{(sc.score ?? 0).toFixed(2)}</strong> = {terms.join(' + ')}
      <div class="muted">
        {(sc.notes ?? []).join('; ')}
        {sc.eligible === false ? ' · not eligible' : ''}
      </div>
    </>
  );
}

/** The cluster stage's sentence, then each verified match with its two similarity levels. */
function PlacementWhy(props: { placement: unknown; names: Map<string, string> }) {
  const pl = props.placement as { why?: string; matches?: { itemId: string; near: number; event: number }[] } | null;
  if (!pl?.why) return <Explain value={props.placement} />;
  // Item ids mean nothing to a reader: name the outlet where the member is in this cluster.
  const named = (id: string) => (props.names.has(id) ? `${props.names.get(id)} (${id})` : id);
  return (
    <>
      {pl.why.replace(/\b[0-9a-f]{16}\b/g, (id) => (props.names.has(id) ? props.names.get(id)! : id))}
      {pl.matches?.length ? (
        <ul class="matches">
          {pl.matches.map((m) => (
            <li>
              {named(m.itemId)}: copy (shingle Jaccard) {m.near.toFixed(2)} · same event (feature cosine) {m.event.toFixed(2)}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function noiseSummary(removed: RemovedSpan[]): string {
  if (removed.length === 0) return 'nothing';
  const byRule = new Map<string, number>();
  for (const r of removed) byRule.set(r.rule, (byRule.get(r.rule) ?? 0) + 1);
  return [...byRule].map(([rule, n]) => `${rule} ×${n}`).join(', ');
}

/** The cleaner's input with every removed span shown inline; offsets come from the clean stage. */
export function MarkedText(props: { text: string; removed: RemovedSpan[] }) {
  const text = props.text.slice(0, MARKED_TEXT_MAX_CHARS);
  const parts: (string | RemovedSpan)[] = [];
  let at = 0;
  for (const r of [...props.removed].sort((a, b) => a.start - b.start)) {
    if (r.start < at || r.end > text.length) continue; // overlapping or beyond the shown part
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(r);
    at = r.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <>
      {parts.map((p) =>
        typeof p === 'string' ? (
          p
        ) : (
          <del class="noise" data-rule={p.rule} data-category={p.category} title={`${p.category}: removed by ${p.rule}${p.why ? ` (${p.why})` : ''}`}>
            {text.slice(p.start, p.end)}
            <span class="rule">{p.why ? `${p.rule}: ${p.why}` : p.rule}</span>
          </del>
        ),
      )}
      {props.text.length > MARKED_TEXT_MAX_CHARS ? <p class="muted">… {props.text.length - MARKED_TEXT_MAX_CHARS} more characters (see the JSON)</p> : null}
    </>
  );
}
