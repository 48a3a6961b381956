import { isRegexSpace } from '../ascii.ts';
import type { Hit, Rule } from '../rule.ts';
import { sentenceAt, sentences } from '../sentences.ts';
import { positions, triggerWords } from '../trigger-words.ts';

/**
 * A pitch to the reader: a question that asks what the reader wants ("Want your project in front of our readers?",
 * "Ready to make your budget work harder?") answered at once by a call to action in the imperative ("Feature it in
 * our next report.", "Discover how … 👉 Reach out to X"). The form is the evidence: a reader-addressed question with
 * no answer of its own, then imperatives. Two questions address the reader without a "you" ("Enjoyed this article?",
 * "Have a tip?") and count as theirs. A question the story asks and answers in prose ("Need to know what happened
 * today? Here is the latest …", "Want proof? The data shows …") stays: its next sentence is no imperative.
 */
const QUESTION = /^(?:ready|want|looking|interested|curious|need|wondering|thinking of|do you want|are you (?:ready|looking))\b[^?]{0,160}\?$/i;
const READER = /\b(?:you|your|yours)\b/i;
/** Questions that address the reader without a "you": about what they just read, or a tip they may hold. */
const READER_QUESTION = /^(?:(?:enjoyed|liked|loved) (?:this|the) (?:article|story|post|read|piece)|(?:have|got) (?:a|any) (?:news )?(?:tips?|story ideas?))\?$/i;
/** The imperative that answers it, maybe after a pointing emoji or arrow. */
const IMPERATIVE =
  /^[\s👉➡→▶️►>*-]*(?:share|forward|discover|feature|reach out|contact|get|join|sign up|learn|find out|book|schedule|visit|explore|try|start|click|check out|email|talk to|let us|let's|tap|subscribe|apply|partner|advertise|grab|claim|download|request|message|dm|connect|see how|list|put|submit|showcase|promote|place|boost|secure|reserve|send|call|write to|drop us)\b/i;
/** Words such a call runs to at most, sentence by sentence; and the calls taken after the question. */
const CALL_MAX_WORDS = 30;
/** A call this short is taken whole; a longer one may have the next block glued on after its addressee. */
const CALL_SHORT_WORDS = 12;
/**
 * A call that ends at its addressee (one or two capitalised words after "to", "with", …) with the next block glued on
 * after it, no stop between: "👉 Reach out to Acme PR Conclusion Prices …" ends at "PR".
 */
const ENDS_AT_ADDRESSEE = /^(.*?\b(?:to|with|at|via|from|about|on)\s[\p{Lu}$@][\p{L}\p{N}.$@-]*(?:\s[\p{Lu}][\p{L}\p{N}.-]*)?)(?=\s[\p{Lu}])/u;
const MAX_CALLS = 3;
const WORDS = /\S+/g;
const QUESTION_WORDS = triggerWords(['ready', 'want', 'looking', 'interested', 'curious', 'need', 'wondering', 'thinking', 'do', 'are', 'enjoyed', 'liked', 'loved', 'have', 'got']);

export const readerPitch: Rule = {
  name: 'reader-pitch',
  category: 'cta',
  find(text) {
    const hits: Hit[] = [];
    let readTo = -1;
    for (const at of positions(text, QUESTION_WORDS)) {
      if (at < readTo) continue;
      let [s, e] = sentenceAt(text, at);
      readTo = e;
      while (s < e && isRegexSpace(text.charCodeAt(s))) s++;
      if (s !== at) continue; // the word must open its sentence
      const question = text.slice(s, e).trimEnd();
      if (!(QUESTION.test(question) && READER.test(question)) && !READER_QUESTION.test(question)) continue;
      let end = -1;
      let calls = 0;
      for (const [cs, ce] of sentences(text, e)) {
        const call = text.slice(cs, ce);
        if (!call.trim()) continue;
        const words = call.match(WORDS)?.length ?? 0;
        if (calls >= MAX_CALLS || !IMPERATIVE.test(call) || words > CALL_MAX_WORDS) break;
        calls++;
        if (words <= CALL_SHORT_WORDS) {
          end = ce;
          continue;
        }
        const cut = ENDS_AT_ADDRESSEE.exec(call);
        if (cut) end = cs + cut[1].length;
        break;
      }
      if (end > 0) {
        hits.push({ start: s, end });
        readTo = end;
      }
    }
    return hits;
  },
};
