/**
 * Price prediction: the piece's point is where a price will go. The headline often says so ("XRP price
 * prediction 2025-2031", "Bitcoin could hit $150K", "Analyst sets $4 target", "ETH to $10K?"); when it does
 * not, the opening does (often all a teaser feed carries): prices to come in the future tense ("could reach
 * $5,766", "eyes a move toward $0.50", "a $200,000 year-end target") and forecasting named ("is forecasting").
 * A pundit calling a move to come is a forecast even without a price ("Analyst: XRP is on the brink of its parabolic
 * run"); a pundit alone, or a hedged move alone, is commentary.
 * A report of a move that happened (rose 5% to $X) speaks in the past tense and names where the price is, not
 * where it goes; support and resistance read off a chart without a target are analysis (see analysis.ts).
 */
import { distinctMatches, firstMatch, OPENING_CHARS, type KindDoc, type Signal } from './doc.ts';
import { CHART_LEVEL_RE } from './analysis.ts';

const PRICE = String.raw`\$\s?\d[\d,.]*\s?(?:[kKmMbBtT]\b|million|billion|trillion)?`;
// A price a coin trades at, not an amount of money: "$150K", "$0.40", "$1 million" a coin, but not "$56 trillion"
// of payments, a "$2 billion valuation" or a "$10M seed round". A comma or a full stop after the figure ends it ("could hit $150K,
// analysts say"); one followed by a digit is inside it.
const LEVEL = String.raw`\$\s?\d[\d,.]*(?:\s?[kK]\b|\s?[mM]\b|\s?million\b)?(?!\w|[,.]\d|\s?(?:[bBtT]\b|billion|trillion|bln|mln)|\s(?:[\w-]+\s)?(?:seed|series|funding|round|raise|valuation|IPO|deal|fund|loan|investment|acquisition|in (?:inflows|outflows|losses|liquidations|volume)))`;
// A coin's price and nothing else: no millions (a firm's revenue, a fund's raise) and no sum of money named after it.
// The destination forms that outlets also use of company figures ("on track for $500M in revenue", "a course to $100
// million in sales") read this one.
const COIN_LEVEL = String.raw`\$\s?\d[\d,.]*(?:\s?[kK]\b)?(?!\w|[,.]\d|\s?(?:[mMbBtT]\b|million|billion|trillion|bln|mln)|\s(?:[\w-]+\s)?(?:in\s|of\s)?(?:revenue|sales|profits?|fees|earnings|funding|raise|round|valuation|deal|fund|grants?|fines?|settlement|volume|inflows|outflows)(?![\w-]))`;
const LABEL_RE = /\bprice (?:predictions?|forecasts?|outlook|targets?)\b|\bmarket predictions?\b/i;
// "predicts" and "forecast" also head news about forecasts of anything: alone they are a weak hint.
const PREDICT_WORD_RE = /\bpredict(?:s|ions?|ed)?\b(?! (?:markets?|bets?))|\bforecasts?\b/i;
// A horizon: "$2.9M by 2050", "by 2030 ... $40,000".
const HORIZON_RE = new RegExp(String.raw`${LEVEL}[^.?!]{0,40}\bby (?:the )?(?:end of |mid-|year-end )?20\d\d\b|\bby 20\d\d\b[^.?!]{0,40}${LEVEL}`, 'i');
// "Analyst: XRP to $4.75 by Friday": a ticker and a destination, with no verb of movement (that would be news).
const ASSET_TO_PRICE_RE = new RegExp(String.raw`\b[A-Z]{2,6}\s+to\s+${PRICE}`);
// Where a price goes, said of the future: "could hit $5", "eyes $120K", "path to $20,000", "aim for $2.42",
// "a move to $1,100 next?", "could rally 400%", "$16 XRP price in view", "power law sees $65K".
const MOVE_VERB = String.raw`(?:hit|reach|touch|tap|see|target|clear|surge|soar|rally|climb|rise|jump|explode|pump|run|move|break(?: out)?|push|head|go|return|retest|revisit|aim|rebound|recover|drop|fall|crash|dip|slide|sink|plunge|flip|cross|top|bottom|peak|send|drive|propel|lift|take)`;
// The price or the move must be the destination of the verb: "could rally 400%", "may retest $0.88", "could break
// toward $0.50"; not "may rally after a $25.5M round". Testing a level is a chart reading, not a target.
const DESTINATION = String.raw`(?:(?:back |as high as |as low as |up |down )?(?:to|toward|towards|past|above|beyond|below|under|near|into|at|for)\s+(?:the\s+)?|new highs? (?:of|at|near) )?(?:${LEVEL}|\d{2,}(?:,\d{3})*%)`;
// Three forms of a price going somewhere, also read in the opening (below).
const MODAL_MOVE_FORM = String.raw`\b(?:could|can|may|might|will|would|set to|poised to|on track to|expected to|likely to|ready to|primed for|to)\s+(?:\w+\s+){0,2}${MOVE_VERB}(?:e?s|ing)?\s+${DESTINATION}`;
const MOVE_TO_FORM = String.raw`\b(?:a|an|next|another|for)\s+(?:[\w-]+\s+){0,2}(?:move|run|rally|leg|push|breakout|climb|surge|pump) (?:to|toward|towards|past|beyond|above) ${LEVEL}`;
const SEND_TO_FORM = String.raw`\b(?:could|can|may|might|will|would|set to|poised to|expected to|likely to)\s+(?:\w+\s+)?(?:send|drive|propel|push|lift|take)\s+(?:[\w$]+\s+){0,2}(?:to|into|toward|towards|past|above|beyond)\s+(?:a\s+|the\s+)?${LEVEL}`;
const TARGET_FORMS: string[] = [
  MODAL_MOVE_FORM,
  String.raw`\btargets? (?:of )?${LEVEL}|${LEVEL}\s+(?:price )?targets?\b`,
  String.raw`\beyes?\s+(?:a\s+)?(?:[\w-]+\s+){0,3}(?:rally (?:at|to)\s+|move to\s+|surge to\s+)?(?:${LEVEL}|\d{2,}% (?:rally|surge|gains?|upside|jump|pump))`,
  String.raw`\b(?:path|road|route|moonshot|way) (?:to|toward|towards) ${LEVEL}|\bcourse (?:to|toward|towards) ${COIN_LEVEL}`,
  // the next level named as a stop on the way: "next stop: $300", "next stop is $5"
  String.raw`\bnext (?:stop|station|destination)\b(?:\s?:|\s(?:is|at|for|could be|may be|at around))?\s(?:the\s)?${COIN_LEVEL}`,
  // a destination without a modal: "headed for $200K", "on course for $150K", "bound for $10"
  String.raw`\b(?:headed|heading|bound|on course|en route) (?:for|to|toward|towards) ${LEVEL}|\bon track (?:for|to) ${COIN_LEVEL}`,
  // a target named as such: "its next target sits at $35", "the upside target is $4.80"
  String.raw`\b(?:next|upside|price|new) targets?\b[^.?!$]{0,15}${LEVEL}`,
  // someone expects a coin to reach a level: "trader expects Solana to revisit $150", "analysts back ETH to hit $6K"
  String.raw`\b(?:expects?|expected|backs?|tips?|sees?|calls?) (?:[\w$’'-]+ ){1,2}to\s+(?:\w+\s+)?${MOVE_VERB}(?:e?s|ing)?\s+${DESTINATION}`,
  MOVE_TO_FORM,
  // "XRP to $10K?", "a move to $1,100 next?"; not "can it hold above $200?" (holding a level is a chart reading)
  String.raw`(?<!\b(?:hold|holds|stay|stays|remain|remains|keep|defend|defends|it)\s)\b(?:to|at|toward|towards|above|below) ${LEVEL}[^.?!]{0,12}(?:next\s*)?\?|${LEVEL} or ${LEVEL}\?`,
  String.raw`${LEVEL}\s(?:[\w$.,'’-]+\s){0,3}(?:in view|in sight|within reach|on the cards|on the table|incoming|next|ahead|is possible|is coming)\b`,
  String.raw`${COIN_LEVEL}\s(?:[\w$.,'’-]+\s){0,2}in play\b`,
  String.raw`\b(?:sees|expects|predicts|projects|forecasts|calls for|hints at|points? to|tips|odds of) (?:a |an |the )?(?:[\w-]+ ){0,2}${LEVEL}`,
  String.raw`\b(?:set|sets? up|setups?|poised|primed|ready|readies|gears? up|on track) for (?:a |an )?(?:[\w$.,%-]+ ){0,3}(?:rally|surge|run|breakout|rebound|drop|crash|correction|\d{2,}% (?:move|leg|jump|rise|drop|leap|rally|surge))\b`,
  String.raw`\baims? (?:for|at) ${LEVEL}|\bsets? (?:its )?sights on ${LEVEL}`,
  String.raw`${LEVEL}(?:\s?[-–]\s?${LEVEL})?\+?\s(?:[\w-]+\s)?(?:price\s)?(?:predictions?|forecasts?|calls?|upside|potential)\b|\bupside (?:to|of|toward) ${LEVEL}`,
  SEND_TO_FORM,
  String.raw`\b(?:sets?|gives?|names?|reveals?|puts?) (?:\w+ ){0,2}price (?:for|by|at|target)\b|\bprice (?:getting|going|heading) to ${LEVEL}`,
  String.raw`\bhow (?:high|low|far) (?:can|could|will|might)\b|\bprice potential\b|\bwhat(?:'|’)s next for\b[^?]{0,30}\bprice\b|\bprice if\b|\bif\b[^.?!]{0,40}\bbreaks?\b`,
];
const TARGET_RE = new RegExp(TARGET_FORMS.join('|'), 'i');
const YEAR_RANGE_RE = /\b20\d\d\s?[-–]\s?(?:20)?\d\d\b/;

