/**
 * The words a Title Case headline leaves in lower case ("Report Sees Guns as Path to Safety in Schools"): articles,
 * the short conjunctions and prepositions, "vs." and "is". Rules that ask whether a run of words is a headline (a
 * headline line, a linked read-also headline, a sub-heading above a chart credit) read every other word as one that
 * must be capitalised. One list, so that the rules agree on what a headline is.
 *
 * Not the same notion, and kept in their rules: glued-headlines' FUNCTION_WORDS (words that do not count as content
 * when it weighs how much of a piece is capitalised, verbs such as "are" and "be" among them) and author-bio's
 * HEADLINE_WORD (capitalised function words, which a headline has and a person's name never does).
 */
export const TITLE_CASE_MINOR: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'as', 'at', 'by', 'vs', 'vs.', 'with', 'from', 'is', 'but', 'into', 'over', 'after', 'amid',
]);
