import { isRegexSpace } from '../ascii.ts';
import type { Hit, Rule } from '../rule.ts';
import { sentenceAt } from '../sentences.ts';
import { positions, triggerWords } from '../trigger-words.ts';

/**
 * A page's search-result summary left in its text: one sentence that restates the headline and then turns to the
 * reader to send them on ("Coinbase national trust charter: Coinbase filed with the OCC to expand services — read how
 * the application could unlock payments.", "… next week for FCA-approved listings — read details and next steps.",
 * "… to shape Cardano's roadmap — participate now."). A story's own sentences restate the headline too (the lead
 * does), but never end by telling the reader to read on; advice in the story ("watch $3.50 for confirmation") is not
 * a reading verb and stays.
 */
/** The call's verbs: what a summary asks of a reader (read on, take part), never what a market story advises. */
const CALL = /^(?:read|learn|see|find out|discover|explore|participate|join|check out|click)\b/i;
const CALL_WORDS = triggerWords(['read', 'learn', 'see', 'find', 'discover', 'explore', 'participate', 'join', 'check', 'click', 'track', 'watch', 'monitor', 'follow', 'stay']);
/**
 * Where the summary stands is evidence too: right before the page's FAQ (a "What is …?" question opening the next
 * block) or its JSON-LD, where a search summary is printed and a story's sentence is not. There a call may also ask
 * the reader to track or watch something, and the summary need not repeat the headline's words.
 */
const CALL_BEFORE_FAQ = /^(?:read|learn|see|find out|discover|explore|participate|join|check out|click|track|watch|monitor|follow|stay)\b/i;
const FAQ_NEXT = /^\s?(?:\([\p{Lu}][\p{L}\p{N}. &-]{1,30}\)\s?)?(?:(?:What|How|Why|Is|Are|Can|Who|When|Where|Does|Do|Will|Should)\b(?:[^.!?\n]|\.(?=\d)){0,160}\?|\{\s?"@context")/u;
/** Where flattened key points glue onto the summary: a closing parenthesis or a percent sign, a blank, a capital. */
const GLUE_BREAK = /[)%]\s(?=\p{Lu})/gu;
/** Between the summary and its call: a dash or a semicolon (with blanks or none). */
const BREAK_BEFORE = /(?:\s?[—–]\s?|;\s|\s-\s)$/;
/** Words the call may run to the sentence's end: a call is short ("read the implications and timeline"). */
const CALL_MAX_WORDS = 12;
/** Words the whole sentence may have: a search-result summary is one or two lines. */
const MAX_WORDS = 40;
/** Headline words (4+ letters, case folded) the summary part must repeat, unless it repeats one of its figures. */
const MIN_SHARED_WORDS = 3;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const WORDS = /\S+/g;
/** A dash or semicolon closing a part, with a blank either side. */
const DASH_END = /\s?[—–;]\s?$/;
const FIGURE = /\d[\d,.]*\d|\d/g;
/**
 * The call may also be a sentence of its own after the summary ("Bitcoin neared its record in March—$71,200 peak—on
 * ETF demand. Read the analysis and what traders should watch next."): then only where a search summary is printed,
 * right before the FAQ or the JSON-LD, with the sentence before it restating the headline, a reading verb opening the
 * call, and the two no longer than a search result shows (characters; a meta description is cut at about 160). A
 * story's closing sentence with a pointer after it is longer, or is followed by more story, not by the page's questions.
 */
const SPLIT_SUMMARY_MAX_CHARS = 200;
/** Only blanks between a sentence's end and the call: the call opens a sentence of its own. */
const SENTENCE_GAP = /[.!?][)"”’]?\s+$/;
/** A parenthesised outlet name the summary may end with: "; read the full analysis. (COINOTAG)". */
const SIGNED = /^\s?\([\p{Lu}][\p{L}\p{N}. &-]{1,30}\)/u;

function restatesHeadline(part: string, title: string): boolean {
  const figures = new Set((title.match(FIGURE) ?? []).filter((f) => f.length >= 2));
  if ((part.match(FIGURE) ?? []).some((f) => figures.has(f))) return true;
  const words = new Set((title.match(WORD) ?? []).filter((w) => w.length >= 4).map((w) => w.toLowerCase()));
  let shared = 0;
  for (const w of new Set((part.match(WORD) ?? []).map((x) => x.toLowerCase()))) if (words.has(w) && ++shared >= MIN_SHARED_WORDS) return true;
  return false;
}

