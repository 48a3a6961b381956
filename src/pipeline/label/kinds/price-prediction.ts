/**
 * Price prediction: the headline's point is a price target or forecast, e.g. "XRP price prediction
 * 2025-2031", "Bitcoin could hit $150K", "Analyst sets $4 target", "ETH to $10K?".
 */
import { firstMatch, type Signal } from './doc.ts';

const PRICE = String.raw`\$\s?\d[\d,.]*\s?(?:[kKmMbBtT]|million|billion|trillion)?`;
const LABEL_RE = /\bprice (?:predictions?|forecasts?|outlook|targets?)\b/i;
// "predicts" and "forecast" also head news about forecasts of anything: alone they are a weak hint.
const PREDICT_WORD_RE = /\bpredict(?:s|ions?|ed)?\b(?! (?:markets?|bets?))|\bforecasts?\b/i;
// A horizon: "$2.9M by 2050", "by 2030 ... $40,000".
const HORIZON_RE = new RegExp(String.raw`${PRICE}[^.?!]{0,40}\bby (?:the )?(?:end of |mid-|year-end )?20\d\d\b|\bby 20\d\d\b[^.?!]{0,40}${PRICE}`, 'i');
// "Analyst: XRP to $4.75 by Friday": a ticker and a destination, with no verb of movement (that would be news).
const ASSET_TO_PRICE_RE = new RegExp(String.raw`\b[A-Z]{2,6}\s+to\s+${PRICE}`);
const TARGET_RE = new RegExp(
  String.raw`\b(?:could|can|may|might|will|set to|poised to|on track to|expected to|to)\s+(?:\w+\s+){0,2}(?:hit|reach|touch|tap|see|target|surge to|soar to|rally to|climb to|rise to|explode to|run to|move (?:to|toward)|break (?:out )?(?:to|toward)|go)\b[^.?!]{0,20}${PRICE}|\btargets? (?:of )?${PRICE}|${PRICE}\s+(?:price )?targets?\b|\beyes?\s+(?:a\s+)?(?:rally (?:at|to)\s+|move to\s+)?${PRICE}|\b(?:path|road|run|move|moonshot|rally) (?:to|toward|towards) ${PRICE}|\bto ${PRICE}\s*\?|^${PRICE}[^.?!]{0,40}(?:in view|next)\b|\bhow (?:high|low) can\b|\bprice potential\b`,
  'i',
);
const YEAR_RANGE_RE = /\b20\d\d\s?[-–]\s?(?:20)?\d\d\b/;

export const PRICE_PREDICTION_SIGNALS: Signal[] = [
  { name: 'prediction headline', weight: 2, test: (d) => firstMatch(LABEL_RE, d.title) },
  { name: 'price-target headline', weight: 2, test: (d) => firstMatch(TARGET_RE, d.title) },
  { name: 'predict word', weight: 1, test: (d) => firstMatch(PREDICT_WORD_RE, d.title) },
  { name: 'price-horizon headline', weight: 2, test: (d) => firstMatch(HORIZON_RE, d.title) },
  { name: 'asset-to-price headline', weight: 2, test: (d) => firstMatch(ASSET_TO_PRICE_RE, d.title) },
  { name: 'year-range headline', weight: 1, test: (d) => firstMatch(YEAR_RANGE_RE, d.title) },
];
