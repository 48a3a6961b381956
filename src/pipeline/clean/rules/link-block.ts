import type { Hit, Rule } from '../rule.ts';
import { positions, triggerWords } from '../trigger-words.ts';

/**
 * A promoted piece's link block, told by its form: a run of channel labels, each with a colon and a link, whether
 * the link is an address or the text of a link ("Website: Orbit Frog Official Site Whitepaper: View the Whitepaper
 * Telegram: Join the Telegram X (Twitter): https://x.com/orbitfrog"), with the sentence that introduces it when that
 * sentence ends in the colon ("More information about Orbit Frog can be found on the official resources:", "Curious
 * about Orbit Frog? Explore the following resources:"). Three labelled fields in a row are the evidence: a story
 * names a website or a channel in a sentence, it does not print three labels with a colon each. The lead-in goes only
 * with the block, only when it is short, ends in the colon right before the first label and speaks of links.
 */
const CHANNEL = String.raw`(?:Official )?(?:Website|Site|Whitepaper|White Paper|Telegram|Twitter\/X|X\/Twitter|Twitter|X|Discord|Medium|Instagram|Linktree|Reddit|YouTube|Facebook|LinkedIn|TikTok|Presale|Buy|Audit)(?:\s?\((?:Twitter|X|formerly Twitter)\))?`;
const URL = String.raw`(?:https?:\/\/\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:\/\S*)?)`;
/** Longest text of a link shown instead of its address (characters): "View the Whitepaper", "(1) Orbit Frog (@OrbitFrog) / X". */
const LINK_TEXT_MAX = 40;
/** Where a link's text ends: the next label (a channel's or any capitalised word with a colon), a line break, the end. */
const NEXT = String.raw`(?=\s*(?:$|\n|${CHANNEL}\s?:|[\p{Lu}][\p{L}]+\s?:))`;
/** One field, sticky: a channel label, its colon, an address or a short link text. */
const FIELD = new RegExp(String.raw`${CHANNEL}\s?:\s?(?:${URL}(?=\s|$)|[^:\n.!?]{1,${LINK_TEXT_MAX}}?${NEXT})`, 'uy');
const BLANKS = /\s*/y;
/** Fields in a row that make a block. */
const MIN_FIELDS = 3;
const MAX_FIELDS = 12;

/** The introducing sentence: ends in the colon, speaks of links, resources or finding out more; short. */
const LEAD_IN = /(?:^|[.!?]\s|\n)([^.!?\n:]{8,220}:\s?)$/;
const LEAD_IN_WORDS = /\b(?:more|information|links?|resources|learn\w*|explore|visit|follow\w*|join|community|below|here|official)\b/i;
const LEAD_IN_MAX_WORDS = 40;
/** A short question to the reader just before it: "Interested in learning more about Orbit Frog (ORBF)?". */
const QUESTION = /(?:^|[.!?]\s|\n)([^.!?\n]{5,120}\?\s)$/;
const QUESTION_WORDS = /\b(?:more|learn\w*|interested|curious|want)\b/i;
const QUESTION_MAX_WORDS = 14;
const WORDS = /\S+/g;

const LABEL_WORDS = triggerWords(['website', 'site', 'whitepaper', 'telegram', 'twitter', 'discord']);

export const linkBlock: Rule = {
  name: 'link-block',
  category: 'cta',
  find(text) {
    const hits: Hit[] = [];
    let readTo = -1;
    for (let at of positions(text, LABEL_WORDS)) {
      if (at < readTo) continue;
      if (text.startsWith('Official ', at - 9)) at -= 9;
      let end = at;
      let fields = 0;
      for (let pos = at; fields < MAX_FIELDS; ) {
        FIELD.lastIndex = pos;
        const m = FIELD.exec(text);
        if (!m) break;
        fields++;
        end = pos + m[0].length;
        BLANKS.lastIndex = end;
        pos = end + (BLANKS.exec(text)?.[0].length ?? 0);
      }
      if (fields < MIN_FIELDS) continue;
      hits.push({ start: leadInStart(text, at), end });
      readTo = end;
    }
    return hits;
  },
};

/** Where the block starts with its introducing sentence (and the reader's question before that), or `at`. */
function leadInStart(text: string, at: number): number {
  const before = text.slice(Math.max(0, at - 400), at);
  const lead = LEAD_IN.exec(before);
  if (!lead || !LEAD_IN_WORDS.test(lead[1]) || (lead[1].match(WORDS)?.length ?? 0) > LEAD_IN_MAX_WORDS) return at;
  let start = at - lead[1].length;
  const question = QUESTION.exec(text.slice(Math.max(0, start - 200), start));
  if (question && QUESTION_WORDS.test(question[1]) && (question[1].match(WORDS)?.length ?? 0) <= QUESTION_MAX_WORDS) start -= question[1].length;
  return start;
}
