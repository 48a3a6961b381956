import { matchAll, type Rule } from '../rule.ts';

/**
 * Breadcrumbs: "…HomeNewsDogecoin", "…HomePrice AnalysisShiba Inu", "Home › News › Markets"; they run into the
 * headline, so they grow to the next removed span. The first crumb is "Home" glued to the next one's capital or set
 * off by a separator (no sentence writes "HomePrice" or "Home ›"); "Home" and a space opens a trail only before a
 * section's name, since prose says "Home Depot".
 */
const BREADCRUMB = /(?:\.{3}|…)?\bHome(?:(?=\p{Lu}\p{Ll})|\s?[›>»/|]\s?(?=\p{Lu})|\s(?=News|Markets|Crypto|Business))/gu;
/** Longest trail (characters): "…HomePrice AnalysisShiba Inu (SHIB) Price PredictionOriginal … article" is 78. */
const TRAIL_MAX_CHARS = 100;

export const breadcrumb: Rule = {
  name: 'breadcrumb',
  category: 'site_chrome',
  extend: 'to-next-noise',
  maxLength: TRAIL_MAX_CHARS,
  find: (text) => matchAll(text, BREADCRUMB),
};
