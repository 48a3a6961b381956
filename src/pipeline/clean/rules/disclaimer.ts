import { isRegexSpace } from '../ascii.ts';
import { alternation, anchored, holds, positionsOf, searched, type Branch } from '../alternation.ts';
import { matchAll, type Hit, type Rule } from '../rule.ts';
import { sentenceAt, sentenceRunEnd, sentences } from '../sentences.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const SPACES = /\s+/;
/** How a sentence of its own opens: a capital, a parenthesis or an asterisk. */
const OPENS_SENTENCE = /^[\p{Lu}(*]/u;

/** The wording of a risk warning itself (regulators prescribe it), which must follow a "… Risk Warning" title. */
const RISK_WORDING = String.raw`(?:[Yy]our capital is at risk|lose all (?:the|your) money|highly volatile|high[- ]risk investment)`;
/** How far after the title the warning's wording must stand (characters): a sentence or two. */
const RISK_TITLE_REACH = 160;

/**
 * How a disclaimer opens; glued to the block before it ("…viaU.TodayDisclaimer:") the capital D is the tell. Each
 * opener runs apart (see alternation.ts): on texts holding its trigger, or only where it can start (the label at
 * "isclaimer", "… may earn commission" from the names before " may earn ", which as one regex was tried at every
 * capital and cost more than all the rest).
 */
const OPENERS: Branch[] = [
  // the label: "Disclaimer:", "disclaimer :", or a capitalised "Disclaimer" opening a line or glued to a block;
  // "added a disclaimer to its website" is prose
  anchored(String.raw`(?<!\p{L})[Dd]isclaimer\s?:|(?<=^|\n|[.!?]\s?)Disclaimer(?=\s)|(?<=\p{L})Disclaimer(?=\s?:|\p{Lu})`, 'u', (text) =>
    positionsOf(text, 'claimer').map((at) => at - 3), // "claimer" is quicker to look for than "isclaimer"
  ),
  searched(
    String.raw`\bDisclosure\s?:\s?(?=This is (?:not|a sponsored|a paid|sponsored)|The author|This (?:article|content|post|press release) (?:is|contains|may))`,
    'u',
    'Disclosure',
  ),
  searched(String.raw`\*?This is not (?:investment|financial|trading) advice`, 'u', 'This is not '),
  anchored(String.raw`\b(?:Advertising|Affiliate) [Dd]isclosure\s?:`, 'u', (text) =>
    positionsOf(text, 'closure').flatMap((at) => [at - 3 - 'Advertising '.length, at - 3 - 'Affiliate '.length]).filter((at) => at >= 0),
  ),
  searched(String.raw`\b(?:Note|Editor.s note)\s?:\s?The views expressed`, 'u', 'The views expressed'),
  searched(
    String.raw`\bThis (?:article|content|post) (?:is produced|is provided|is for informational|is meant|does not constitute|contains affiliate|is sponsored|may contain)`,
    'u',
    ['This article ', 'This content ', 'This post '],
  ),
  // a risk warning with a title of its own ("Crypto Investing Risk Warning Crypto assets are highly volatile. Your
  // capital is at risk."), or opening with the regulators' wording itself ("Don't invest unless you're prepared to lose
  // all the money you invest."). The title alone is not enough ("The FCA Risk Warning Rules came into force…" is a
  // story's sentence): the warning's own words must follow it within a sentence or two.
  searched(
    String.raw`(?:\p{Lu}[\p{L}-]*\s){0,3}Risk (?:Warning|Disclosure)\s?:?\s?(?=[^\n]{0,${RISK_TITLE_REACH}}?\b${RISK_WORDING})`,
    'u',
    'Risk ',
  ),
  searched(String.raw`(?<![“"‘'(]\s?)\b(?:Your capital is at risk\.|Don[’']t invest unless you[’']re prepared to lose all the money you invest\.)`, 'u', ['capital is at risk', 'prepared to lose all']),
  // "X may earn commission …", "X and Y Finance LLC may earn commission …", glued after a price chip ("0.00Benzinga")
  anchored(String.raw`(?<![\p{L}.])[A-Z][\w.]*(?:\s(?:and\s)?[A-Z][\w.]*){0,5} may earn (?:a )?commission`, 'u', nameStarts),
];

/** Most white space between the names before "may earn": five more names, each maybe joined by "and". */
const NAMES_MAX_SPACES = 10;
const NAME_CHAR = /[\w.\s]/;
const WORD_OR_DOT = /[\w.]/;

/**
 * Where "X and Y Finance LLC may earn commission" may start: any capital in the run of word characters, dots and
 * white space (at most NAMES_MAX_SPACES of it) before each " may earn ". Ascending.
 */
function nameStarts(text: string): number[] {
  const out: number[] = [];
  // "y earn " is quicker to look for than " may earn ", which starts with a blank
  for (const at of positionsOf(text, 'y earn ').map((y) => y - ' ma'.length).filter((at) => text.startsWith(' may earn ', at))) {
    let spaces = 0;
    for (let i = at - 1; i >= 0 && NAME_CHAR.test(text[i]); i--) {
      if (!WORD_OR_DOT.test(text[i]) && ++spaces > NAMES_MAX_SPACES) break;
      const c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) out.push(i);
    }
  }
  return out.sort((a, b) => a - b);
}

