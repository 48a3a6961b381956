import { matches, type Hit, type Rule } from '../rule.ts';

/**
 * Breadcrumbs: "…HomeNewsDogecoin", "…HomePrice AnalysisShiba Inu", "Home › News › Markets"; they run into the
 * headline, so they grow to the next removed span. The first crumb is "Home" glued to the next one's capital or set
 * off by a separator (no sentence writes "HomePrice" or "Home ›"); "Home" and a space opens a trail only before a
 * section's name, since prose says "Home Depot".
 *
 * A trail on a line of its own ends with its line: the text that keeps its line breaks put the headline and the story
 * on the lines below, and growing on to the next removed span took the story's first sentence with it. Only a trail in
 * flattened text, with no line break after it, grows.
 */
const BREADCRUMB = /(?:\.{3}|…)?\bHome(?:(?=\p{Lu}\p{Ll})|\s?[›>»/|]\s?(?=\p{Lu})|\s(?=News|Markets|Crypto|Business))/gu;
/** Longest trail (characters): "…HomePrice AnalysisShiba Inu (SHIB) Price PredictionOriginal … article" is 78. */
const TRAIL_MAX_CHARS = 100;

/** Each trail's marker, and whether a line break ends the trail within TRAIL_MAX_CHARS (the line's end, else -1). */
function trails(text: string): { hit: Hit; lineEnd: number }[] {
  const out: { hit: Hit; lineEnd: number }[] = [];
  for (const m of matches(text, BREADCRUMB)) {
    const end = m.index + m[0].length;
    const nl = text.indexOf('\n', end);
    out.push({ hit: { start: m.index, end }, lineEnd: nl >= 0 && nl - m.index <= TRAIL_MAX_CHARS ? nl : -1 });
  }
  return out;
}

export const breadcrumb: Rule = {
  name: 'breadcrumb',
  category: 'site_chrome',
  extend: 'to-next-noise',
  maxLength: TRAIL_MAX_CHARS,
  find: (text) => trails(text).filter((t) => t.lineEnd < 0).map((t) => t.hit),
};

/** The same trail on a line of its own: the whole line, and no further. */
export const breadcrumbLine: Rule = {
  name: 'breadcrumb',
  category: 'site_chrome',
  find: (text) => (text.includes('\n') ? trails(text).filter((t) => t.lineEnd >= 0).map((t) => ({ start: t.hit.start, end: t.lineEnd })) : []),
};