// In the opening: a price to come. A forward word and then a price within the same clause.
const FORWARD_PRICE_RE = new RegExp(
  [
    String.raw`\b(?:could|can|may|might|will|would|expected to|likely to|poised to|set to|on track to|aims? (?:for|at)|aiming (?:for|at)|eyes|eyeing|targets?|targeting|toward|towards|next (?:target|resistance|hurdle|stop|leg)|upside (?:target|to|of)|projects?|projected|projecting|forecasts?|predicts?|predicted|sees|expects?|potential (?:move|rally|run|rise|surge) to|path to)\b[^.?!;]{0,50}?${LEVEL}`,
    String.raw`${LEVEL}\s(?:[\w-]+\s)?(?:price\s)?targets?\b`, // "a $200,000 year-end target"
  ].join('|'),
  'gi',
);
// Forecasting named in the first sentences: "Bitcoin price prediction: ...", "shares a bold forecast", "is forecasting".
const FORECAST_WORDS_RE =
  /\bprice (?:predictions?|forecasts?|targets?|outlook)\b|\b(?:a|an|his|her|their|its|the|bold|new|latest) (?:[\w-]+ )?(?:forecast|prediction|projection)s?\b(?! markets?\b)|\b(?:is|are|were|was) (?:forecasting|predicting|projecting)\b/i;