/** Disclaimers that are one fixed phrase, often with no full stop to end them. */
const STANDALONE = /\bGeographic restrictions (?:may|might) apply\b/g;
/** What every match of STANDALONE holds: its scan is skipped on texts without it. */
const STANDALONE_TRIGGER = 'Geographic restrictions ';

/** Words that keep a disclaimer going sentence after sentence. */
const VOCABULARY =
  /\b(?:advice|informational|information|views?|opinions?|financial|investment|invest|research|liab|responsib|risks?|accura|endorse|polic|affiliate|commission|sponsor|recommend|losses|decisions?|expressed|guarantee|warrant|jurisdiction|regulat|own|due diligence|consult|professional|editorial|AI|generated|reviewed|standards)\w*/i;

/**
 * A disclaimer with no label, told by its form: a sentence that denies being advice ("none of the data … on this
 * webpage constitutes investment advice", "Remember, this is not financial advice") while speaking of the text
 * itself (this article, our site, the predictions here). A sentence that reports someone else denying it ("the SEC
 * said the guidance is not investment advice") is the story's and stays.
 */
const DENIED_ADVICE = /\b(?:not|none|nothing|nor|no|never)\b[^.!?]{0,160}\b(?:investment|financial|trading|tax|legal) advice\b/i;
const SELF_REFERENCE =
  /\b(?:this|these|our)\b|\bthe (?:article|post|content|material|webpage|page|site|website|predictions?|forecasts?|analysis|information|data|views)\b/i;
const REPORTED = /["“”]|\b(?:said|says|told|argued|warned|claimed|ruled|stated)\b|\baccording to (?!our\b|the disclaimer\b|this\b)/i;
/** Words such a sentence runs to at most: longer is a paragraph of the story. */
const DENIAL_MAX_WORDS = 50;
/**
 * A sentence that carries such a denial on ("Seek independent professional advice.", "Do your own research."): short
 * and worded as a disclaimer. Narrower than VOCABULARY (which a labelled disclaimer runs on with): with no label to
 * open it, the denial takes no sentence of the story after it.
 */
const DENIAL_GOES_ON =
  /\b(?:advice|research|consult\w*|professional|due diligence|own risk|responsib\w*|liab\w*|losses|opinions?|views|endorse\w*|partners?|affiliat\w*|sponsor\w*|editorial)\b/i;
/** Where the denial's own sentence ends when a parenthesis or quote closes it ("(Remember, this is not advice.) Does …"). */
const CLOSED_STOP = /[.!?]+[)"”’]+/g;
const DENIAL_NEXT_MAX_WORDS = 20;

/** Each unlabelled advice denial: where its sentence starts (first non-blank character) and ends. */
function adviceDenials(text: string): [number, number][] {
  const out: [number, number][] = [];
  let readTo = -1;
  for (const at of positionsOf(text, ' advice')) {
    if (at < readTo) continue;
    let [s, e] = sentenceAt(text, at);
    readTo = e;
    while (s < e && isRegexSpace(text.charCodeAt(s))) s++;
    const sentence = text.slice(s, e);
    if (!OPENS_SENTENCE.test(sentence) || REPORTED.test(sentence) || sentence.split(SPACES).length > DENIAL_MAX_WORDS) continue;
    const denial = DENIED_ADVICE.exec(sentence);
    if (!denial || !SELF_REFERENCE.test(sentence)) continue;
    CLOSED_STOP.lastIndex = denial.index + denial[0].length;
    const closed = CLOSED_STOP.exec(sentence);
    out.push([s, closed ? s + closed.index + closed[0].length : e]);
  }
  return out;
}

/** Investment, opinion, AI-assistance, sponsorship and affiliate disclaimers: the opener and the disclaimer-worded sentences after it. */
export const disclaimer: Rule = {
  name: 'disclaimer',
  category: 'disclaimer',
  find(text) {
    const hits: Hit[] = holds(text, STANDALONE_TRIGGER) ? matchAll(text, STANDALONE) : [];
    for (const m of alternation(text, OPENERS, true)) {
      const start = m.index ?? 0;
      if (hits.some((h) => start >= h.start && start < h.end)) continue;
      // A one-word piece is a name's dot taken for a sentence end ("… the views of U.Today. The …"), not the article resuming.
      hits.push({ start, end: sentenceRunEnd(text, start, (s) => VOCABULARY.test(s) || s.trim().split(SPACES).length <= 1) });
    }
    for (const [start, first] of adviceDenials(text)) {
      // a labelled disclaimer already holds it (its sentence may run back over a glued widget: the label's hit is right)
      if (hits.some((h) => start < h.end && first > h.start)) continue;
      let end = first;
      for (const [s, e] of sentences(text, first)) {
        const next = text.slice(s, e);
        if (!next.trim()) {
          end = e;
          continue;
        }
        if (!DENIAL_GOES_ON.test(next) || REPORTED.test(next) || next.includes('?') || next.trim().split(SPACES).length > DENIAL_NEXT_MAX_WORDS) break;
        end = e;
      }
      hits.push({ start, end });
    }
    return hits;
  },
};
