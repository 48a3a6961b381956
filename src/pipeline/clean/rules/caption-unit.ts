import type { Hit, Rule } from '../rule.ts';
import { sentences } from '../sentences.ts';

/**
 * Captions told by their form, whoever printed them: a short unit (a line or sentence) that names a picture or chart
 * and who made it ("Image byTradingView", "SHIB chart byCoinStatsSHIBUSD", "Photo: Jane Doe"), or one that names a
 * chart and ends in its source in parentheses ("SHIBs daily chart with the 14-day RSI. (TradingView)"). A long
 * sentence about a chart is prose and stays.
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

/** Words a caption may run before its media word ("BTC/USD daily chart by X"); more, and the unit began with the story. */
const LEAD_MAX_WORDS = 4;

/**
 * Where the caption starts: the unit's start when few words come before the media word, else the word before the
 * media word ("…goes insaneAdvertisementCover image via …": at "Cover", the glued word's last part).
 */
function captionStart(unit: string, mediaAt: number): number {
  const lead = unit.slice(0, mediaAt).trim();
  if (!lead || lead.split(/\s+/).length <= LEAD_MAX_WORDS) return 0;
  const wordAt = unit.slice(0, mediaAt).trimEnd().search(/\S+$/);
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
  const name = /^\S+(?:\s[\p{Lu}][\p{L}\p{N}.&-]*(?=\s*$))?/u.exec(unit.slice(at))!;
  const end = at + name[0].length;
  if (unit.slice(end).trim() === '') return unit.length;
  const token = unit.slice(at, at + (unit.slice(at).search(/\s|$/) >>> 0));
  const breaks = [...token.matchAll(GLUED_BREAK)].map((b) => b.index ?? 0);
  // the sentence goes on after the maker's name, unglued: "The weekly chart by Glassnode shows …" is prose
  return breaks.length ? at + breaks[breaks.length - 1] : -1;
}

export const captionUnit: Rule = {
  name: 'caption-unit',
  category: 'image_credit',
  find(text) {
    if (!MEDIA.test(text)) return [];
    const hits: Hit[] = [];
    let prev: { start: number; end: number; media: boolean; words: number } | null = null;
    for (let [s, e] of sentences(text)) {
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /\s/.test(text[e - 1])) e--;
      if (e <= s) continue;
      const unit = text.slice(s, e);
      const words = unit.match(WORDS)?.length ?? 0;
      const media = MEDIA.test(unit);
      const madeBy = MADE_BY.exec(unit);
      const end = madeBy ? creditEnd(unit, madeBy.index + madeBy[0].length) : -1;
      const begin = madeBy ? captionStart(unit, madeBy.index) : 0;
      // the caption's own words are counted: a sentence glued on after the credit is the story's
      if (end > begin && (unit.slice(begin, end).match(WORDS)?.length ?? 0) <= CAPTION_MAX_WORDS) hits.push({ start: s + begin, end: s + end });
      else if (media && words <= CAPTION_MAX_WORDS && PAREN_SOURCE.test(unit)) hits.push({ start: s, end: e });
      else if (prev?.media && prev.words <= CAPTION_MAX_WORDS) {
        const paren = LEADING_PAREN.exec(unit);
        if (paren) hits.push({ start: prev.start, end: s + paren[0].length });
      }
      prev = { start: s, end: e, media, words };
    }
    return hits;
  },
};