const FORECAST_WORDS_CHARS = 300; // about the first two sentences
const FORWARD_PRICES_FOR_STRONG = 2; // two statements of where a price goes, in the opening

// A move to come named in the headline without a price: "on the brink of its parabolic run", "price may pop at any
// point", "hints at a bull run", "a mid-November peak". Reports say what a price did; this says what it will do, but
// analysis hedges the same way ("TRX could rally as supply is staked"), so it counts only as someone's call (below).
const FUTURE_MOVE_TITLE_RE =
  /\b(?:parabolic|bull|moonshot|breakout|super-?cycle|price[- ]discovery) (?:run|rally|move|leg|phase|peak)\b|\bgo(?:es|ing)? parabolic\b|\b(?:may|could|will|set to|about to|poised to|ready to|primed to|on the brink of)\s(?:\w+\s){0,2}?(?:pop|explode|moon|skyrocket|soar|rocket|break ?out|rally|surge)\b|\b(?:cycle |market |price )?(?:top|peak|bottom)s? (?:in|by|at|around) (?:early |mid-?|late )?(?:20\d\d|Q[1-4]|January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:mid|early|late)-?(?:January|February|March|April|May|June|July|August|September|October|November|December) (?:peak|top|bottom)\b|\bhere(?:'|’)s the timeline\b/i;
// The call is someone's: "Analyst: XRP is on the brink ...", "Analyst to XRP holders: ...", "veteran trader hints at",
// "analysts think". "says" is left out: a report of what someone said is news of the statement. A pundit alone is
// commentary ("Top Trader: XRP is doing exactly what I said"); a pundit calling a move to come is a forecast.
const PUNDIT_CALL_TITLE_RE =
  /^(?:[\w.'’-]+ ){0,3}(?:analysts?|strategists?|traders?|pundits?|economists?|experts?)(?: to [\w ]{2,30})?\s?:|\b(?:analysts?|strategists?|traders?|pundits?|economists?|experts?)(?: [A-Z][\w.'’-]+){0,3} (?:predicts?|forecasts?|tips|hints? at|sees|expects?|calls? for|thinks?|think|believes?|backs?)\b/i;

// Two signals read the same list; it is found once per article.
const FORWARD_PRICES = new WeakMap<KindDoc, string[]>();

function forwardPrices(d: KindDoc): string[] {
  let found = FORWARD_PRICES.get(d);
  if (!found) FORWARD_PRICES.set(d, (found = distinctMatches(FORWARD_PRICE_RE, d.head.slice(0, OPENING_CHARS))));
  return found;
}

// The opening's forward prices that are the piece's own call: a sentence that attributes its figure ("JPMorgan kept a
// $165,000 target", "could reach $200,000, the bank said") reports someone else's forecast, which news does too.
const OWN_FORWARD_PRICES = new WeakMap<KindDoc, string[]>();

function ownForwardPrices(d: KindDoc): string[] {
  let found = OWN_FORWARD_PRICES.get(d);
  if (found) return found;
  const opening = d.head.slice(0, OPENING_CHARS);
  const seen = new Set<string>();
  for (const m of opening.matchAll(FORWARD_PRICE_RE)) if (!attributed(opening, m.index)) seen.add(m[0].trim().slice(0, 60));
  OWN_FORWARD_PRICES.set(d, (found = [...seen]));
  return found;
}

/** The sentence around `at` names who said it. */
function attributed(text: string, at: number): boolean {
  const start = Math.max(text.lastIndexOf('. ', at), 0);
  const end = text.indexOf('. ', at);
  return ATTRIBUTED_RE.test(text.slice(start, end < 0 ? undefined : end));
}

// A target read off the chart: the opening names a level the price must hold or break (support at $0.62, a break above
// $2.60) and states a target in the forms headlines use ("could send ADA to $0.80", "could rally 40%") that is not that
// level. A forecast whose headline does not say "prediction" still reads this way in its first two sentences. When the
// headline itself reads the chart ("May Test $0.88 Resistance", "Holds Key Support") the piece is analysis that
// sketches scenarios, and a report that quotes a bank's target names no level of the chart.
const DOLLAR_FIGURE_RE = /\$\s?\d[\d,.]*/g;
const figuresOf = (text: string) => (text.match(DOLLAR_FIGURE_RE) ?? []).map((f) => f.replace(/[\s,]|\.$/g, ''));
const CHART_READING_TITLE_RE = /\b(?:support|resistance|re-?tests?|testing|range|ranges|range-bound|levels?|breakout|breakdown|consolidat\w*|pattern|trendline|fibonacci|RSI|MACD|moving average)\b/i;
// The piece's own call, not a bank's target reported: a modal and a move ("could rally 40%", "could send ADA to $0.80"),
// or a move named with its destination ("a 40% move toward $3.60"); an attributed sentence is someone else's forecast.
const OPENING_TARGET_RE = new RegExp([MODAL_MOVE_FORM.replace(String.raw`|primed for|to)`, ')'), MOVE_TO_FORM, SEND_TO_FORM].join('|'), 'gi');
const ATTRIBUTED_RE = /\b(?:said|says|according to|wrote|writes|told|noted|notes|reported|report|forecast by|analysts at|kept|keeps|raised|lifted|cut|lowered)\b/i;
const TARGET_OPENING_CHARS = 300; // about the first two sentences, what a teaser keeps

function targetOffChart(d: KindDoc): string | null {
  if (CHART_READING_TITLE_RE.test(d.title)) return null;
  const opening = d.head.slice(0, TARGET_OPENING_CHARS);
  const levels = distinctMatches(CHART_LEVEL_RE, opening);
  if (!levels.length) return null;
  const levelFigures = new Set(levels.flatMap(figuresOf));
  for (const m of opening.matchAll(OPENING_TARGET_RE)) {
    const figures = figuresOf(m[0]);
    if (!/[$%]/.test(m[0]) || figures.some((f) => levelFigures.has(f))) continue; // a destination, and not the level itself
    if (attributed(opening, m.index)) continue;
    return `${m[0].trim().slice(0, 40)} beyond ${levels[0]}`;
  }
  return null;
}

// A destination with a horizon in the first two sentences, whatever the headline says: where the price goes ("could rally
// 95%", "a quick move to $135,000", "declining to as low as $200", "will trade at a new record high") and when or on
// what condition ("in the coming weeks", "by year-end", "in 2026", "once it clears $4,955", "could be in the cards").
// A report says where a price went; a chart reading names levels without a time; a forecast sets both, which is what
// a teaser of a forecast keeps when its headline is a question or a hook. A "breakout" is a chart's event, not a
// destination, and is left out. One hint: news quotes banks' year-end targets in the same form.
const TIME_LEVEL = String.raw`\$\s?\d[\d,.]*(?:\s?[kK]\b)?(?![\w%]|[,.]\d|\s?(?:[mMbBtT]\b|million|billion|trillion))`;
const REACH = String.raw`(?:(?:as high as|as low as|back)\s+)?(?:(?:to|toward|towards|above|past|beyond|below|near|at)\s+)?(?:the\s+)?(?:${TIME_LEVEL}|double[- ]digits|triple[- ]digits|(?:a )?new (?:record|all-time) highs?|(?:fresh )?all-time highs?)`;
const HORIZON_DESTINATION_RE = new RegExp(
  [
    // a move named as a noun with its destination: "a quick move to $135,000", "a return to $5,000"
    String.raw`\b(?:move|run|rally|return|rise|climb|push|surge|rebound|drop|decline|fall|slide|retreat|correction)\s+(?:back\s+)?(?:to|toward|towards|above|past|beyond|below)\s+(?:as (?:high|low) as\s+)?(?:the\s+)?(?:${TIME_LEVEL}|double[- ]digits|triple[- ]digits)`,
    // a modal and a verb of movement with a price, a percent or a new high: "could rally 95%", "likely to trade at a new record high"
    String.raw`\b(?:could|can|may|might|will|would|set to|poised to|expected to|likely to|on track to)\s+(?:\w+\s+){0,2}(?:hit|reach|touch|test|retest|see|target|clear|surge|soar|rally|climb|rise|jump|run|move|push|head|return|revisit|rebound|recover|drop|fall|crash|dip|slide|sink|plunge|decline|extend|trade|land|top|bottom)(?:e?s|ing)?\s+(?:(?:by|up to|as much as)\s+)?(?:\d{1,3}(?:\.\d+)?%|${REACH})`,
    // a move under way toward a level: "declining to as low as $200"
    String.raw`\b(?:declin|fall|dropp|slid|climb|rally|ris|reach|return)ing to (?:as (?:high|low) as )?${TIME_LEVEL}`,
  ].join('|'),
  'i',
);
const FORECAST_HORIZON_RE =
  /\b(?:in the (?:coming|next) (?:days|weeks|months|sessions?)|(?:this|next) (?:week|month|quarter|cycle)|by (?:the )?(?:end of (?:the )?(?:year|month|week|20\d\d)|year-end|mid-20\d\d|20\d\d|(?:January|February|March|April|May|June|July|August|September|October|November|December|Christmas|Q[1-4]))|before (?:the )?(?:end of the (?:year|month)|year-end|20\d\d)|in (?:Q[1-4]|20\d\d)|(?:short|near|mid|long)[- ]term|within (?:the next )?\w+ (?:days|weeks|months|years)|by (?:the )?(?:close|end) of|in the cards|is plausible|soon)\b|\b(?:if|once|when)\b[^.?!]{0,60}\b(?:breaks?|clears?|holds?|flips?|reclaims?|confirms?|closes?)\b/i;

// Someone's forecast retold ("Gemini AI's recent forecast that DOGE could hit $1 by Christmas has sparked discussions"):
// the piece reports the call, as news and promotions do, rather than making it.
// A question put ("traders are split on whether the token will reach a new high by December") is a report of a debate.
const RETOLD_FORECAST_RE = /\b(?:forecasts?|predictions?|projections?|calls?|views?) that\b|\b(?:predicted|projected|whether)\b/i;

function destinationWithHorizon(d: KindDoc): string | null {
  const opening = d.head.slice(0, TARGET_OPENING_CHARS);
  const m = HORIZON_DESTINATION_RE.exec(opening);
  if (!m || attributed(opening, m.index) || retold(opening, m.index)) return null;
  const horizon = firstMatch(FORECAST_HORIZON_RE, opening);
  return horizon ? `${m[0].trim().slice(0, 60)} / ${horizon}` : null;
}

/** The sentence around `at` retells someone's forecast. */
function retold(text: string, at: number): boolean {
  const start = Math.max(text.lastIndexOf('. ', at), 0);
  const end = text.indexOf('. ', at);
  return RETOLD_FORECAST_RE.test(text.slice(start, end < 0 ? undefined : end));
}

// The slug keeps the headline as first published; outlets rewrite headlines for feeds, not URLs. It counts only
// when the headline itself does not say it (the same words twice are one piece of evidence).
const FORECAST_SLUG_RE = /\b(?:price predictions?|price forecasts?|price targets?|predicts?|prediction|forecasts?)\b(?! markets?\b| bets?\b)/;

function forecastSlug(d: KindDoc): string | null {
  if (LABEL_RE.test(d.title) || PREDICT_WORD_RE.test(d.title)) return null;
  return firstMatch(FORECAST_SLUG_RE, d.slug);
}

export const PRICE_PREDICTION_SIGNALS: Signal[] = [
  { name: 'prediction headline', weight: 2, test: (d) => firstMatch(LABEL_RE, d.title) },
  { name: 'price-target headline', weight: 2, test: (d) => firstMatch(TARGET_RE, d.title) },
  { name: 'predict word', weight: 1, test: (d) => firstMatch(PREDICT_WORD_RE, d.title) },
  { name: 'price-horizon headline', weight: 2, test: (d) => firstMatch(HORIZON_RE, d.title) },
  { name: 'asset-to-price headline', weight: 2, test: (d) => firstMatch(ASSET_TO_PRICE_RE, d.title) },
  { name: 'year-range headline', weight: 1, test: (d) => firstMatch(YEAR_RANGE_RE, d.title) },
  { name: 'forecast slug', weight: 1, test: forecastSlug },
  {
    name: 'forecast opening',
    weight: 1,
    test: (d) => {
      const found = forwardPrices(d);
      return found.length ? found.join(' / ') : null;
    },
  },
  {
    name: 'pundit-called move headline',
    weight: 2,
    test: (d) => {
      const move = firstMatch(FUTURE_MOVE_TITLE_RE, d.title);
      const pundit = move && firstMatch(PUNDIT_CALL_TITLE_RE, d.title);
      return pundit ? `${pundit} / ${move}` : null;
    },
  },
  { name: 'target off chart levels', weight: 1, test: targetOffChart },
  { name: 'destination with a horizon in the opening', weight: 1, test: destinationWithHorizon },
  { name: 'forecast words in the opening', weight: 1, test: (d) => firstMatch(FORECAST_WORDS_RE, d.head.slice(0, FORECAST_WORDS_CHARS)) },
  {
    name: 'forecast-heavy opening',
    weight: 1,
    test: (d) => {
      const found = ownForwardPrices(d);
      return found.length >= FORWARD_PRICES_FOR_STRONG ? `${found.length} forward prices` : null;
    },
  },
];
