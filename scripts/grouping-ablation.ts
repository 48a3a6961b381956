/**
 * Ablation and sweeps of the pair evidence across the grouping gold sets: each variant (a partial ClusterConfig) is
 * placed on every view and scored beside the defaults, so a piece that helps only the set it was tuned on shows as
 * such. Prints one row per variant and view (B-cubed F1, pairwise P/R/F1, and the change in pairwise F1), then per
 * variant the worst view's change (the max-min criterion: a change is a gain only when no set falls).
 * Stories come prepared (and cached) by scripts/grouping-views.ts.
 *
 *   npx tsx scripts/grouping-ablation.ts [ablation|sweep|'{"name":{...config}}'] [view ...] [--reverse]
 * --reverse places the stories in reverse arrival order (eval grouping reports that order too).
 */
import { preparedView, viewsNamed } from './grouping-views.ts';
import { bcubed, pairwise, type PRF } from '../eval/metrics/clusters.ts';
import { placeStory } from '../src/pipeline/cluster/place-story.ts';
import { MemoryStore } from '../src/pipeline/cluster/memory-store.ts';
import type { ClusterConfig } from '../src/pipeline/cluster/config.ts';

const HOUR_MS = 3600_000;

/** Each piece of pair evidence at its neutral value: the pair decided as if the piece did not exist. */
const ABLATION: Record<string, Partial<ClusterConfig>> = {
  defaults: {},
  'prompt (promptBonus 0)': { promptBonus: 0 },
  'sameFigure (figureBarShare 1)': { figureBarShare: 1 },
  'development (developmentBarFactor 1)': { developmentBarFactor: 1 },
  'development ledes (developmentLede off)': { developmentLede: false },
  'oneActor (actorRestShare Inf)': { actorRestShare: Infinity },
  'oneActor roles (actorRoles off)': { actorRoles: false },
  'otherCoin (otherCoinBarFactor 1)': { otherCoinBarFactor: 1 },
  'otherActors (off)': { otherActors: false },
  'secondTake (outletSecondFactor Inf)': { outletSecondFactor: Infinity },
  'centroid (centroidBar Inf)': { centroidBar: Infinity },
  'sameOutletRewrite (sameSourceEvent Inf)': { sameSourceEvent: Infinity },
  'sameOutletRewrite title (sameSourceRewriteTitle 0)': { sameSourceRewriteTitle: 0 },
  'sameIssue time (sameSourceIssueMs Inf)': { sameSourceIssueMs: Infinity },
  'series labels (seriesLabels off)': { seriesLabels: false },
  'move (moveKinds none)': { moveKinds: [] },
  'move sameDay off': { moveSameDay: false },
  'copyOnly (copyOnlyKinds none)': { copyOnlyKinds: [] },
  'crowd (eventJoinPerLog 0, eventJoin 0.2)': { eventJoinPerLog: 0, eventJoin: 0.2 },
};

const grid = (key: keyof ClusterConfig, values: number[]) =>
  Object.fromEntries(values.map((v) => [`${key} ${v}`, { [key]: v } as Partial<ClusterConfig>]));
const SWEEP: Record<string, Partial<ClusterConfig>> = {
  defaults: {},
  ...grid('nearJoin', [0.4, 0.45, 0.55, 0.6]),
  ...grid('eventJoin', [0.03, 0.04, 0.06, 0.07]),
  ...grid('eventJoinPerLog', [0.03, 0.0325, 0.0375, 0.04]),
  ...Object.fromEntries([1, 2, 4, 5].map((d) => [`windowMs ${d} d`, { windowMs: d * 24 * HOUR_MS }])),
  ...grid('promptBonus', [0.2, 0.3, 0.5]),
  ...Object.fromEntries([5, 30, 60].map((m) => [`promptMs ${m} min`, { promptMs: m * 60_000 }])),
};

const arg = process.argv[2] ?? 'ablation';
const variants: Record<string, Partial<ClusterConfig>> =
  arg === 'ablation' ? ABLATION : arg === 'sweep' ? SWEEP : { defaults: {}, ...(JSON.parse(arg) as Record<string, Partial<ClusterConfig>>) };
const reverse = process.argv.includes('--reverse');
const wanted = process.argv.slice(3).filter((a) => !a.startsWith('--'));
const views = viewsNamed(wanted);

const prepared = views.map((view) => {
  const { stories, gold } = preparedView(view);
  return { view, stories, gold };
});

const f3 = (x: number) => x.toFixed(3);
const signed = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(3);
const base = new Map<string, { b: PRF; p: PRF }>();
const summary: string[] = [];
console.log(['variant', 'view', 'B3 F1', 'pair P', 'pair R', 'pair F1', 'd pair F1', 'd B3 F1'].join('\t'));
for (const [name, config] of Object.entries(variants)) {
  let worst = Infinity;
  let sum = 0;
  const cells: string[] = [];
  for (const { view, stories, gold } of prepared) {
    const store = new MemoryStore();
    for (const s of reverse ? [...stories].reverse() : stories) await placeStory(s, store, config);
    const pred = store.assignments();
    const b = bcubed(gold, pred);
    const p = pairwise(gold, pred);
    if (name === 'defaults') base.set(view.name, { b, p });
    const ref = base.get(view.name)!;
    const d = p.f1 - ref.p.f1;
    worst = Math.min(worst, d);
    sum += d;
    cells.push(`${view.name} ${signed(d)}`);
    console.log([name, view.name, f3(b.f1), f3(p.p), f3(p.r), f3(p.f1), signed(d), signed(b.f1 - ref.b.f1)].join('\t'));
  }
  summary.push(`${name}\tworst ${signed(worst)}\tsum ${signed(sum)}\t${cells.join('  ')}`);
}
console.log('\nper variant: change of pairwise F1 against the defaults (worst view, sum over views)');
for (const line of summary) console.log(line);
