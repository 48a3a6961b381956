import { isRegexSpace } from '../ascii.ts';
import { DATE } from '../patterns.ts';
import { matches, type Hit, type Rule } from '../rule.ts';
import { sentenceRunEnd } from '../sentences.ts';
import { TITLE_CASE_MINOR } from '../title-case.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const OPENING_MARKS = /^[“"‘'(\[$#]+/;
const CAPITAL_OR_DIGIT = /[\p{Lu}\p{N}]/u;
const WORD_AND_COMMA = /^[A-Z][a-z]+,$/;
const LOWER_START = /^[a-z]/;
const COMMA_OPENER = /\s[A-Z][a-z]+,\s/;
/** A dash standing as a word inside a headline ("… Shutdown Crisis - Next Date Set"): part of it, not its end. */
const DASH_WORD = /^[-–—]$/;
const QUESTION_END = /\?[’'"”)]?$/;

/** A single inserted link to another story: "Read more:", "Related:", "Related Reading:", "Read also:". */
const LEAD = /(?:\b(?:Related(?: Reading| News| Article| Story)?|Read (?:more|also|More|Also|Next)|Also [Rr]ead|See also|READ MORE|READ ALSO|Suggested [Rr]eading|Recommended)\s?:\s?|[（(](?:前情提要|背景補充|延伸閱讀|相關報導)\s?[：:][^）)\n]{1,200}[）)])/g;
/**
 * The same insert under the other labels outlets give it, in any case, where a sentence or line starts: "MUST READ:",
 * "Editor's pick:", "More from X:", "Watch:", "ICYMI:" ("Trending:" and "Don't miss:" open affiliate promos: promo-block's).
 * Only at a start: "traders watch:" inside a sentence is prose.
 */
const LABEL_BEFORE_COLON = /(?:related|you (?:may|might) (?:also )?like|keep reading|more (?:stories|news|articles|reading)|(?:most )?popular (?:stories|posts|articles|now)|also read|must read|editor[’']?s picks?|top stor(?:y|ies)|related (?:coverage|posts?|stories|reads?)|more (?:from|on) (?:\p{Lu}[\w.]*(?: \p{Lu}[\w.]*){0,2})|recommended(?: reading| for you| stories)?|further reading|check out|up next|read next|read this next|in case you missed it|icymi|watch|listen|explore|discover|popular|latest)\s?$/iu;
/** Longest label before its colon (characters): "In case you missed it" and a blank. */
const LABEL_MAX_CHARS = 30;
const AFTER_COLON = /^:\s?(?=[\p{Lu}\p{N}"“‘'])/u;
/** "You Might Also Like <date><title>By<author>": a teaser card with its byline. */
const CARD = new RegExp(String.raw`You (?:Might|May) Also Like\s?(?:${DATE})?[^\n]{1,200}?By\s?[A-Z][\p{Ll}'’-]+(?: [A-Z][\p{Ll}'’-]+){0,2}(?=\p{Lu}[\p{Ll}\s]|\s|$)`, 'gu');

const WORD = /\S+/g;
/** Longest a linked headline runs (characters); also bounds the work per marker. */
const HEADLINE_MAX_CHARS = 300;
/** A headline shorter than this is not trusted to mark where it ends. */
const TITLE_MIN_WORDS = 3;

export const readAlso: Rule = {
  name: 'read-also',
  category: 'read_also',
  find(text) {
    const hits: Hit[] = [];
    for (const m of matches(text, LEAD)) {
      const start = m.index ?? 0;
      const after = start + m[0].length;
      hits.push({ start, end: m[0].startsWith('（') || m[0].startsWith('(') ? after : headlineEnd(text, after) });
    }
    // at each colon, the label before it (colons are far fewer than the places a label could start)
    for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
      const after = AFTER_COLON.exec(text.slice(colon, colon + 3));
      if (!after) continue;
      const label = LABEL_BEFORE_COLON.exec(text.slice(Math.max(0, colon - LABEL_MAX_CHARS), colon));
      if (!label) continue;
      const start = colon - label[0].length;
      if (!atSentenceStart(text, start) || hits.some((h) => h.start <= start && start < h.end)) continue;
      hits.push({ start, end: headlineEnd(text, colon + after[0].length) });
    }
    for (const m of matches(text, CARD)) hits.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    return hits.map((h) => bracketed(text, h));
  },
};

const CLOSER: Record<string, string> = { '[': ']', '(': ')' };
/**
 * An insert set in brackets, "[Read More: Ether ETFs Log Record Inflows]": the brackets and the whole headline up to
 * the closing one go with it (the word reading stops short of a closing bracket glued to the next sentence).
 */
function bracketed(text: string, hit: Hit): Hit {
  const closer = CLOSER[text[hit.start - 1]];
  if (!closer) return hit;
  const close = text.indexOf(closer, hit.start);
  if (close < 0 || close - hit.start > HEADLINE_MAX_CHARS || text.slice(hit.start, close).includes('\n')) return hit;
  return { start: hit.start - 1, end: Math.max(hit.end, close + 1) };
}

/** The text's start, a line's, or right after a sentence's end (maybe glued: "…said.MUST READ:"). */
function atSentenceStart(text: string, at: number): boolean {
  if (at === 0 || text[at - 1] === '\n') return true;
  const before = isRegexSpace(text.charCodeAt(at - 1)) ? text[at - 2] : text[at - 1];
  return before === undefined || '.!?"”)\n'.includes(before);
}

/**
 * Where a linked headline ends. A Title Case headline ends before the first lower-case word that is
 * not a minor word (that word belongs to the next sentence, and so does the capital before it); a
 * sentence-case one ends at the end of its sentence or line.
 */
function headlineEnd(text: string, from: number): number {
  const line = text.indexOf('\n', from);
  const stop = Math.min(line < 0 ? text.length : line, from + HEADLINE_MAX_CHARS);
  const words = wordsEnd(text, from, stop);
  const glued = gluedOpening(text, from, stop);
  // the word reading ends a Title Case headline before its last word when the next sentence is glued to it ("LowThe"):
  // the headline's word is the headline's
  if (words < glued && !BLANK_IN.test(text.slice(words, glued))) return glued;
  return Math.min(words, glued);
}
const BLANK_IN = /\s/;

/**
 * Where the next sentence opens glued to the headline, as flattened pages glue them: a word that opens sentences
 * ("The", "However", …) right after a lower-case letter ("… a Five-Year LowThe bank said …"), or `stop`. A sentence
 * that opens with a name glued on ("LowSolvane said") is not told from a brand name (CoinDesk) and is left to the
 * word reading below.
 */
const GLUED_OPENER = /(?<=\p{Ll}{2})(?:The|This|That|These|Those|In|On|At|As|But|And|It|Its|According|However|Meanwhile|While|After|With|Over|Since|Despite|Although|Earlier|Last|Analysts|Traders)\s/gu;
function gluedOpening(text: string, from: number, stop: number): number {
  // on the headline's stretch only (at most HEADLINE_MAX_CHARS): a search on to the text's end for each marker made
  // a text of many markers quadratic; the lookbehind may still read the two letters before `from`
  const lead = Math.max(0, from - 2);
  GLUED_OPENER.lastIndex = from - lead;
  const m = GLUED_OPENER.exec(text.slice(lead, stop));
  return m ? lead + m.index : stop;
}

/** Where a linked headline's words end (see headlineEnd), read no further than `stop`. */
function wordsEnd(text: string, from: number, stop: number): number {
  const words = [...matches(text.slice(from, stop), WORD)];
  let titled = 0;
  let dashed = false;
  for (const w of words) {
    const first = w[0].replace(OPENING_MARKS, '')[0] ?? '';
    if (CAPITAL_OR_DIGIT.test(first) || TITLE_CASE_MINOR.has(w[0].toLowerCase()) || DASH_WORD.test(w[0])) titled++;
    else break;
    dashed ||= DASH_WORD.test(w[0]);
    // the question after a headline's dash ends it ("… Retest – Is It Ready For a Second Wave? Bitcoin Eyes …")
    if (dashed && QUESTION_END.test(w[0])) return from + (w.index ?? 0) + w[0].length;
  }
  // A capitalised word with a comma followed by a lower-case word ("Meanwhile, the …") opens a sentence.
  const opener = words.findIndex((w, i) => i > 0 && i < titled && WORD_AND_COMMA.test(w[0]) && LOWER_START.test(words[i + 1]?.[0] ?? ''));
  if (opener > 0) titled = opener + 1;
  if (titled > TITLE_MIN_WORDS && titled < words.length) {
    // The lower-case word belongs to the next sentence, and so do the minor words and the capital before it.
    let cut = titled - 1;
    while (cut > 0 && TITLE_CASE_MINOR.has(words[cut][0]) && words[cut][0] === words[cut][0].toLowerCase()) cut--;
    // "… Date Set Tether and Antalpha are …": a sentence opening with two names joined by "and" starts at the first
    if (cut >= 3 && words[cut - 1][0] === 'and' && CAPITAL_OR_DIGIT.test(words[cut - 2][0][0] ?? '')) cut -= 2;
    cut = sentenceOpening(words.map((w) => w[0]), cut);
    return from + (words[cut].index ?? 0);
  }
  if (titled === words.length) return stop;
  const end = sentenceRunEnd(text, from, () => false, 1);
  // A sentence-case headline runs on into the next sentence when no full stop separates them; a
  // capitalised word with a comma ("Here, it noted …") is how that next sentence usually opens.
  const comma = COMMA_OPENER.exec(text.slice(from, end));
  return comma ? from + comma.index : end;
}

/** How many words before the first word of the next sentence may still open that sentence ("However, Rekt Capital"). */
const OPENER_REACH_WORDS = 3;

/**
 * The first word of the sentence that follows a Title Case headline, given a capital word `cut` that opens or
 * continues it: a sentence opener with its comma a few words before ("…Crucial Resistance However, Rekt Capital laid
 * …", "…Positioning Meanwhile, Kazakhstan's fund …") or a capitalised preposition before a lower-case article ("…
 * Resistance In an X post …": a Title Case headline capitalises both or neither) starts the sentence there instead.
 */
function sentenceOpening(words: readonly string[], cut: number): number {
  for (let i = cut - 1; i > 0 && i >= cut - OPENER_REACH_WORDS; i--) if (WORD_AND_COMMA.test(words[i])) return i;
  const article = words[cut - 1];
  const preposition = words[cut - 2];
  if (cut >= 3 && article && preposition && TITLE_CASE_MINOR.has(article) && !TITLE_CASE_MINOR.has(preposition) && TITLE_CASE_MINOR.has(preposition.toLowerCase())) return cut - 2;
  return cut;
}
