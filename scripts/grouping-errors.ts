/**
 * Lists the pairwise errors of placeStory on the grouping gold sets, with the evidence each pair decision saw:
 *   wrong link  a story joined (or bridged) a cluster through a match whose gold event differs from its own
 *   miss        two pieces of one gold event ended in different clusters: the closest cross pair, its cosine and bar
 * Each line carries the gap, kinds, outlets, headline figures and the names/figures/coins both give, so errors
 * can be sorted into kinds by hand. Stories come prepared (and cached) by scripts/grouping-views.ts.
 *
 *   [GROUPING_CONFIG='{...}'] npx tsx scripts/grouping-errors.ts [view ...] [--scores]   views: cryptoprism cryptoprism-teaser freecryptonews rss4 basil
 */
import { preparedView, viewsNamed } from './grouping-views.ts';
import { bcubed, pairwise } from '../eval/metrics/clusters.ts';
import { placeStory, type Placement } from '../src/pipeline/cluster/place-story.ts';
import { MemoryStore } from '../src/pipeline/cluster/memory-store.ts';
import { cosine, decodeFingerprint, jaccard } from '../src/pipeline/fingerprint/index.ts';
import { sharedEvidence } from '../src/pipeline/shared-evidence.ts';

const args = process.argv.slice(2);
const scoresOnly = args.includes('--scores');
const wanted = args.filter((a) => !a.startsWith('--'));
/** Settings to try, as JSON in GROUPING_CONFIG: '{"actorRestShare":0.6}'. */
const config = JSON.parse(process.env.GROUPING_CONFIG ?? '{}');
const views = viewsNamed(wanted);

const hours = (ms: number) => `${(ms / 3600_000).toFixed(1)}h`;
const f3 = (x: number) => x.toFixed(3);

for (const view of views) {
  const { stories, gold } = preparedView(view);
  const byId = new Map(stories.map((s) => [s.id, s]));
  const store = new MemoryStore();
  const placements = new Map<string, Placement>();
  const t0 = performance.now();
  for (const s of stories) placements.set(s.id, await placeStory(s, store, config));
  const ms = (performance.now() - t0) / stories.length;
  const pred = store.assignments();
  const b = bcubed(gold, pred);
  const p = pairwise(gold, pred);
  console.log(`\n== ${view.name}: B3 P ${f3(b.p)} R ${f3(b.r)} F1 ${f3(b.f1)} | pair P ${f3(p.p)} R ${f3(p.r)} F1 ${f3(p.f1)} | ${new Set(pred.values()).size} clusters | ${ms.toFixed(2)} ms/story`);
  if (scoresOnly) continue;

  const stored = new Map((await store.stories(stories.map((s) => s.id))).map((s) => [s.id, s]));
  const fp = (id: string) => decodeFingerprint(stored.get(id)!.fingerprint);
  const describe = (id: string) => {
    const s = byId.get(id)!;
    const f = fp(id);
    return `${new Date(s.publishedAt).toISOString().slice(5, 16)} ${s.sourceId} [${s.kind ?? '-'}${f.figures.length ? ' ' + f.figures.join(',') : ''}${f.move ? ` move ${f.move.coin} ${f.move.direction}` : ''}] g${gold.get(id)} ${s.title.slice(0, 110)}`;
  };
  const evidence = (a: string, c: string) => {
    const x = byId.get(a)!;
    const y = byId.get(c)!;
    const ev = sharedEvidence(x, y);
    const fa = fp(a).features;
    const fb = fp(c).features;
    const top = [...fa].filter(([t]) => fb.has(t)).map(([t, w]) => [t, w * fb.get(t)!] as const).sort((u, v) => v[1] - u[1]).slice(0, 8);
    return `names [${ev.names.join('; ')}] figures [${ev.figures.join('; ')}] coins [${ev.coins.join(',')}] top shared ${top.map(([t, w]) => `${t}:${w.toFixed(3)}`).join(' ')}`;
  };

  // Wrong links: each kept match of a placement that pairs two gold events.
  let lost = 0;
  console.log('-- wrong links (story -> matched member, different gold events)');
  for (const s of stories) {
    const pl = placements.get(s.id)!;
    for (const m of pl.matches) {
      if (gold.get(m.itemId) === gold.get(s.id)) continue;
      lost++;
      const c = byId.get(m.itemId)!;
      const how = m.sameUrl ? 'same url' : m.near >= 0.5 ? `copy near ${m.near}` : m.move ? 'move' : m.centroid ? `centroid ${m.event}/${m.bar}` : `event ${m.event}/${m.bar}`;
      console.log(`FM ${how} gap ${hours(Math.abs(c.publishedAt - s.publishedAt))}${c.sourceId === s.sourceId ? ' SAME-OUTLET' : ''}`);
      console.log(`   + ${describe(s.id)}\n   = ${describe(m.itemId)}\n   ${evidence(s.id, m.itemId)}`);
    }
  }
  // Misses: gold events split over several clusters; the closest cross pair of each two pieces.
  console.log('-- misses (one gold event, several clusters)');
  const goldGroups = new Map<string, string[]>();
  for (const s of stories) goldGroups.set(gold.get(s.id)!, [...(goldGroups.get(gold.get(s.id)!) ?? []), s.id]);
  for (const [g, ids] of goldGroups) {
    const pieces = new Map<string, string[]>();
    for (const id of ids) pieces.set(pred.get(id)!, [...(pieces.get(pred.get(id)!) ?? []), id]);
    if (pieces.size < 2) continue;
    const list = [...pieces.values()];
    console.log(`MISS g${g}: ${ids.length} stories in ${list.length} clusters (${list.map((l) => l.length).join('+')})`);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        let best = { a: '', c: '', event: -1, near: 0 };
        for (const a of list[i]) for (const c of list[j]) {
          const e = cosine(fp(a).features, fp(c).features);
          if (e > best.event) best = { a, c, event: e, near: jaccard(fp(a).signature, fp(c).signature) };
        }
        const [a, c] = byId.get(best.a)!.publishedAt <= byId.get(best.c)!.publishedAt ? [best.a, best.c] : [best.c, best.a];
        const later = byId.get(c)!;
        const crowd = await store.countPublished(later.publishedAt - 3 * 24 * 3600_000, later.publishedAt + 3 * 24 * 3600_000);
        const bar = 0.05 + 0.035 * Math.log(1 + crowd);
        console.log(`   cosine ${f3(best.event)} (window bar ~${f3(bar)}) near ${f3(best.near)} gap ${hours(later.publishedAt - byId.get(a)!.publishedAt)}${later.sourceId === byId.get(a)!.sourceId ? ' SAME-OUTLET' : ''}`);
        console.log(`   < ${describe(a)}\n   > ${describe(c)}\n   ${evidence(a, c)}`);
        console.log(`   why(later): ${placements.get(c)!.why}`);
      }
    }
  }
  console.log(`(wrong links: ${lost})`);
}
