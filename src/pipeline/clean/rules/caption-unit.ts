import { isRegexSpace } from '../ascii.ts';
import type { Hit, Rule } from '../rule.ts';
import { sentenceAt } from '../sentences.ts';
import { positions, triggerWords } from '../trigger-words.ts';

/**
 * Captions told by their form, whoever printed them: a short unit (a line or sentence) that names a picture or chart
 * and who made it ("Image byTradingView", "SHIB chart byCoinStatsSHIBUSD", "Photo: Jane Doe"), or one that names a
 * chart and ends in its source in parentheses ("SHIBs daily chart with the 14-day RSI. (TradingView)"), or one that
 * opens with a bare media noun and a participle and has no verb of its own ("Chart showing the rise in the price of
 * X."). A long sentence about a chart is prose and stays, and so is one that says something about the chart ("The
 * chart shows …", "Charts showing … have spread on X").
 */
const MEDIA = /\b(?:image|images|photo|photos|picture|chart|charts|graph|screenshot|illustration|infographic|heatmap)\b/i;
// no i flag: under it \p{Lu} would match lower-case letters too ("chart from the …")
const MADE_BY = /(?:^|\s)(?:[Ii]mage|[Pp]hoto|[Pp]icture|[Cc]hart|[Gg]raph|[Ss]creenshot|[Ii]llustration|[Ii]nfographic)s?\s?(?:by|from|via|courtesy of|[Cc]redit)\s?:?\s?(?=[\p{Lu}\p{N}])/u;
/** Where a glued token holds a second word: after two lower-case letters or two capitals, before a capitalised word. */
const GLUED_BREAK = /(?<=\p{Ll}{2}|\p{Lu}{2})(?=\p{Lu}\p{Ll})/gu;
const PAREN_SOURCE = /\((?:source:\s?)?[\p{Lu}][\p{L}\p{N}.&'’ -]{1,30}\)\.?$/u;
/** A source in parentheses opening the unit after a chart's caption, alone or glued to the next block: "(TradingView)Disclaimer: …". */
const LEADING_PAREN = /^\((?:source:\s?)?[\p{Lu}][\p{L}\p{N}.&'’ -]{1,30}\)\.?(?=$|\s|\p{Lu})/u;
/** Words a caption may have (a credit, or a chart title with its source). */
const CAPTION_MAX_WORDS = 15;
const WORDS = /\S+/g;
const SPACES = /\s+/;
const LAST_WORD = /\S+$/;
/** A credited name: its first token, and a capitalised second one when nothing follows it. */
const NAME_AT_START = /^\S+(?:\s[\p{Lu}][\p{L}\p{N}.&-]*(?=\s*$))?/u;
const SPACE_OR_END = /\s|$/;

/** Words a caption may run before its media word ("BTC/USD daily chart by X"); more, and the unit began with the story. */
const LEAD_MAX_WORDS = 4;

/**
 * Where the caption starts: the unit's start when few words come before the media word, else the word before the
 * media word ("…goes insaneAdvertisementCover image via …": at "Cover", the glued word's last part).
 */
function captionStart(unit: string, mediaAt: number): number {
  const lead = unit.slice(0, mediaAt).trim();
  if (!lead || lead.split(SPACES).length <= LEAD_MAX_WORDS) return 0;
  const wordAt = unit.slice(0, mediaAt).trimEnd().search(LAST_WORD);
  const word = unit.slice(wordAt, mediaAt).trimEnd();
  const breaks = [...word.matchAll(GLUED_BREAK)].map((b) => b.index ?? 0);
  return wordAt + (breaks.length ? breaks[breaks.length - 1] : 0);
}

/**
 * Where a credit ends: after the maker's name, the token at `at` (and a second capitalised token with it). When a
 * sentence of the story follows glued on ("Image byCoinGeckoPudgy Penguins (PENGU) capitalization rose"), the name
 * ends at the token's last glued word break and the rest is the story's; when it follows after a blank, the unit is
 * a sentence about a picture, not a caption (-1).
 */
function creditEnd(unit: string, at: number): number {
  const name = NAME_AT_START.exec(unit.slice(at))!;
  const end = at + name[0].length;
  if (unit.slice(end).trim() === '') return unit.length;
  const token = unit.slice(at, at + (unit.slice(at).search(SPACE_OR_END) >>> 0));
  const breaks = [...token.matchAll(GLUED_BREAK)].map((b) => b.index ?? 0);
  // the sentence goes on after the maker's name, unglued: "The weekly chart by Glassnode shows …" is prose
  return breaks.length ? at + breaks[breaks.length - 1] : -1;
}

/**
 * A caption in a sentence of its own: a media noun with no article before it, then what the picture shows, in a
 * participle. Case-sensitive: the capital says the noun opens the sentence.
 */
const SHOWING_HERE = /(?:Chart|Graph|Image|Photo|Picture|Screenshot|Illustration|Infographic|Map)s?\s(?:showing|depicting|illustrating|highlighting|comparing|tracking)\s/y;
/** A finite verb: a caption has none, a sentence about a chart has one ("Charts showing … have circulated"). */
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|shows?|suggests?|indicates?|reveals?|points?|went|gone|spread|circulated)\b/i;
/** Words such a caption runs to at most. */
const SHOWING_MAX_WORDS = 12;
/** Words a credit alone on its line may have: a name or two and an agency. */
const LINE_CREDIT_MAX_WORDS = 10;

/** Whether the unit fills its line: a line break (or the text's edge) on both sides, white space aside. */
function ownLine(text: string, u: Unit): boolean {
  let s = u.start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  let e = u.end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return (s === 0 || text[s - 1] === '\n') && (e === text.length || text[e] === '\n');
}

/** The units worth reading: those holding a "<media word> by <Maker>" or a source in parentheses. */
// tried at each media word (sticky); no letter may stand before it
const MADE_BY_HERE = new RegExp(MADE_BY.source.replace('(?:^|\\s)', ''), 'uy');
const MEDIA_NOUNS = ['image', 'photo', 'picture', 'chart', 'graph', 'screenshot', 'illustration', 'infographic'].flatMap((w) => [w, `${w}s`]);
// MADE_BY lets the maker's verb follow with no blank ("Imageby"): such a run is a trigger word too
const MEDIA_WORDS = triggerWords([...MEDIA_NOUNS, ...MEDIA_NOUNS.flatMap((w) => ['by', 'from', 'via', 'courtesy', 'credit'].map((v) => w + v))]);
const LETTER = /\p{L}/u;
/** After a parenthesis that ends its unit: the text's or line's end, or a stop then a blank or a capital, or a capital glued on. */
const ENDS_UNIT = /^(?:$|\.?\s*$|\.?\n|\.?\s?\p{Lu}|\.\s)/u;
/** Before a parenthesis that starts its unit: the text's or line's start, or a stop and maybe a blank. */
const STARTS_UNIT = /(?:^|\n|[.!?:;"”)]\s?)$/u;
const PAREN_ANYWHERE = /\((?:source:\s?)?[\p{Lu}][\p{L}\p{N}.&'’ -]{1,30}\)/gu;

interface Unit {
  from: number; // where its sentence starts, white space included
  start: number;
  end: number;
  media: boolean;
  words: number;
}

/** The trimmed sentence holding `at` (null when only white space), as `sentences` cuts the text. */
function unitAt(text: string, at: number): Unit | null {
  const [from, end] = sentenceAt(text, at);
  let s = from;
  let e = end;
  while (s < e && isRegexSpace(text.charCodeAt(s))) s++;
  while (e > s && isRegexSpace(text.charCodeAt(e - 1))) e--;
  if (e <= s) return null;
  const unit = text.slice(s, e);
  return { from, start: s, end: e, media: MEDIA.test(unit), words: unit.match(WORDS)?.length ?? 0 };
}

/** The non-blank unit before the sentence starting at `from`. */
function unitBefore(text: string, from: number): Unit | null {
  for (let at = from - 1; at >= 0; ) {
    const u = unitAt(text, at);
    if (u) return u;
    at = sentenceAt(text, at)[0] - 1;
  }
  return null;
}

export const captionUnit: Rule = {
  name: 'caption-unit',
  category: 'image_credit',
  find(text) {
    // Only the sentences around a maker or a parenthesised source are read (a sentence walk over every text cost
    // more than the rest of this rule); each is judged as a walk over all of them would judge it.
    const starts = new Map<number, Unit>();
    const hits: Hit[] = [];
    for (const at of positions(text, MEDIA_WORDS)) {
      if (at > 0 && LETTER.test(text[at - 1])) continue;
      MADE_BY_HERE.lastIndex = at;
      const m = MADE_BY_HERE.exec(text);
      if (!m) {
        const u = showingCaption(text, at);
        if (u) hits.push({ start: u.start, end: u.end });
        continue;
      }
      const u = unitAt(text, at + m[0].length - 1);
      if (u) starts.set(u.start, u);
    }
    PAREN_ANYWHERE.lastIndex = 0;
    for (let m = PAREN_ANYWHERE.exec(text); m; m = PAREN_ANYWHERE.exec(text)) {
      // a parenthesis inside a sentence of prose (most of them) is neither a unit's end nor its start
      if (!ENDS_UNIT.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3)) && !STARTS_UNIT.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
      const u = unitAt(text, m.index + m[0].length - 1);
      if (u) starts.set(u.start, u);
    }
    for (const u of [...starts.values()].sort((a, b) => a.start - b.start)) {
      const unit = text.slice(u.start, u.end);
      const madeBy = MADE_BY.exec(unit);
      const end = madeBy ? creditEnd(unit, madeBy.index + madeBy[0].length) : -1;
      const begin = madeBy ? captionStart(unit, madeBy.index) : 0;
      // a credit on a line of its own ("Photo by Jane Roe / Solvane Press"): the whole line, however the name is written
      if (madeBy && begin === 0 && madeBy.index === 0 && u.words <= LINE_CREDIT_MAX_WORDS && ownLine(text, u)) hits.push({ start: u.start, end: u.end });
      // the caption's own words are counted: a sentence glued on after the credit is the story's
      else if (end > begin && (unit.slice(begin, end).match(WORDS)?.length ?? 0) <= CAPTION_MAX_WORDS) hits.push({ start: u.start + begin, end: u.start + end });
      else if (u.media && u.words <= CAPTION_MAX_WORDS && PAREN_SOURCE.test(unit)) hits.push({ start: u.start, end: u.end });
      else {
        const paren = LEADING_PAREN.exec(unit);
        const prev = paren ? unitBefore(text, u.from) : null;
        if (paren && prev?.media && prev.words <= CAPTION_MAX_WORDS) hits.push({ start: prev.start, end: u.start + paren[0].length });
      }
    }
    return hits;
  },
};

/** The unit at `at` when it is a caption in a sentence of its own ("Chart showing …"), else null. */
function showingCaption(text: string, at: number): Unit | null {
  SHOWING_HERE.lastIndex = at;
  if (!SHOWING_HERE.test(text)) return null;
  const u = unitAt(text, at);
  if (!u || u.start !== at || u.words > SHOWING_MAX_WORDS) return null;
  return FINITE_VERB.test(text.slice(u.start, u.end)) ? null : u;
}
