/**
 * Kind labelling: news, analysis, price-prediction, sponsored, press-release or opinion, with the named
 * signals that decided it. `text` is the body as published (noise and all): "This is a sponsored article"
 * or a PR-wire dateline is exactly the evidence wanted here.
 *
 * Kinds are tried in order of what a reader most needs filtered: paid content first (an advertorial
 * dressed as a price prediction is still an advertorial), then issuer announcements, then price
 * predictions, opinion and analysis; anything else reports a happening and is news.
 */
import type { Kind, KindLabel } from '../types.ts';
import { KIND_SCORE, prepare, score, type KindInput, type Signal } from './kinds/doc.ts';
import { SPONSORED_SIGNALS } from './kinds/sponsored.ts';
import { PRESS_RELEASE_SIGNALS } from './kinds/press-release.ts';
import { OPINION_SIGNALS } from './kinds/opinion.ts';
import { PRICE_PREDICTION_SIGNALS } from './kinds/price-prediction.ts';
import { ANALYSIS_SIGNALS } from './kinds/analysis.ts';

export type { KindInput } from './kinds/doc.ts';

const ORDER: [Kind, Signal[]][] = [
  ['sponsored', SPONSORED_SIGNALS],
  ['press-release', PRESS_RELEASE_SIGNALS],
  ['price-prediction', PRICE_PREDICTION_SIGNALS], // before opinion: outlets file forecasts under /opinions/ too
  ['opinion', OPINION_SIGNALS],
  ['analysis', ANALYSIS_SIGNALS],
];

// Forecast pieces often close with a presale plug; two such weak hints do not overrule a forecast headline. Hints
// in the headline and the first lines are another matter: there the promotion is the piece ("XRP price prediction:
// ... while this $0.035 altcoin eyes 100x").
const WEAK_PROMO_OVER_FORECAST = 3; // points of weak sponsored signals needed to beat a price-prediction headline

export interface ClassifyOptions {
  /** Use the signals whose weights were fitted on gold data (default true); false measures the hand-written rules alone. */
  learned?: boolean;
}

export function classifyKind(input: KindInput, { learned = true }: ClassifyOptions = {}): KindLabel {
  const doc = prepare(input);
  for (const [kind, all] of ORDER) {
    const signals = learned ? all : all.filter((s) => !s.learned);
    const { total, strongest, opening, reasons } = score(signals, doc);
    if (total < KIND_SCORE) continue;
    if (kind === 'sponsored' && strongest < KIND_SCORE && total < WEAK_PROMO_OVER_FORECAST && opening < KIND_SCORE) {
      const forecast = score(PRICE_PREDICTION_SIGNALS, doc);
      if (forecast.total >= KIND_SCORE) return { kind: 'price-prediction', reasons: [...forecast.reasons, ...reasons.map((r) => `outweighed ${r}`)] };
    }
    return { kind, reasons };
  }
  return { kind: 'news', reasons: ['default: no other kind reached its score'] };
}
