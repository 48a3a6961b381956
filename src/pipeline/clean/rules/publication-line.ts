import { CLOCK, DATE } from '../patterns.ts';
import type { Hit, Rule } from '../rule.ts';
import { positions, triggerWords } from '../trigger-words.ts';

/**
 * A publication line: the outlet's own record of who published the piece and when, printed as a run of labelled
 * fields rather than a sentence: "Publication: Ledgerwire — 4 May 2026 | 10:15 (UTC) Reporter: Jane Roe, Reporter at
 * Ledgerwire", "Published: 2026-05-04 · Updated: 2026-05-05 · Author: LEDGERWIRE". The form is the evidence: label,
 * colon, a name or a date, a separator, the next field. It needs a publishing label (publication, published, author,
 * reporter, …) and a date or a time; an event's "Date: … Time: … Venue: …" has no publishing label and stays.
 * The label may be worded as a short clause rather than a field, in a line of its own: "Published by LEDGERWIRE;
 * updated 2026-05-04." is the same record (a name after "Published by", a date after a lower-case "updated"), and a
 * sentence of the story that says a report was published by someone has no date field after it.
 */
const PUBLISHING = String.raw`(?:Publication(?: date)?|Published(?: by| on)?|Last updated|[Uu]pdated|Author(?:\/Organi[sz]ation)?|Reporter|Editor|Posted(?: on)?|By)`;
const OTHER_LABEL = String.raw`(?:Date|Time)`;
/** A date or a time as such lines print them, maybe with its zone in parentheses. */
const WHEN = String.raw`(?:${DATE}|${CLOCK})(?:\s?[|,·•]?\s?${CLOCK})?(?:\s?\((?:UTC|GMT|ET|EST|EDT)\))?`;
/** A capitalised word that does not open a sentence (no lower-case word after it): "Jane Roe About the …" stops at "Roe". */
const NAME_WORD = String.raw`[\p{Lu}][\p{L}\p{N}.&'’-]*(?![\p{L}\p{N}.&'’-])(?!\s\p{Ll})`;
/** A name: up to four such words, a role after a comma ("…, Reporter at Ledgerwire"), a short aside in parentheses. */
const NAME = String.raw`${NAME_WORD}(?:\s${NAME_WORD}){0,3}(?:,\s[\p{Lu}][\p{L}]*(?:\s(?:at|of|for)\s${NAME_WORD}(?:\s${NAME_WORD}){0,2})?)?(?:\s?\([^()\n]{1,100}\))?`;
const LABEL_ASIDE = String.raw`(?:\s?\([^()\n]{1,30}\))?`;
/** One field, sticky at a position: groups 1 (a publishing label), 2 (another label) and 3 (a bare date) say which. */
const FIELD = new RegExp(
  String.raw`(?:(${PUBLISHING})${LABEL_ASIDE}\s?:?\s?(?:${WHEN}|${NAME})|(${OTHER_LABEL})${LABEL_ASIDE}\s?:\s?${WHEN}|(${WHEN}))`,
  'uy',
);
/** Between fields: a bar, bullet, middle dot, dash or semicolon, or a blank. */
const SEPARATOR = /\s?(?:[|•·—–;]|\s-)\s?|\s/y;
/** A date or a time among the field's text (the labelled ones hold it after the label). */
const HAS_WHEN = new RegExp(WHEN, 'u');
/** Where such a line may start: the text's or a line's start, after a sentence, a closing brace or a separator. */
const UNIT_START = /(?:^|[\n.!?:;)}\]"”|•·—–])\s*$/;
/** Fields that make a run evidence enough wherever it starts (glued after a caption's credit, say). */
const SELF_EVIDENT_FIELDS = 3;
/** Fields at most in one line; and its length (characters). */
const MAX_FIELDS = 8;
const LINE_MAX_CHARS = 400;
/** A full stop right after the last field, then a blank or the end. */
const CLOSING_STOP = /^\.(?:\s|$)/;

const LABEL_WORDS = triggerWords(['publication', 'published', 'updated', 'author', 'reporter', 'editor', 'posted']);

export const publicationLine: Rule = {
  name: 'publication-line',
  category: 'byline',
  find(text) {
    const hits: Hit[] = [];
    let readTo = -1;
    for (const at of positions(text, LABEL_WORDS)) {
      if (at < readTo) continue;
      // the run may open with a "Date:" field or a bare date before the publishing label: start there
      const start = runStart(text, at);
      const unitStart = UNIT_START.test(text.slice(Math.max(0, start - 3), start));
      let end = start;
      let fields = 0;
      let publishing = false;
      let when = false;
      for (let pos = start; fields < MAX_FIELDS && pos - start < LINE_MAX_CHARS; ) {
        FIELD.lastIndex = pos;
        const m = FIELD.exec(text);
        if (!m || m[0].trim() === '') break;
        fields++;
        publishing ||= m[1] !== undefined;
        when ||= m[3] !== undefined || HAS_WHEN.test(m[0]);
        end = pos + m[0].length;
        SEPARATOR.lastIndex = end;
        const sep = SEPARATOR.exec(text);
        if (!sep) break;
        pos = end + sep[0].length;
      }
      if (publishing && when && (fields >= SELF_EVIDENT_FIELDS || (fields >= 2 && unitStart))) {
        // a line worded as a clause ends with a full stop: it goes with the line, not left standing alone
        if (CLOSING_STOP.test(text.slice(end, end + 2))) end++;
        hits.push({ start, end });
        readTo = end;
      }
    }
    return hits;
  },
};

/** Fields a run may hold before its first publishing label ("Date: … • Time: … Reporter: …" is read from "Date"). */
const LEAD = new RegExp(String.raw`(?:${OTHER_LABEL}${LABEL_ASIDE}\s?:\s?${WHEN}\s?(?:[|•·—–]\s?)?)+$`, 'u');

function runStart(text: string, at: number): number {
  const before = text.slice(Math.max(0, at - 120), at);
  const m = LEAD.exec(before);
  return m ? at - m[0].length : at;
}
