/**
 * Clustering metrics, the same definitions as ../shared/tools/score_clusters.py (the figures must agree):
 * B-cubed (Bagga & Baldwin 1998) averaged over items, and pairwise P/R/F1 over all item pairs
 * (Miranda et al. 2018). Inputs map every item id to a cluster label.
 */
export interface PRF {
  p: number;
  r: number;
  f1: number;
}

function f1(p: number, r: number): number {
  return p + r ? (2 * p * r) / (p + r) : 0;
}

function counts<K>(keys: Iterable<K>): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function check(gold: Map<string, string>, pred: Map<string, string>): string[] {
  const ids = [...gold.keys()];
  if (ids.length !== pred.size || ids.some((id) => !pred.has(id))) throw new Error('gold and prediction cover different items');
  return ids;
}

export function bcubed(gold: Map<string, string>, pred: Map<string, string>): PRF {
  const ids = check(gold, pred);
  const inter = counts(ids.map((id) => `${gold.get(id)}\u0000${pred.get(id)}`));
  const gs = counts(ids.map((id) => gold.get(id)!));
  const ps = counts(ids.map((id) => pred.get(id)!));
  let p = 0;
  let r = 0;
  for (const id of ids) {
    const both = inter.get(`${gold.get(id)}\u0000${pred.get(id)}`)!;
    p += both / ps.get(pred.get(id)!)!;
    r += both / gs.get(gold.get(id)!)!;
  }
  p /= ids.length;
  r /= ids.length;
  return { p, r, f1: f1(p, r) };
}

export function pairwise(gold: Map<string, string>, pred: Map<string, string>): PRF {
  const ids = check(gold, pred);
  const pairs = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
  const tp = pairs(counts(ids.map((id) => `${gold.get(id)}\u0000${pred.get(id)}`)));
  const gp = pairs(counts(ids.map((id) => gold.get(id)!)));
  const pp = pairs(counts(ids.map((id) => pred.get(id)!)));
  const p = pp ? tp / pp : 1;
  const r = gp ? tp / gp : 1;
  return { p, r, f1: f1(p, r) };
}

/** `{"clusters": [[id, ...], ...]}` -> id -> label (the index of its cluster). */
export function labelsFromClusters(clusters: string[][]): Map<string, string> {
  const m = new Map<string, string>();
  clusters.forEach((c, i) => c.forEach((id) => m.set(id, String(i))));
  return m;
}
