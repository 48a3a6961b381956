import { isRegexSpace } from '../ascii.ts';
import type { Hit, Rule } from '../rule.ts';
import { sentenceAt } from '../sentences.ts';
import { positions, triggerWords } from '../trigger-words.ts';

/**
 * A caption whose source line is gone: a sentence that is only a noun phrase headed by a media noun, "BTC/USD one-day
 * chart.", "Solana Two-Hour Chart.", "Ethereum Monthly Performance.", "Bitcoin price movement after the ruling.".
 * Under a picture the text names what the picture is; the article's own sentences about a chart say something about
 * it and carry a verb ("The weekly chart shows …", "On the daily chart, the token is up 10%."). In API bodies the
 * picture and often its "Source:" line are dropped and the caption stays as a sentence of its own between two
 * paragraphs; other rules take it only while its source or maker is still there (image-credit, caption-unit).
 *
 * The form, all of it required: the sentence ends in one full stop; it opens with a capital, a digit or "$"; it runs
 * to at most PHRASE_MAX_WORDS words and holds no colon, quote or question; the media noun heads its main clause (one
 * to HEAD_MAX_LEAD modifiers before it, none of them a preposition, and after it only the clause's end, a comma, a
 * parenthesis or a preposition); and the main clause (before a "that/which/who…" clause) has no finite verb: no
 * auxiliary or modal, no contraction of one, no "-ed" form, no "shows/suggests/…". Measured before it was written,
 * over every sentence of 20 words or fewer in noise-dev to noise-dev-7: 17 labelled captions of 9 outlets and no
 * sentence of a gold body (the form without the head condition took 8 gold sentences, "A tactical approach works
 * best around data."; with "data", "trends" or "dynamics" as heads, 6). As it stands (a modifier required, fewer
 * heads): 15 captions of 8 outlets, no gold sentence.
 */
/**
 * Media nouns that head a caption. Not "picture", "image", "snapshot" or "illustration": prose uses them as figures of
 * speech in the same verbless shape ("A clearer picture of demand.", "A snapshot of the market."), and no caption of
 * our sets is headed by them.
 */
const HEADS = ['chart', 'charts', 'graph', 'graphs', 'screenshot', 'screenshots', 'photo', 'photos', 'heatmap', 'heatmaps', 'infographic'];
/** A noun that heads a chart's title only capitalised, as a label: "Ethereum Monthly Performance." ("Strong performance." is prose). */
const TITLE_HEADS = ['performance'];
/**
 * Nouns that head a chart's caption only with "price" before them and a phrase after them saying when or after what:
 * "Bitcoin price movement after the ruling.", not "Choppy price action.".
 */
const PRICE_HEADS = ['movement', 'action'];
const TRIGGERS = triggerWords([...HEADS, ...TITLE_HEADS, ...PRICE_HEADS]);

/** Words such a caption runs to at most: a pair, a time frame, the chart word and what it shows. */
const PHRASE_MAX_WORDS = 14;
/** Characters such a caption runs to at most: fourteen long words; a longer sentence is not read. */
const PHRASE_MAX_CHARS = 160;
/**
 * Modifiers before the media noun at most ("IREN one-week stock price chart"): more, and a sub-heading is glued on.
 * At least one: a caption names its subject first; a sentence opening on the bare noun ("Chart of …", "Charts
 * from …") is how prose may introduce a figure too, and the one such caption in our sets ("Chart showing …") is
 * caption-unit's.
 */
const HEAD_MAX_LEAD = 6;

