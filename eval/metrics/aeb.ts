/**
 * The article-extraction-benchmark body metric, as ../shared/tools/score_aeb.py computes it: per document,
 * multisets of 4-word shingles over \w+ tokens; tp/fp/fn normalised per document so every document weighs
 * the same; precision and recall are means over documents, F1 comes from those two means.
 */

const SHINGLE = 4; // words a shingle
/** Python's `\w` under re.UNICODE: letters, digits and the underscore. */
const TOKEN = /[\p{L}\p{N}_]+/gu;

export interface AebCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface AebScore {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number; // share of documents whose token lists are equal
}

export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** A text shorter than one shingle yields one shorter shingle; an empty text none. */
function shingles(text: string): Map<string, number> {
  const w = tokens(text);
  const out = new Map<string, number>();
  if (w.length === 0) return out;
  for (let i = 0; i < Math.max(1, w.length - SHINGLE + 1); i++) {
    const key = w.slice(i, i + SHINGLE).join('\u0000');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** One document's tp, fp, fn, divided by their sum (all zero when both texts are empty). */
export function aebCounts(truth: string, pred: string): AebCounts {
  const a = shingles(truth);
  const b = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k) ?? 0;
    const y = b.get(k) ?? 0;
    tp += Math.min(x, y);
    fp += Math.max(0, y - x);
    fn += Math.max(0, x - y);
  }
  const s = tp + fp + fn;
  return s ? { tp: tp / s, fp: fp / s, fn: fn / s } : { tp: 0, fp: 0, fn: 0 };
}

function precisionOf({ tp, fp, fn }: AebCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: AebCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** The corpus score of (truth, prediction) pairs. */
export function aebScore(pairs: readonly { truth: string; pred: string }[]): AebScore {
  const counts = pairs.map((p) => aebCounts(p.truth, p.pred));
  const ps = counts.filter((c) => c.tp + c.fp > 0).map(precisionOf);
  const rs = counts.filter((c) => c.tp + c.fn > 0).map(recallOf);
  const precision = ps.length ? ps.reduce((x, y) => x + y, 0) / ps.length : 0;
  const recall = rs.length ? rs.reduce((x, y) => x + y, 0) / rs.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const same = pairs.filter((p) => tokens(p.truth).join(' ') === tokens(p.pred).join(' ')).length;
  return { f1, precision, recall, accuracy: pairs.length ? same / pairs.length : 0 };
}
