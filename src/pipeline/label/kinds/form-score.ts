/**
 * The learned sponsored form score: logistic regression over the named form features of the opening (form-features.ts),
 * with the weights scripts/train-form-score.ts fitted on cryptoprism-202510 (form-weights.ts). It adds no new evidence of
 * its own; it weighs many weak shapes of a promotion together (a newcomer's ticker beside known coins, a sub-dime price,
 * gains in multiples, token-sale words, a pick among tokens, investors' want) against the shapes of a report
 * (attribution, institutions, quotation), where the hand-written rules need two named signals that agree. The threshold
 * was chosen on leave-one-outlet-out scores, so it is the precision expected on an outlet never read.
 */
import type { KindDoc } from './doc.ts';
import { openingOf, readFeatures, SPONSORED_FEATURES, type FormFeature } from './form-features.ts';
import { SPONSORED_FORM_MODEL } from './form-weights.ts';

/** A fitted model: a probability of at least `threshold` is a signal of two points, of at least `hint` one point. */
export interface FormModel {
  bias: number;
  threshold: number; // probability
  hint: number; // probability
  weights: Record<string, number>;
}

export interface FormScore {
  probability: number;
  /** The features that pushed the score up most, strongest first, with what each read. */
  top: { feature: string; contribution: number; evidence: string }[];
}

const TOP_SHOWN = 3; // features quoted in a reason: enough to see why, short enough to read

function formScore(features: FormFeature[], model: FormModel, d: KindDoc): FormScore {
  const values = readFeatures(features, openingOf(d));
  let z = model.bias;
  const parts: FormScore['top'] = [];
  features.forEach((f, i) => {
    const contribution = values[i].value * (model.weights[f.name] ?? 0);
    z += contribution;
    if (contribution > 0 && values[i].evidence) parts.push({ feature: f.name, contribution, evidence: values[i].evidence });
  });
  parts.sort((a, b) => b.contribution - a.contribution);
  return { probability: 1 / (1 + Math.exp(-z)), top: parts.slice(0, TOP_SHOWN) };
}

const SCORES = new WeakMap<KindDoc, FormScore>();

export function sponsoredFormScore(d: KindDoc): FormScore {
  let s = SCORES.get(d);
  if (!s) SCORES.set(d, (s = formScore(SPONSORED_FEATURES, SPONSORED_FORM_MODEL, d)));
  return s;
}

/**
 * The signal's evidence: the score, then the phrases the strongest features read, each its own part (so that the
 * leave-one-outlet-out view of eval kinds checks every phrase against other outlets' words). null under the threshold.
 */
export function sponsoredForm(d: KindDoc): string | null {
  const s = sponsoredFormScore(d);
  return s.probability >= SPONSORED_FORM_MODEL.threshold ? evidenceOf(s) : null;
}

/** Under the threshold but above the hint: one point, which needs a hand-written signal to agree. */
export function sponsoredFormHint(d: KindDoc): string | null {
  const s = sponsoredFormScore(d);
  return s.probability >= SPONSORED_FORM_MODEL.hint && s.probability < SPONSORED_FORM_MODEL.threshold ? evidenceOf(s) : null;
}

function evidenceOf(s: FormScore): string {
  return [`score ${s.probability.toFixed(2)}`, ...s.top.map((t) => t.evidence)].join(' / ');
}
