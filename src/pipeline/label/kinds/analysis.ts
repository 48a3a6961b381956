/**
 * Analysis: market, on-chain and technical commentary, wraps and newsletters. The headline names the
 * method (chart patterns, indicators, on-chain metrics) or the format (daily wrap, briefing, newsletter);
 * a report of a specific happening stays news.
 */
import { firstMatch, type Signal } from './doc.ts';

const METHOD_TITLE_RE =
  /\b(?:analysis|technical|on-?chain|chart(?:s|ist)?|RSI|MACD|Fibonacci|support|resistance|breakout|bull(?:ish)? flag|bear(?:ish)? flag|pattern|indicators?|signals?|metrics?|data (?:shows|suggests)|whales?|open interest|funding rates?|liquidity|accumulat\w+|sentiment|outlook|what(?:'|’)s next|here(?:'|’)s (?:why|what)|key levels?|levels? to watch|bulls|bears)\b/i;
const FORMAT_TITLE_RE =
  /\b(?:daybook|morning (?:briefing|minute)|week ahead|weekly (?:recap|wrap|roundup)|market wrap|crypto wrap|newsletter|the daily|finance redefined|what happened in crypto today|markets today|explained|deep dive|gm\b)/i;
const URL_ANALYSIS_RE = /\/(?:analysis|markets?-analysis|technical-analysis|research|insights?)\//;

export const ANALYSIS_SIGNALS: Signal[] = [
  { name: 'method headline', weight: 2, test: (d) => firstMatch(METHOD_TITLE_RE, d.title) },
  { name: 'format headline', weight: 2, test: (d) => firstMatch(FORMAT_TITLE_RE, d.title) },
  { name: 'analysis path', weight: 1, test: (d) => firstMatch(URL_ANALYSIS_RE, d.path) },
];
