/**
 * Price prediction: the headline's point is a price target or forecast, e.g. "XRP price prediction
 * 2025-2031", "Bitcoin could hit $150K", "Analyst sets $4 target", "ETH to $10K?".
 */
import { firstMatch, type Signal } from './doc.ts';

const PRICE = String.raw`\$\s?\d[\d,.]*\s?(?:[kKmMbBtT]|million|billion|trillion)?`;
const LABEL_RE = /\bprice (?:prediction|forecast|outlook|targets?)s?\b|\bpredict(?:s|ions?|ed)?\b(?! markets?)|\bforecasts?\b/i;
const TARGET_RE = new RegExp(
  String.raw`\b(?:could|can|may|might|will|set to|poised to|on track to|expected to|to)\s+(?:\w+\s+){0,2}(?:hit|reach|touch|tap|see|target|surge to|soar to|rally to|climb to|rise to|explode to|run to|move (?:to|toward)|break (?:out )?(?:to|toward)|go)\b[^.?!]{0,20}${PRICE}|\btargets? (?:of )?${PRICE}|${PRICE}\s+(?:price )?targets?\b|\beyes?\s+(?:a\s+)?(?:rally (?:at|to)\s+|move to\s+)?${PRICE}|\b(?:path|road|run|move|moonshot|rally) (?:to|toward|towards) ${PRICE}|\bto ${PRICE}\s*\?|^${PRICE}[^.?!]{0,40}(?:in view|next|\?)|\bhow (?:high|low) can\b|\bprice potential\b`,
  'i',
);
const YEAR_RANGE_RE = /\b20\d\d\s?[-–]\s?(?:20)?\d\d\b/;

export const PRICE_PREDICTION_SIGNALS: Signal[] = [
  { name: 'prediction headline', weight: 2, test: (d) => firstMatch(LABEL_RE, d.title) },
  { name: 'price-target headline', weight: 2, test: (d) => firstMatch(TARGET_RE, d.title) },
  { name: 'year-range headline', weight: 1, test: (d) => firstMatch(YEAR_RANGE_RE, d.title) },
];
