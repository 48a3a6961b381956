/**
 * trafilatura's snippet metric (its tests/eval_common.py, re-implemented; checked against
 * ../shared/tools/score_trafilatura_eval.py). Per document, output and snippets are white-space normalised;
 * "with" snippets found in the output are true positives, the rest false negatives; "without" snippets found are
 * false positives, the rest true negatives. A failed extraction (null) finds nothing. Scores are micro-averaged.
 */

export interface EvalEntry {
  file: string;
  with: string[];
  without: string[];
}
export type EvalData = Record<string, EvalEntry>;

export interface SnippetScore {
  P: number;
  R: number;
  acc: number;
  F1: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

// Python's `\s` on str: JavaScript's `\s` lacks U+001C..U+001F and U+0085 and adds U+FEFF, so the class is spelled out.
const PY_WHITESPACE = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

export function normalizeWhitespace(text: string): string {
  return text.replace(PY_WHITESPACE, ' ').trim();
}

export function countSnippets(entry: EvalEntry, output: string | null | undefined): Omit<SnippetScore, 'P' | 'R' | 'acc' | 'F1'> {
  const r = typeof output === 'string' ? normalizeWhitespace(output) : null;
  const found = (s: string) => r !== null && r.includes(normalizeWhitespace(s));
  const tp = entry.with.filter(found).length;
  const fp = entry.without.filter(found).length;
  return { tp, fn: entry.with.length - tp, fp, tn: entry.without.length - fp };
}

export function scoreSnippets(evaldata: EvalData, outputs: Record<string, string | null | undefined>): SnippetScore {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const [key, entry] of Object.entries(evaldata)) {
    const c = countSnippets(entry, outputs[key]);
    tp += c.tp; fp += c.fp; fn += c.fn; tn += c.tn;
  }
  return {
    P: tp + fp ? tp / (tp + fp) : 0,
    R: tp + fn ? tp / (tp + fn) : 0,
    acc: (tp + tn) / (tp + tn + fp + fn),
    F1: (2 * tp) / (2 * tp + fp + fn),
    tp, fp, fn, tn,
  };
}
