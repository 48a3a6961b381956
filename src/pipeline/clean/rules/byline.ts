import { AGO, DATE } from '../patterns.ts';
import { alternationHits, anchored, holds, positionsOf, searched, type Branch } from '../alternation.ts';
import { matchAll, type Rule } from '../rule.ts';
import { isAsciiLower, isAsciiUpper } from '../ascii.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const LOWER_ASCII = /[a-z]/;
const NAME_CHAR = /[\p{L} &]/u;
const SPACE = /\s/;

/** A name as a byline prints it: up to four capitalised words, comma-joined co-authors ("Shaurya Malwa,CD Analytics"). */
const WHO = String.raw`[\p{Lu}][\p{L}\p{M}.'’-]*(?:(?:\s|,\s?)[\p{Lu}][\p{L}\p{M}.'’-]*){0,4}`;
/** Who the byline writes for, after the name: "By Jane Doe, Bloomberg", "Written by Jane Doe for Reuters". */
const SYNDICATION = String.raw`(?:(?:,\s?|\s(?:for|of)\s)[A-Z][\p{L}.&-]*(?:\s[A-Z][\p{L}.&-]*){0,2}(?=[ \t]*(?:\n|$)))?`;
/** A role after the name, only when a label follows it: "Cost of living correspondent Published …". */
const ROLE = String.raw`(?:\s[\p{L} ]{1,40}?(?=\s?(?:Published|Updated)))?`;
const LABEL = String.raw`(?:Edited by|Updated by|Reviewed by|Updated|Published|Posted|Last updated)\s?:?\s?`;
/** Dates, labels and "n min read" after the name, in any order. */
const TAIL = String.raw`(?:\s?(?:${LABEL}(?:${WHO}(?=\s?(?:${LABEL}|${DATE})))?)?(?:${DATE}|${AGO})(?:\s?\d{1,3}\s?min(?:ute)?s? read)?(?:\s?in [\p{L} ,、]{1,40}(?=\s|$))?)+`;

/**
 * The byline forms, each run apart (see alternation.ts): the "By" form only where "By" or "by" stands, the
 * others only on texts holding their first words.
 */
const BYLINES: Branch[] = [
  // "ByShaurya MalwaEdited bySheldon RebackUpdatedJul 17, 2025, …", "NewsByGodfrey BenjaminSat, 12072025 - 11:47",
  // "by Editorial Team Jul. 21, 2026", "By Kevin Peachey Cost of living correspondent Published 21 July 2026, 06:20 BST"
  anchored(String.raw`(?:\b[A-Z][a-z]+(?=By)|\b|(?<=\p{Ll})(?=By))[Bb]y\s?${WHO}${ROLE}(?:\s?${LABEL}${WHO})*${TAIL}`, 'u', byStarts),
  // "Written by X staff writer Reviewed by Y staff editor", "Published Jul 21, 2026"
  searched(String.raw`Written by ${WHO}(?:\s(?:staff|senior|contributing)\s\w+)?(?:\s?Reviewed by ${WHO}(?:\s(?:staff|senior|contributing)\s\w+)?)?${SYNDICATION}(?=\s|$)`, 'u', 'Written by'),
  searched(String.raw`(?<![\p{Ll}])(?:Published|Updated|Posted)(?: on)?\s?:?\s?${DATE}`, 'u', ['Published', 'Updated', 'Posted']),
  // a bare author line: "By Rae Wee" alone before a dateline, maybe glued after a flattened ticker ("USDXBy Rae Wee(Reuters)")
  searched(String.raw`(?<![\p{Ll}])By [A-Z][a-z]+(?: [A-Z][a-z]+){1,2}${SYNDICATION}(?=[A-Z]{2,}|\n|$|\((?:Reuters|Bloomberg|AP|AFP)\))`, 'u', 'By '),
  // an author line opening the text, a line or a section, the story's sentence right after it on the same line:
  // "By Ashutosh Sureka Bitcoin rose …", "… rally. By Parshwa Turakhiya Dogecoin (DOGE-USD) is trading …"
  // (two or three name words; the capital before a lower-case word starts the story)
  searched(String.raw`By (?<=(?:^|\n|[.!?]\s)By )[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}(?= [A-Z][\w-]+(?: \([^()\n]{1,20}\))? [a-z])`, 'u', 'By '),
];

/**
 * Where the "By" form may start: at "By" or "by", or at the capitalised word glued before a "By" ("NewsBy…").
 * Ascending; a glued word may start before an earlier "by" ("AbyBy"), hence the sort.
 */
