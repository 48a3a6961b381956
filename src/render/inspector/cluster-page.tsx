/** GET /inspector/clusters/:id: why these stories were grouped, what noise was removed, why the canonical won. */
import type { Member, StoryDetail } from '../../model/story.ts';
import type { CanonicalChoice, MemberScore } from '../../pipeline/choose-canonical.ts';
import { highlights, sharedEvidence, type Highlight, type SharedEvidence } from '../../pipeline/shared-evidence.ts';
import type { RemovedSpan } from '../../pipeline/types.ts';
import { EDITOR_SCRIPT_PATH, EditorialLines, EditorTools, MemberTools } from './editorial.tsx';
import { Explain, Layout, fmtTime } from './layout.tsx';
import { StorylineTimeline } from './storyline-timeline.tsx';

export const MARKED_TEXT_MAX_CHARS = 60_000; // a page that shows a 400 KB body helps nobody; the API has it all

export function ClusterPage(props: { story: StoryDetail }) {
  const s = props.story;
  const canonical = s.members.find((m) => m.isCanonical) ?? s.members[0];
  const names = new Map(s.members.map((x) => [x.itemId, x.source.name]));
  // what each member shares with the canonical; the canonical's card marks what it shares with any member
  const shared = new Map(s.members.filter((m) => !m.isCanonical).map((m) => [m.itemId, sharedEvidence(evidenceDoc(m), evidenceDoc(canonical))]));
  const union = unionOf([...shared.values()]);
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
      {s.textFrom ? (
        <p class="text-from">
          Summary and text from <strong>{s.textFrom.source.name}</strong>, not the canonical: {s.textFrom.reason}. The canonical stays the source the
          story links to.
        </p>
      ) : null}

      {s.storyline ? <StorylineTimeline storyline={s.storyline} current={s.id} why={s.storylineWhy} text={(id) => textOf(s.members.find((m) => m.itemId === id))} /> : null}

      <h2>How much it matters</h2>
      <p class="story-score">
        Score {s.score.toFixed(2)} (the order of “top”): {s.scoreReasons.join('; ')}.
      </p>

      <h2>Why the canonical won</h2>
      <p class="canonical-reason">{canonicalWhy(s)}</p>
      <table class="members-table stack">
        <thead>
          <tr>
            <th>Outlet</th>
            <th>Title</th>
            <th>Published</th>
            <th title="to the canonical: the larger of copy Jaccard and same-event cosine">Similarity to canonical</th>
            <th>Kind</th>
            <th>Score parts</th>
          </tr>
        </thead>
        <tbody>
          {s.members.map((m) => (
            <tr class={m.isCanonical ? 'canonical' : ''}>
              <td data-label="Outlet">
                {m.source.name} <span class="muted">({m.source.tier.replace('_', ' ')})</span>
                {m.isCanonical ? <strong> ★ canonical</strong> : null}
                {founded(m) ? <span class="pill first-report">first report</span> : null}
              </td>
              <td data-label="Title">{m.title}</td>
              <td data-label="Published" class="muted">
                {fmtTime(m.publishedAt)}
              </td>
              <td data-label="Similarity" class="similarity">
                {m.isCanonical ? '—' : m.similarity == null ? '?' : m.similarity.toFixed(2)}
              </td>
              <td data-label="Kind">
                <span class={`pill kind-${m.kind}`}>{m.kind}</span>
              </td>
              <td data-label="Score" class="score">
                <ScoreParts score={m.score} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Members</h2>
      {s.members.map((m) => (
        <MemberCard
          m={m}
          story={s}
          names={names}
          shared={shared.get(m.itemId) ?? null}
          marks={m.isCanonical ? union : (shared.get(m.itemId) ?? null)}
          textFrom={s.textFrom?.itemId === m.itemId}
        />
      ))}
    </Layout>
  );
}

function textOf(m: Member | undefined): string {
  return m ? `${m.title}\n${m.text}` : '';
}

function evidenceDoc(m: Member) {
  return { title: m.title, text: m.text, coins: m.coinTags.map((c) => c.symbol) };
}

function unionOf(list: SharedEvidence[]): SharedEvidence | null {
  if (!list.length) return null;
  const u = (f: (e: SharedEvidence) => string[]) => [...new Set(list.flatMap(f))];
  return { names: u((e) => e.names), figures: u((e) => e.figures), coins: u((e) => e.coins), nameTokens: u((e) => e.nameTokens), amounts: u((e) => e.amounts) };
}

/** The story that started its event: its placement found no earlier story of the same happening. */
function founded(m: Member): boolean {
  const why = (m.placement as { why?: string } | null)?.why;
  return typeof why === 'string' && why.startsWith('new cluster');
}

function MemberCard(props: { m: Member; story: StoryDetail; names: Map<string, string>; shared: SharedEvidence | null; marks: SharedEvidence | null; textFrom: boolean }) {
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
        {props.textFrom ? ' · the story shows this text' : ''}
      </p>
      {m.error ? <p class="error">Recorded problem: {m.error}</p> : null}
      <MemberTools story={props.story} itemId={m.itemId} isCanonical={m.isCanonical} />
      <dl class="kv">
        <dt>Kind</dt>
        <dd>
          {m.kind}
          {m.kindReasons.length ? ` — ${m.kindReasons.join('; ')}` : ''}
        </dd>
        <dt>Coins</dt>
        <dd>
          {m.coinTags.length
            ? m.coinTags.map((c) => `${c.symbol} (${[...new Set(c.evidence.map((e) => `${e.where} ${e.how}`))].join(', ')})`).join('; ')
            : 'none'}
        </dd>
        <dt>Why grouped</dt>
        <dd class="why-grouped">
          <PlacementWhy m={m} storyId={props.story.id} names={props.names} />
        </dd>
        {props.shared ? (
          <>
            <dt>Shares with the canonical</dt>
            <dd class="shared-evidence">
              <SharedList ev={props.shared} />
            </dd>
          </>
        ) : null}
        <dt>Noise removed</dt>
        <dd>{noiseSummary(m.removed)}</dd>
      </dl>
      <details open={m.isCanonical}>
        <summary>Text, with removed noise struck through and labelled by rule{props.marks ? ', shared names, figures and coins marked' : ''}</summary>
        <div class="text">
          <MarkedText text={m.rawText} removed={m.removed} marks={props.marks ? highlights(m.rawText, props.marks) : []} />
        </div>
      </details>
    </section>
  );
}

/** "names: Quillstone, Mira Okafor · figures: $48 million · coins: ETH", or what is missing said plainly. */
function SharedList(props: { ev: SharedEvidence }) {
  const e = props.ev;
  const parts: [string, string, string[]][] = [
    ['names', 'name', e.names],
    ['figures', 'figure', e.figures],
    ['coins', 'coin', e.coins],
  ];
  const present = parts.filter(([, , xs]) => xs.length);
  if (!present.length) return <span class="muted">no name, figure or coin in common (grouped on other words)</span>;
  return (
    <>
      {present.map(([label, kind, xs], i) => (
        <>
          {i ? ' · ' : ''}
          {label}:{' '}
          {xs.map((x, j) => (
            <>
              {j ? ', ' : ''}
              <mark class={`shared shared-${kind}`}>{x}</mark>
            </>
          ))}
        </>
      ))}
    </>
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

/** The cluster stage's sentence in a reader's words, then each verified match with its two similarity levels. */
function PlacementWhy(props: { m: Member; storyId: string; names: Map<string, string> }) {
  const pl = props.m.placement as { why?: string; storyline?: string; matches?: { itemId: string; near: number; event: number }[] } | null;
  if (!pl?.why) return <Explain value={props.m.placement} />;
  // Item ids mean nothing to a reader: name the outlet where the member is in this cluster.
  const named = (id: string) => (props.names.has(id) ? `${props.names.get(id)} (${id})` : id);
  const words = (s: string) => s.replace(/\b[0-9a-f]{16}\b/g, (id) => (props.names.has(id) ? props.names.get(id)! : id));
  const first = /^new cluster: none of (\d+) candidates passed (.*)$/.exec(pl.why);
  return (
    <>
      {first ? (
        <>
          <strong>First report</strong>
          {props.m.itemId === props.storyId ? ': this story started the event' : ': it started an event later merged into this one'} (none of {first[1]} earlier
          candidates matched: {first[2].replace(/^\(|\)$/g, '')})
        </>
      ) : (
        words(pl.why)
      )}
      {pl.matches?.length ? (
        <ul class="matches">
          {pl.matches.map((m) => (
            <li>
              {named(m.itemId)}: copy (shingle Jaccard) {m.near.toFixed(2)} · same event (feature cosine) {m.event.toFixed(2)}
            </li>
          ))}
        </ul>
      ) : null}
      {pl.storyline && !pl.storyline.startsWith('no storyline') ? <div class="muted">Storyline: {words(pl.storyline)}</div> : null}
    </>
  );
}

function noiseSummary(removed: RemovedSpan[]): string {
  if (removed.length === 0) return 'nothing';
  const byRule = new Map<string, number>();
  for (const r of removed) byRule.set(r.rule, (byRule.get(r.rule) ?? 0) + 1);
  return [...byRule].map(([rule, n]) => `${rule} ×${n}`).join(', ');
}

/** A blank line ends a paragraph (extract and the feed reader both write "\n\n" between paragraphs). */
const PARAGRAPH_BREAK = /\n[ \t\r]*\n\s*/g;

/**
 * The cleaner's input with every removed span shown inline (offsets from the clean stage) and the shared names, figures
 * and coins marked in what was kept. Paragraphs stay paragraphs: the text is cut at its blank lines into <p>s, and a
 * removed span that runs over a break is struck in each paragraph it touches, labelled where it ends.
 */
export function MarkedText(props: { text: string; removed: RemovedSpan[]; marks?: Highlight[] }) {
  const text = props.text.slice(0, MARKED_TEXT_MAX_CHARS);
  const removed: RemovedSpan[] = [];
  for (const r of [...props.removed].sort((a, b) => a.start - b.start)) {
    if (r.start < (removed.at(-1)?.end ?? 0) || r.end > text.length) continue; // overlapping or beyond the shown part
    if (text.slice(r.start, r.end).trim() !== r.text.trim()) continue; // not this text's span: the raw text was dropped by retention and the cleaned text shown
    removed.push(r);
  }
  const marks = props.marks ?? [];
  const paragraphs = paragraphRanges(text);
  return (
    <>
      {paragraphs.map(([from, to], i) => (
        <p>
          {piecesOf(from, to, paragraphs[i + 1]?.[0] ?? Infinity, removed).map((p) =>
            p.removed ? (
              <del class="noise" data-rule={p.removed.rule} data-category={p.removed.category} title={`${p.removed.category}: removed by ${p.removed.rule}${p.removed.why ? ` (${p.removed.why})` : ''}`}>
                {text.slice(p.start, p.end)}
                {p.last ? <span class="rule">{p.removed.why ? `${p.removed.rule}: ${p.removed.why}` : p.removed.rule}</span> : null}
              </del>
            ) : (
              <Kept text={text.slice(p.start, p.end)} offset={p.start} marks={marks} />
            ),
          )}
        </p>
      ))}
      {props.text.length > MARKED_TEXT_MAX_CHARS ? <p class="muted">… {props.text.length - MARKED_TEXT_MAX_CHARS} more characters (see the JSON)</p> : null}
    </>
  );
}

/** [start, end) of each paragraph: the stretches between blank lines, empty ones left out. */
export function paragraphRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    if (m.index > at) out.push([at, m.index]);
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push([at, text.length]);
  return out;
}

interface Piece {
  start: number;
  end: number;
  removed?: RemovedSpan;
  last?: boolean; // the removed span ends in this paragraph (or in the break after it): its label goes here
}

/** One paragraph [from, to) cut into kept stretches and the parts of removed spans that fall in it. */
function piecesOf(from: number, to: number, nextFrom: number, removed: RemovedSpan[]): Piece[] {
  const out: Piece[] = [];
  let at = from;
  for (const r of removed) {
    if (r.end <= from || r.start >= to) continue;
    const start = Math.max(r.start, from);
    if (start > at) out.push({ start: at, end: start });
    at = Math.min(r.end, to);
    out.push({ start, end: at, removed: r, last: r.end <= nextFrom });
  }
  if (at < to) out.push({ start: at, end: to });
  return out;
}

/** A kept stretch of text with its marks (offsets are into the whole text). */
function Kept(props: { text: string; offset: number; marks: Highlight[] }) {
  const end = props.offset + props.text.length;
  const inside = props.marks.filter((h) => h.start >= props.offset && h.end <= end);
  if (!inside.length) return <>{props.text}</>;
  const out: (string | Highlight)[] = [];
  let at = props.offset;
  for (const h of inside) {
    if (h.start > at) out.push(props.text.slice(at - props.offset, h.start - props.offset));
    out.push(h);
    at = h.end;
  }
  if (at < end) out.push(props.text.slice(at - props.offset));
  return (
    <>
      {out.map((x) =>
        typeof x === 'string' ? x : <mark class={`shared shared-${x.kind}`}>{props.text.slice(x.start - props.offset, x.end - props.offset)}</mark>,
      )}
    </>
  );
}
