import { holds } from '../alternation.ts';
import { matchAll, type Rule } from '../rule.ts';

/**
 * Hashtag lines and tag lists: three or more #tags with nothing else between them, or a "Tags:" /
 * "Related topics" label with its short items up to the line end. A #tag inside a sentence stays.
 */
const HASHTAGS = /(?<![\p{L}\p{N}#])#[\p{L}\p{N}_]+(?:[ \t,]*#[\p{L}\p{N}_]+){2,}/gu;
const TAG_LIST = /(?:\bTags|\bTopics|Related [Tt]opics)\s?:?\s[^\n.!?]{1,120}?(?=\s{2}|\n|$|\s(?:[\p{Lo}]|More on|Related|Share))/gu;

/** What each form holds: texts without it are not scanned. */
const TAG_WORDS = ['Tags', 'Topics', 'Related topics'];

export const hashtagLine: Rule = {
  name: 'hashtag-line',
  category: 'hashtags',
  find: (text) => [...(text.includes('#') ? matchAll(text, HASHTAGS) : []), ...(holds(text, TAG_WORDS) ? matchAll(text, TAG_LIST) : [])],
};