function byStarts(text: string): number[] {
  const out: number[] = [];
  for (const k of [...positionsOf(text, 'By'), ...positionsOf(text, 'by')]) {
    if (text[k] === 'B') {
      let s = k;
      while (s > 0 && isAsciiLower(text.charCodeAt(s - 1))) s--;
      if (s < k && s > 0 && isAsciiUpper(text.charCodeAt(s - 1))) out.push(s - 1);
    }
    out.push(k);
  }
  return out.sort((x, y) => x - y);
}

/** A date and a reading time, "Fri, Jul 11, 2025, 9:00 PM4 min read": the name before it is found by walking back. */
const READ_TIME = new RegExp(String.raw`${DATE}\s?\d{1,3}\s?min(?:ute)?s? read`, 'gu');
/** What every reading-time stamp holds: without it the date-led scan above is skipped. */
const READ_TIME_TRIGGER = ['min read', 'mins read', 'minute read', 'minutes read'];
/** How far back the source or author name before a reading-time stamp may reach (characters). */
const NAME_BACK_MAX = 60;

/** A staff title after a name: "Jane Roe, Senior Reporter". */
const STAFF_TITLE = String.raw`(?:(?:Senior|Staff|Chief|Lead|Contributing|Deputy|Markets|Crypto|News)\s)?(?:Reporter|Writer|Editor|Correspondent|Analyst|Contributor|Journalist)`;
/** What may follow the name on an author line, each after a bar, dot or comma: an editor, a date, a reading time. */
const LINE_TAIL = String.raw`(?:\s?[|·•,–-]\s?(?:Edited by ${WHO}|${DATE}|${AGO}|\d{1,2}\s?min(?:ute)?s? read|${STAFF_TITLE}))*`;
/**
 * An author line of any site, alone on its line: "Author: Jane Roe", "Reported by Jane Roe in Lisbon", "Written by
 * Jane Roe | Edited by John Doe", "Jane Roe, Senior Reporter", "Jane Roe · Oct 3, 2025 · 4 min read". The line is the
 * evidence: a label or a staff title or a date with the name and nothing else. (Own regexes, run on texts with line
 * breaks: a line-anchored branch in the alternation above would slow every search through it.)
 */
const AUTHOR_LINES = [
  new RegExp(String.raw`^[ \t]*(?:Author|Words|Story|Text|Reporter)\s?:\s?${WHO}${LINE_TAIL}[ \t]*$`, 'gmu'),
  new RegExp(String.raw`^[ \t]*(?:Reported|Written|Words|Story|Edited) by ${WHO}(?: in [\p{Lu}][\p{L}.-]+(?: [\p{Lu}][\p{L}.-]+)?)?${LINE_TAIL}[ \t]*$`, 'gmu'),
  new RegExp(String.raw`^[ \t]*${WHO},\s${STAFF_TITLE}${LINE_TAIL}[ \t]*$`, 'gmu'),
  new RegExp(String.raw`^[ \t]*${WHO}\s?[|·•]\s?(?:${DATE}|${AGO})${LINE_TAIL}[ \t]*$`, 'gmu'),
];
/** Words one of the author lines holds: without them (or without a line break) the line scans are skipped. */
const AUTHOR_LINE_TRIGGER = ['Author', 'Words', 'Story', 'Text', 'Reporter', ' by ', 'Writer', 'Editor', 'Correspondent', 'Analyst', 'Contributor', 'Journalist', '·', '•', '|'];

/** Bylines with their dates, edit credits and reading times. */
export const byline: Rule = {
  name: 'byline',
  category: 'byline',
  find: (text) => [
    ...alternationHits(text, BYLINES, true),
    ...(text.includes('\n') && holds(text, AUTHOR_LINE_TRIGGER) ? AUTHOR_LINES.flatMap((re) => matchAll(text, re)) : []),
    ...(holds(text, READ_TIME_TRIGGER) ? matchAll(text, READ_TIME).map((h) => ({ start: nameStart(text, h.start), end: h.end })) : []),
  ],
};

/**
 * Where the source and author names before a reading-time stamp begin ("ReutersRae WeeMon, …"): back over
 * letters, spaces, "&" and domain dots, to a sentence end, a digit or NAME_BACK_MAX characters. A headline
 * glued before them is claimed earlier by the title rule, so overshooting into it costs nothing.
 */
function nameStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < NAME_BACK_MAX) {
    const ch = text[i - 1];
    const domainDot = ch === '.' && LOWER_ASCII.test(text[i] ?? '');
    if (!(NAME_CHAR.test(ch) || domainDot)) break;
    i--;
  }
  while (i < at && SPACE.test(text[i])) i++;
  return i;
}
