import { isRegexSpace } from '../ascii.ts';
import type { Hit, TailRule } from '../rule.ts';
import { sentenceEnd } from '../sentences.ts';

/**
 * A sourcing note in the attribution block: right after a removed byline or publication line, a labelled note on what
 * the reporting rests on ("Reporter note: Reporting is based on the filings of …", "Sources referenced: …", "Sourcing
 * notes: …"). The position is half the evidence: a story's own "Sources say …" or "Source: the exchange" in running
 * text has no byline right before it. The label is the other half: a note of the reporting (reporter, reporting,
 * sourcing, research) or the sources it used, then a colon. An editor's note is left alone: after a byline it is as often
 * an update or a correction, which the story keeps.
 */
const NOTE_LABEL = /^(?:(?:Reporter|Reporting|Sourcing|Research)[’']?s?\s(?:note|notes)|Sources?(?:\s(?:note|notes|referenced|used|cited|consulted)(?:\s[a-z]+){0,3})?)\s?:/iu;
/** Most labelled sentences one note runs to, and the longest sentence taken (characters): a note, not a section. */
const MAX_NOTES = 3;
const NOTE_MAX_CHARS = 500;

export const attributionNote: TailRule = {
  name: 'attribution-note',
  category: 'byline',
  find(text, removed) {
    const hits: Hit[] = [];
    for (const r of removed) {
      if (r.category !== 'byline') continue;
      let at = r.end;
      let end = -1;
      for (let n = 0; n < MAX_NOTES; n++) {
        while (at < text.length && isRegexSpace(text.charCodeAt(at))) at++;
        if (!NOTE_LABEL.test(text.slice(at, at + 60))) break;
        const e = sentenceEnd(text, at, text.length);
        if (e - at > NOTE_MAX_CHARS || removed.some((x) => x.start < e && x.end > at)) break;
        end = at = e;
      }
      if (end > r.end) {
        let start = r.end;
        while (start < end && isRegexSpace(text.charCodeAt(start))) start++;
        hits.push({ start, end });
      }
    }
    return hits;
  },
};