/** What may follow the head noun in its clause: the end, a comma, a parenthesis, or a preposition or participle. */
const AFTER_HEAD = /^(?:\.?$|,|\s\(|\s(?:of|for|on|in|with|after|before|over|from|since|during|showing|comparing|highlighting|depicting|tracking|vs\.?|versus|and|across|at|by|via|amid|around|near|against|to|between)\b)/i;
/** A preposition among the words before the head: then the media noun is an object ("Right-click on the chart"), not the head. */
const PREPOSITION = /\b(?:of|for|on|in|with|after|before|over|from|since|during|at|by|via|to|into|between|across|against|about|under|above)\b/i;
/** A finite verb or its contraction; a possessive "'s" after a name ("Trump's statement") is not one. */
const FINITE = /\b(?:is|are|was|were|be|been|am|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should|shows?|showed|suggests?|indicates?|reveals?|points?|says?|said|remains?|looks?|seems?|let)\b|\b(?:it|that|there|what|here|he|she|who|let)['’]s\b|['’](?:re|ll|ve|d)\b|n['’]t\b/i;
/** A past form standing alone ("rallied", "surged"); "-ed" inside a hyphenated modifier ("risk-adjusted") is not counted. */
const PAST = /(?<![-\p{L}])\p{L}{3,}ed\b/u;
/** Where a subordinate clause starts: its verbs belong to it, not to the caption ("… statement that talks may stall."). */
const SUBORDINATE = /\s(?:that|which|who|whose|where|when|while|because|if|as)\s/i;
const OPENS = /^[\p{Lu}\p{N}$]/u;
const FORBIDDEN = /[:"“”?!]/;
const WORDS = /\S+/g;
const PRICE_BEFORE = /price\s$/i;
const PHRASE_AFTER = /^\s\p{Ll}+\s\S/u;

export const mediaPhrase: Rule = {
  name: 'media-phrase',
  category: 'image_credit',
  find(text) {
    const hits: Hit[] = [];
    let seen = -1; // the last sentence read: a second media noun in it is judged only if the first left it a candidate
    let candidate = false;
    for (const at of positions(text, TRIGGERS)) {
      const [from, to] = sentenceAt(text, at);
      let s = from;
      let e = to;
      while (s < e && isRegexSpace(text.charCodeAt(s))) s++;
      while (e > s && isRegexSpace(text.charCodeAt(e - 1))) e--;
      if (s !== seen) {
        seen = s;
        // cheap character checks before any slice: one full stop at the end, and short enough to be a caption
        candidate = e - s <= PHRASE_MAX_CHARS && text.charCodeAt(e - 1) === 0x2e && text.charCodeAt(e - 2) !== 0x2e;
      }
      if (!candidate || !isMediaPhrase(text.slice(s, e), at - s)) continue;
      candidate = false; // taken: the sentence's other media nouns need no look
      hits.push({ start: s, end: e });
    }
    return hits;
  },
};

/** Whether `unit` (a trimmed sentence) is a verbless noun phrase headed by the media noun at `headAt`. */
export function isMediaPhrase(unit: string, headAt: number): boolean {
  if (unit.charCodeAt(unit.length - 1) !== 0x2e || unit.charCodeAt(unit.length - 2) === 0x2e) return false; // one full stop
  if (!OPENS.test(unit) || FORBIDDEN.test(unit)) return false;
  const words = unit.match(WORDS)?.length ?? 0;
  if (words < 2 || words > PHRASE_MAX_WORDS) return false;
  const sub = SUBORDINATE.exec(unit);
  const main = sub ? unit.slice(0, sub.index) : unit;
  if (headAt >= main.length) return false;
  let headEnd = headAt;
  while (headEnd < unit.length && isAsciiLetter(unit.charCodeAt(headEnd))) headEnd++;
  const head = unit.slice(headAt, headEnd).toLowerCase();
  let leadEnd = headAt;
  if (TITLE_HEADS.includes(head) && !isUpper(unit.charCodeAt(headAt))) return false;
  if (PRICE_HEADS.includes(head)) {
    const before = unit.slice(0, headAt);
    if (!PRICE_BEFORE.test(before) || !PHRASE_AFTER.test(main.slice(headEnd))) return false;
    leadEnd = before.length - 'price '.length;
  }
  const lead = unit.slice(0, leadEnd);
  const leadWords = lead.match(WORDS)?.length ?? 0;
  if (leadWords < 1 || leadWords > HEAD_MAX_LEAD || PREPOSITION.test(lead)) return false;
  if (!AFTER_HEAD.test(main.slice(headEnd))) return false;
  return !FINITE.test(main) && !PAST.test(main);
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}
