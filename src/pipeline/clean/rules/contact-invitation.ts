import { positionsOf } from '../alternation.ts';
import { isRegexSpace } from '../ascii.ts';
import type { Hit, Rule } from '../rule.ts';
import { sentenceAt, sentences } from '../sentences.ts';

/**
 * The writer's invitation to write back, as a newsletter or a column signs off: a sentence that speaks to the reader
 * ("you", "your", or an imperative) and gives the writer's own address, a contact verb with "me" or "us" and an e-mail
 * address or a handle ("feel free to email me at jane@ledgerwire.example or find me on Bluesky @janeroe"). The address
 * is the evidence: a story quotes a post by its handle or cites a press office's e-mail, but never asks the reader to
 * write to "me" there. The short lines after it that close the text go with it ("You can also join the chat on
 * Telegram. See you next week!"): each speaks to the reader or is an exclamation, with no figure and no quote.
 */
const CONTACT = /\b(?:e-?mail|write to|reach|contact|find|follow|message|dm|ping|text|tweet at|send)\s(?:me|us)\b/i;
const ADDRESS = /[\w.+-]+@[\w-]+\.[\w.-]+|(?:^|\s)@\w{2,}/;
const READER = /\b(?:you|your|yours|y[’']?all)\b/i;
const IMPERATIVE = /^(?:please\s|feel free to\s)?(?:e-?mail|write|reach|contact|find|follow|message|dm|ping|send|drop)\b/i;
const REPORTED = /["“”]|\b(?:said|says|told|according to)\b/i;
const FIGURE = /\d/;
/** An embedded post: its attribution ("— Jane Roe (@janeroe) May 4, 2026") or its short link. A post is quoted, not ours. */
const EMBEDDED = /[—–-]\s?[^—–\n]{1,60}\(@\w+\)|t\.co\//;
const WORDS = /\S+/g;
/** Words such an invitation runs to at most; and each closing line after it. */
const MAX_WORDS = 60;
const CLOSING_MAX_WORDS = 15;
const MAX_CLOSING = 3;

function invites(sentence: string): boolean {
  if (REPORTED.test(sentence) || EMBEDDED.test(sentence) || !CONTACT.test(sentence) || !ADDRESS.test(sentence)) return false;
  if ((sentence.match(WORDS)?.length ?? 0) > MAX_WORDS) return false;
  return READER.test(sentence) || IMPERATIVE.test(sentence);
}

function closes(sentence: string): boolean {
  const s = sentence.trim();
  if (!s || FIGURE.test(s) || REPORTED.test(s) || (s.match(WORDS)?.length ?? 0) > CLOSING_MAX_WORDS) return false;
  return READER.test(s) || s.endsWith('!');
}

export const contactInvitation: Rule = {
  name: 'contact-invitation',
  category: 'cta',
  find(text) {
    const hits: Hit[] = [];
    let readTo = -1;
    // every invitation holds an "@" (an address or a handle): texts without one are not read
    for (const pos of positionsOf(text, '@')) {
      if (pos < readTo) continue;
      let [s, e] = sentenceAt(text, pos);
      readTo = e;
      while (s < e && isRegexSpace(text.charCodeAt(s))) s++;
      if (!invites(text.slice(s, e))) continue;
      // the closing lines go only when they close the text
      let end = e;
      let n = 0;
      for (const [cs, ce] of sentences(text, e)) {
        if (!text.slice(cs, ce).trim()) continue;
        if (n++ >= MAX_CLOSING || !closes(text.slice(cs, ce))) break;
        end = ce;
      }
      if (text.slice(end).trim()) end = e;
      hits.push({ start: s, end });
      readTo = end;
    }
    return hits;
  },
};