export const readOnSummary: Rule = {
  name: 'read-on-summary',
  category: 'other',
  find(text, ctx) {
    const hits: Hit[] = [];
    if (!ctx.title) return hits;
    let readTo = -1;
    for (const at of positions(text, CALL_WORDS)) {
      if (at < readTo) continue;
      if (!BREAK_BEFORE.test(text.slice(Math.max(0, at - 3), at))) {
        const hit = splitSummary(text, at, ctx.title, hits[hits.length - 1]);
        if (hit) {
          hits.push(hit);
          readTo = hit.end;
        }
        continue;
      }
      let [s, e] = sentenceAt(text, at);
      while (s < e && isRegexSpace(text.charCodeAt(s))) s++;
      while (e > s && isRegexSpace(text.charCodeAt(e - 1))) e--;
      const call = text.slice(at, e);
      if ((call.match(WORDS)?.length ?? 0) > CALL_MAX_WORDS) continue;
      const signed = SIGNED.exec(text.slice(e, e + 40));
      const beforeFaq = FAQ_NEXT.test(text.slice(e + (signed ? signed[0].length : 0), e + 200));
      if (beforeFaq && CALL_BEFORE_FAQ.test(call)) {
        s = summaryStart(text, s, at);
        hits.push({ start: s, end: e + (signed ? signed[0].length : 0) });
        readTo = e;
        continue;
      }
      if (!CALL.test(call)) continue;
      const sentence = text.slice(s, e);
      if ((sentence.match(WORDS)?.length ?? 0) > MAX_WORDS || !restatesHeadline(text.slice(s, at), ctx.title)) continue;
      hits.push({ start: s, end: e + (signed ? signed[0].length : 0) });
      readTo = e;
    }
    return hits;
  },
};

/**
 * Where a summary before the FAQ starts: its sentence's start, unless that runs back over key points glued on before
 * it (more than MAX_WORDS): then after the last glue break, or at the break before its call when there is none.
 */
function summaryStart(text: string, s: number, at: number): number {
  const part = text.slice(s, at);
  if ((part.match(WORDS)?.length ?? 0) <= MAX_WORDS) return s;
  let last = -1;
  for (const m of part.matchAll(GLUE_BREAK)) last = (m.index ?? 0) + m[0].length;
  if (last >= 0 && (part.slice(last).match(WORDS)?.length ?? 0) <= MAX_WORDS) return s + last;
  return s + part.search(DASH_END);
}

/**
 * A call that is a sentence of its own, right before the FAQ or JSON-LD, with the summary sentence before it: both, or
 * the call alone when the summary was just taken (its call glued on with a dash, a second call after it).
 */
function splitSummary(text: string, at: number, title: string, last: Hit | undefined): Hit | null {
  if (!SENTENCE_GAP.test(text.slice(Math.max(0, at - 4), at))) return null;
  let [, e] = sentenceAt(text, at);
  while (e > at && isRegexSpace(text.charCodeAt(e - 1))) e--;
  const call = text.slice(at, e);
  // a reading verb only: a conclusion's own advice before the FAQ ("Monitor the review timelines for updates.") stays
  if (!CALL.test(call) || (call.match(WORDS)?.length ?? 0) > CALL_MAX_WORDS) return null;
  const signed = SIGNED.exec(text.slice(e, e + 40));
  const end = e + (signed ? signed[0].length : 0);
  if (!FAQ_NEXT.test(text.slice(end, end + 200))) return null;
  let stop = at - 1;
  while (stop > 0 && isRegexSpace(text.charCodeAt(stop))) stop--;
  let [s] = sentenceAt(text, stop);
  while (s < at && isRegexSpace(text.charCodeAt(s))) s++;
  if (last && last.end >= s && last.end <= at) return { start: last.end, end };
  const summary = text.slice(s, at);
  if (end - s > SPLIT_SUMMARY_MAX_CHARS || (summary.match(WORDS)?.length ?? 0) > MAX_WORDS || !restatesHeadline(summary, title)) return null;
  return { start: s, end };
}
