/**
 * Analysis: market, on-chain and technical commentary, wraps and newsletters. The headline names the
 * method (chart patterns, indicators, on-chain metrics) or the format (daily wrap, briefing, newsletter);
 * a report of a specific happening stays news.
 */
import { distinctMatches, firstMatch, OPENING_CHARS, type Signal } from './doc.ts';

const PRICE = String.raw`\$\s?\d[\d,.]*\s?(?:[kKmM]\b)?`;

// Words that name an analytical method: the piece reads the market rather than reporting a happening.
const METHOD_TITLE_RE =
  /\b(?:analysis|technical(?:s| analysis| outlook)|chart(?:s|ist)? (?:show|suggest|hint|flash|point)|RSI|MACD|Fibonacci|bull(?:ish)? flag|bear(?:ish)? flag|head and shoulders|cup[- ]and[- ]handle|double (?:top|bottom)|what(?:'|’)s next|key levels?|levels? to watch|data (?:shows|suggests))\b/i;
// Market vocabulary that analysis leans on, but price-move news uses too: a weak hint.
const MARKET_TERMS_TITLE_RE =
  /\b(?:on-?chain|support|resistance|breakout|pattern|indicators?|metrics?|whales?|open interest|funding rates?|accumulation|sentiment|outlook|here(?:'|’)s (?:why|what)|bulls|bears)\b/i;
const FORMAT_TITLE_RE =
  /\b(?:daybook|morning (?:briefing|minute)|week ahead|weekly (?:recap|wrap|roundup)|market wrap|crypto wrap|newsletter|the daily|finance redefined|what happened in crypto today|explained|deep dive|daily (?:crypto )?recap|weekly recap|performance update|state of crypto|price watch|weekend watch|things to know|trends (?:shaping|to watch)|what [^?]{3,40} could look like)/i;
// Speculation is commentary: a question headline, or one hedged with could/may/might.
const QUESTION_TITLE_RE = /\?\s*(?:[-–—:|].*)?$/;
const HEDGED_TITLE_RE = /\b(?:could|may|might|suggests?|signals?)\b/i;
// A commentator's view rather than a happening: "..., analyst says", "Pundit reveals ...".
const COMMENTATOR_TITLE_RE = /\b(?:analysts?|pundits?|economists?|experts?|strategists?|commentators?)\b/i;
// Video and live-show recaps stack exclamations: "Crypto UP 7%! BlackRock is RISK On!"
const SHOW_RECAP_RE = /![^!]+!/;
const URL_ANALYSIS_RE = /\/(?:analysis|markets?-analysis|technical-analysis|research|insights?)\//;

// Levels read off the chart in the opening: "support at $4,200", "$4,600 resistance", "a breakout above $3.20".
// One level is a price report's colour; two are a reading of the chart.
export const CHART_LEVEL_RE = new RegExp(
  String.raw`\b(?:support|resistance|breakout|breakdown|trendline|neckline|fibonacci|fib|EMA|SMA|moving average|ceiling|floor|demand zone|supply zone)\b[^.?!$]{0,25}${PRICE}|${PRICE}(?:\s?[-–]\s?${PRICE})?\s(?:support|resistance|level|zone|ceiling|floor|barrier|threshold|handle)\b`,
  'gi',
);
const CHART_LEVELS_MIN = 2;

export const ANALYSIS_SIGNALS: Signal[] = [
  { name: 'method headline', weight: 2, test: (d) => firstMatch(METHOD_TITLE_RE, d.title) },
  { name: 'market-terms headline', weight: 1, test: (d) => firstMatch(MARKET_TERMS_TITLE_RE, d.title) },
  { name: 'format headline', weight: 2, test: (d) => firstMatch(FORMAT_TITLE_RE, d.title) },
  { name: 'question headline', weight: 1, test: (d) => firstMatch(QUESTION_TITLE_RE, d.title) },
  { name: 'hedged headline', weight: 1, test: (d) => firstMatch(HEDGED_TITLE_RE, d.title) },
  { name: 'commentator headline', weight: 1, test: (d) => firstMatch(COMMENTATOR_TITLE_RE, d.title) },
  { name: 'show-recap headline', weight: 2, test: (d) => firstMatch(SHOW_RECAP_RE, d.title) },
  { name: 'analysis path', weight: 1, test: (d) => firstMatch(URL_ANALYSIS_RE, d.path) },
  {
    name: 'chart levels',
    weight: 1,
    test: (d) => {
      const found = distinctMatches(CHART_LEVEL_RE, d.head.slice(0, OPENING_CHARS));
      return found.length >= CHART_LEVELS_MIN ? found.join(' / ') : null;
    },
  },
];
