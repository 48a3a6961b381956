import { holds } from '../alternation.ts';
import type { Hit, Rule } from '../rule.ts';

/**
 * A picture's credit told by its form, whoever printed it: a label ("Photo:", "Credit:", "Photo by", "Image via",
 * "Credit...", "Photograph:", "Photo : ") and then only a name, capitalised words maybe joined by "/", "via", "of"
 * ("Photo: Ali Rahim/Anadolu via Getty Images"), or a site's address; or names joined by a slash, a photographer and
 * an outlet or agency, in a parenthesis ("(Dana Moss / Harbor Chronicle)", "(Getty/Ana Ruiz)"), after a caption's bar
 * ("… in May. | Ana Ruiz/AP Photo") or as a block of their own; or a wire agency glued onto a gallery caption's last
 * word ("… in Madrid, SpainReuters"). The other caption rules find a credit
 * by a stock agency's name (image-credit's word list) or by a line of its own (its CREDIT_LINE); a flattened page
 * has no lines, glues every block to the next ("…2023.Photo: Ali Rahim/AnadoluWhat It's Like…") and its credits name
 * local photographers and papers no list holds. The name ends where the next block is glued on: a capital right after
 * a letter, with no blank ("SereyIssues", "PAZoe"). A label followed by prose ("Photo: Smith said …") is no credit.
 *
 * The caption before the credit goes with it only on evidence that it is one block with it, a figure's caption, not
 * the last paragraph of the story before a credit standing alone:
 *  - it is set off from the credit inside one block by a blank ("… Category B. Photo: Jo Roe"), or it runs into the
 *    label with no stop at all ("… of a boilerCredit: Photo: PA"); a paragraph glued to a credit right after its
 *    full stop ("… said on Friday.Photo: …") keeps its text, only the credit goes;
 *  - the block before the caption does not end a sentence (a headline, byline, date or menu glued on: "Apr. 26,
 *    2022Mekhi Gbedey, winner of …"), so the caption is not a paragraph that follows another;
 *  - it holds at most CAPTION_MAX_WORDS words, CAPTION_MAX_SENTENCES sentences, and is not a list item.
 * Only the labelled, parenthesised and barred credits take a caption: a credit with no label (a slashed name as a block
 * of its own, a glued agency) may follow a standfirst over the agency's byline ("… removal technologyReutersUpdated:").
 *
 * Measured before it was written over the gold of noise-dev to -7, -10 and -11: the credits took no gold character
 * but the first letter of a lower-case word glued after one ("The Verge" + "iOS"; given back since: gluedWordStart); the
 * caption evidence above left 0 gold characters, where taking the text back to the last block boundary took 371 (a
 * paragraph before a standalone "(Credit: …)", three of U.Today's paragraphs glued to "Image byTradingView"), and a
 * glued agency's caption took a standfirst (98). Written on noise-dev-10's captions (labels, parentheses) and then noise-dev-11's (the bar,
 * "Photograph:", a site's address, glued agencies), each judged on the other.
 */

/** What every credit's label starts with, capitalised: a label opens its block or follows a stop. */
const LABEL_WORDS = ['Photo', 'Image', 'Picture', 'Video', 'Illustration', 'Credit', 'Courtesy'];
/**
 * The label, tried at each label word: a picture noun maybe with "credit(s)" or "courtesy (of)", or "Credit(s)", or
 * "Courtesy (of)"; then a colon (maybe after a blank, "Photo : "), an ellipsis ("Credit..."), or "by"/"via"; labels
 * may chain ("Credit: Photo: PA").
 */
const LABEL = /(?:(?:(?:Photo(?:graph)?|Image|Picture|Video|Illustration)s?(?: [Cc]redits?| [Cc]ourtesy(?: of)?)?|Credits?|Courtesy(?: of)?)(?:\s?(?::|\.{3}|…)\s?|\s(?:by|via|courtesy of)\s?|(?<=of)\s))+/uy;
/** Before a label: not a word and a blank, where the label word would be part of a title ("The Bigger Picture: …"). */
const TITLE_WORD_BEFORE = /[\p{L}\p{N},]\s$/u;
/**
 * One word of a credited name: camel-case parts only when a slash follows ("DrJaneRoe/Wikipedia"); a run of capitals
 * ("YONHAP", "PA", stopping before a capitalised word glued on: "PAZoe"); a capitalised word ("Serey", "McKay"); an
 * initial ("J."). Lower-case letters glued on after a name are read with it; gluedWordStart gives back those that open
 * the next word.
 */
const NAME_WORD = /(?:©\s?)?(?:(?:\p{Lu}\p{Ll}+){2,}(?=\/)|\p{Lu}{2,}(?![\p{Ll}]|\s\p{Ll})|(?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{Ll}\p{M}'’-]+|\p{Lu}\.|(?:www\.)?[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}(?:\/(?:[a-z\d.-]+|\p{Lu}[a-z.-]*))*)/uy;
/** What joins the words of a credit: a slash, a blank, a hyphen, or a small word of an agency's or a name's. */
const NAME_JOIN = /\s?\/\s?|\s(?:via|for|of|and|de|del|da|van|von|der|la|le|the|for the)\s|\s&\s|\s|-/uy;
/** Most words a credited name has. */
const NAME_MAX_WORDS = 8;
/** What may stand between a parenthesised credit's name and its closing parenthesis: the rest of one glued word. */
const PAREN_REST_MAX_CHARS = 30;
const PAREN_REST_BREAK = /[\s(.!?]/;
/** After the name, a lower-case word after a blank or a comma: the label opened a sentence, not a credit. */
const PROSE_AFTER = /^,?\s\p{Ll}/u;

/** A credit's name word as a regex source, for the parenthesised form. */
const WORD = String.raw`(?:\p{Lu}{2,}(?![\p{Ll}]|\s\p{Ll})|(?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{Ll}\p{M}'’-]+|\p{Lu}\.)`;
const NAME = String.raw`${WORD}(?:\s${WORD}){0,3}`;
/**
 * "(Dana Moss / Harbor Chronicle)", "(Credit: Jo Roe / Grist)", "(Ana Ruiz/Reuters files)": names joined by a slash, in
 * parentheses or after a caption's bar ("… on Monday. | Ana Ruiz/AP Photo").
 */
const SLASHED = String.raw`${NAME}(?:\s?\/\s?${NAME}){1,3}(?:\s(?:files?|via\s${NAME}))?`;
const SLASHED_CREDIT = new RegExp(String.raw`\((?:(?:Credit|Photo)s?:\s?)?${SLASHED}\)`, 'uy');
/** After a bar, the credit is the group; a lower-case word after it makes it prose. */
const BARRED_CREDIT = new RegExp(String.raw`\|\s?(${SLASHED})(?!\s?\p{Ll})`, 'uy');
/**
 * Each regex is tried (sticky) only at its opening literal, and only where a slash stands before the next closing
 * parenthesis (a parenthesised credit holds no ")" before its own) or anywhere after a bar: these regexes are too big for
 * V8 to scan a whole text fast, and a scan cost more than the rest of this rule.
 */
const SLASHED_FORMS: readonly [RegExp, string][] = [
  [SLASHED_CREDIT, '('],
  [BARRED_CREDIT, '|'],
];
/**
 * A credit with no label or parenthesis, standing as a block of its own between two glued blocks: names joined by a
 * slash right after a stop or a lower-case word, with a capitalised block glued after ("… supply chain.Ana Ruiz/Reuters
 * filesShareMicrosoft …"). Its own block is the evidence: in a sentence a slash between names has blanks or words around it.
 */
// (its own block is the only evidence, so it takes no caption: what stands before may be a standfirst)
// Tried only where such a credit can start (gluedSlashedStarts): a regex opening on a lookbehind is tried at every
// character of every text, and cost more than the rest of this rule.
const GLUED_SLASHED_CREDIT = new RegExp(String.raw`${SLASHED}(?=\p{Lu}|\s*$)`, 'uy');
/** Characters looked back from a slash for the start of the names before it: four long words. */
const SLASHED_LOOKBACK_CHARS = 48;
const GLUED_BEFORE = /[.!?\p{Ll}]/u;
const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
/**
 * The wire and picture agencies whose name a gallery glues straight onto its caption's last word ("… in Madrid,
 * SpainReuters", "… the pandemicAFP via Getty Images"), with the next caption glued after it. A closed set: the
 * agencies that sell news pictures worldwide.
 */
const AGENCIES = ['AFP', 'Reuters', 'AP', 'EPA', 'PA', 'Getty Images', 'Bloomberg', 'Xinhua', 'Anadolu'];
/**
 * GLUED_AGENCY: an agency's name glued to a word of two lower-case letters or more, with a capitalised word glued
 * after it or the text's end: inside capitals ("JAPAN", "EZPAY") or before a lower-case letter it is part of a word.
 */
const AFTER_GLUED_AGENCY = /(?: via Getty Images)?(?=\p{Lu}[\p{Ll}\s]|\s*$)/uy;
const LOWER = /\p{Ll}/u;
/** A word with lower-case letters: a person's or a paper's name has some; "(IL/MO)" or "(BTC/USD)" has none. */
const MIXED_CASE_WORD = /\p{Lu}\p{Ll}{2}/gu;
/** Fewest mixed-case words and fewest words in a slashed credit: a person and an outlet. */
const SLASHED_MIN_MIXED = 2;
const SLASHED_MIN_WORDS = 3;
const WORD_SPLIT = /[\s/]+/;

/** Characters looked back from a credit for its caption's start: a long caption of two sentences. */
const CAPTION_MAX_CHARS = 400;
/** Words a caption before a credit may have; more, and it is a paragraph. */
const CAPTION_MAX_WORDS = 45;
/** Sentences a caption before a credit may have. */
const CAPTION_MAX_SENTENCES = 2;
/**
 * Where a block starts in flattened text: a capital or opening quote right after a lower-case letter or a digit (maybe
 * with a stop and a closing quote between) or after a stop, with no blank; or a line's start.
 */
const BLOCK_START = /(?<=[\p{Ll}\d][.!?]?[”’"')]?|[.!?][”’"')]?)(?=[\p{Lu}“‘"])|\n/gu;
/** The block before ends a sentence: the caption would be a paragraph following another. */
const SENTENCE_END = /[.!?”’")]\s*$/u;
/** Inside the caption, a sentence's end: a stop, a blank, a capital. */
const INNER_SENTENCE_END = /[.!?]\s+\p{Lu}/gu;
/** A credit set off from its caption by a stop and a blank, or glued to a caption with no stop. */
const CAPTION_THEN_BLANK = /[.!?”’"]\s$/u;
const LETTER_END = /\p{L}$/u;
const LIST_ITEM_START = /^\s*(?:\d{1,2}[).]|[-•*▪])\s/;
const BLANKS = /\s+/;

export const pictureCredit: Rule = {
  name: 'picture-credit',
  category: 'image_credit',
  find(text) {
    const credits: Hit[] = [];
    // each label word is looked for only in texts the one literal scan (literals.ts) says hold it
    for (const word of LABEL_WORDS) if (holds(text, word)) for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) labelled(text, at, credits);
    const bare: Hit[] = [];
    if (text.includes('/')) slashed(text, credits, bare);
    const hits = [...credits.map((c) => withCaption(text, c)), ...bare];
    // an agency glued on is the credit alone: the text before may be a standfirst over the agency's byline
    // ("… carbon removal technologyReutersUpdated: …"), not a caption
    gluedAgencies(text, hits);
    if (text.includes('/') || holds(text, VIEWER_WORDS)) viewerFurniture(text, hits);
    return hits;
  },
};

/** The labelled credit starting at `at`, if one does. */
function labelled(text: string, at: number, out: Hit[]): void {
  if (TITLE_WORD_BEFORE.test(text.slice(Math.max(0, at - 2), at))) return;
  LABEL.lastIndex = at;
  const label = LABEL.exec(text);
  if (!label) return;
  let pos = at + label[0].length;
  let end = -1;
  for (let words = 0; words < NAME_MAX_WORDS; ) {
    NAME_WORD.lastIndex = pos;
    if (!NAME_WORD.test(text)) break;
    words++;
    end = NAME_WORD.lastIndex;
    NAME_JOIN.lastIndex = end;
    if (!NAME_JOIN.test(text)) break;
    NAME_WORD.lastIndex = NAME_JOIN.lastIndex;
    if (!NAME_WORD.test(text)) break;
    pos = NAME_JOIN.lastIndex;
  }
  if (end < 0) return;
  end = gluedWordStart(text, end);
  if (PROSE_AFTER.test(text.slice(end, end + 3))) return;
  // a label inside a parenthesis: the parenthesis goes with it, and a camel-case name's rest before it ("(Image: ©
  // HandyGames)", where the name would end at the glued capital)
  if (text[at - 1] === '(') {
    const close = text.indexOf(')', end);
    if (close >= 0 && close - end <= PAREN_REST_MAX_CHARS && !PAREN_REST_BREAK.test(text.slice(end, close))) {
      out.push({ start: at - 1, end: close + 1 });
      return;
    }
  }
  out.push({ start: at, end });
}

/** Most lower-case letters a word glued onto a name may open with ("i" of "iOS", "mac" of "macOS"). */
const GLUED_WORD_MAX_LOWER = 5;
const LETTER_RUN_END = /\p{L}*/uy;

/**
 * Where a credit's name ends when the next block is glued on: at the capital that opens that block ("SereyIssues"), or
 * a few letters before it when those letters open the next word ("… / The VergeiOS 13’s third beta"): a word that opens
 * in lower case with a capital inside ("iOS", "eBay", "macOS"). A name's own letters and such a word's cannot be told
 * apart by their shapes alone ("ImagesUS", "VergeiOS"), so the evidence is the text's: the word stands on its own
 * elsewhere in it, with no letter or figure on either side. `end` is the name's end as its words read it.
 */
function gluedWordStart(text: string, end: number): number {
  if (!UPPER.test(text[end] ?? '')) return end;
  LETTER_RUN_END.lastIndex = end;
  LETTER_RUN_END.test(text);
  const wordEnd = LETTER_RUN_END.lastIndex;
  for (let k = 1; k <= GLUED_WORD_MAX_LOWER && end - k - 1 >= 0; k++) {
    // the name's last word keeps a lower-case letter after its capital
    if (!LOWER.test(text[end - k]) || !LOWER.test(text[end - k - 1])) break;
    if (standsAlone(text, text.slice(end - k, wordEnd), end - k)) return end - k;
  }
  return end;
}

/** Whether `word` stands elsewhere in the text (not at `except`) with no letter or figure on either side. */
function standsAlone(text: string, word: string, except: number): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (at === except) continue;
    if (!ALNUM.test(text[at - 1] ?? '') && !ALNUM.test(text[at + word.length] ?? '')) return true;
  }
  return false;
}
const ALNUM = /[\p{L}\p{N}]/u;

/** Credits of names joined by a slash; those standing with no parenthesis or bar go to `bare` (they take no caption). */
function slashed(text: string, out: Hit[], bare: Hit[]): void {
  for (const start of gluedSlashedStarts(text)) {
    GLUED_SLASHED_CREDIT.lastIndex = start;
    const m = GLUED_SLASHED_CREDIT.exec(text);
    if (!m || (m[0].match(MIXED_CASE_WORD)?.length ?? 0) < SLASHED_MIN_MIXED || m[0].split(WORD_SPLIT).length < SLASHED_MIN_WORDS) continue;
    const end = start + m[0].length;
    if (!out.some((h) => h.start <= start && h.end >= end) && !bare.some((h) => h.start <= start && h.end >= end)) bare.push({ start, end });
  }
  const lastSlash = text.lastIndexOf('/');
  for (const [re, open] of SLASHED_FORMS) {
    // the leftmost match from each place on, as a global scan finds them: a match opens on `open`, the next is looked
    // for after its end; none opens after the last slash
    for (let at = text.indexOf(open); at >= 0 && at < lastSlash; ) {
      const m = open !== '(' || slashBeforeClose(text, at) ? execAt(re, text, at) : null;
      if (!m) {
        at = text.indexOf(open, at + 1);
        continue;
      }
      const end = m.index + m[0].length;
      at = text.indexOf(open, end);
      const credit = m[1] ?? m[0];
      if ((credit.match(MIXED_CASE_WORD)?.length ?? 0) < SLASHED_MIN_MIXED || credit.split(WORD_SPLIT).length < SLASHED_MIN_WORDS) continue;
      // a bar goes with the credit it sets off
      const start = re === BARRED_CREDIT ? m.index : end - credit.length;
      if (!out.some((h) => h.start <= start && h.end >= end)) out.push({ start, end });
    }
  }
}

/** Whether a slash stands between the parenthesis at `at` and the next ")": a credit in parentheses holds one. */
function slashBeforeClose(text: string, at: number): boolean {
  const close = text.indexOf(')', at);
  if (close < 0) return false;
  const slash = text.indexOf('/', at);
  return slash >= 0 && slash < close;
}

function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** The credit with its caption before it, when the evidence above says the two are one block; else the credit alone. */
function withCaption(text: string, credit: Hit): Hit {
  const before = text.slice(Math.max(0, credit.start - 2), credit.start);
  if (!CAPTION_THEN_BLANK.test(before) && !LETTER_END.test(before)) return credit;
  const from = Math.max(0, credit.start - CAPTION_MAX_CHARS);
  const window = text.slice(from, credit.start);
  const last = window.trimEnd().length - 1;
  let start = -1;
  BLOCK_START.lastIndex = 0;
  for (let m = BLOCK_START.exec(window); m; m = BLOCK_START.exec(window)) {
    const at = m.index + m[0].length;
    if (at < last) start = at;
    if (m[0] === '') BLOCK_START.lastIndex++;
  }
  if (start <= 0) return credit;
  const caption = window.slice(start);
  if (SENTENCE_END.test(window.slice(0, start)) || LIST_ITEM_START.test(caption)) return credit;
  if (caption.trim().split(BLANKS).length > CAPTION_MAX_WORDS) return credit;
  if ((caption.match(INNER_SENTENCE_END)?.length ?? 0) + 1 > CAPTION_MAX_SENTENCES) return credit;
  return { start: from + start, end: credit.end };
}

/**
 * Where a slashed credit standing as a block of its own may start: at a capital glued to a stop or a lower-case letter,
 * a few words before a slash that stands between a letter and a capital ("chain.Ana Ruiz/Reuters"). Ascending.
 */
function gluedSlashedStarts(text: string): number[] {
  const starts: number[] = [];
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    if (!LETTER.test(text[slash - 1] ?? '') || !UPPER.test(text[slash + 1] === ' ' ? (text[slash + 2] ?? '') : (text[slash + 1] ?? ''))) continue;
    const from = Math.max(1, slash - SLASHED_LOOKBACK_CHARS, starts.length ? starts[starts.length - 1] + 1 : 1);
    for (let i = from; i < slash; i++) if (UPPER.test(text[i]) && GLUED_BEFORE.test(text[i - 1])) starts.push(i);
  }
  return starts;
}

/** Agencies glued onto a caption's last word (GLUED_AGENCY's form), found at each agency's name, not by a regex run at every character. */
function gluedAgencies(text: string, out: Hit[]): void {
  for (const agency of AGENCIES) {
    if (!holds(text, agency)) continue;
    for (let at = text.indexOf(agency); at >= 0; at = text.indexOf(agency, at + 1)) {
      if (at < 2 || !LOWER.test(text[at - 1]) || !LOWER.test(text[at - 2])) continue;
      AFTER_GLUED_AGENCY.lastIndex = at + agency.length;
      if (AFTER_GLUED_AGENCY.test(text)) out.push({ start: at, end: AFTER_GLUED_AGENCY.lastIndex });
    }
  }
}

/**
 * A picture viewer's own words, whatever the page: "Click to enlarge", "Image 3 of 12", and a gallery's counter glued
 * between a caption's title and the next ("… lockdown1/21Europe starts …", "… Agencies2/5\u200bPocket …"): a count of
 * pictures has no blank on either side, and its first number is at most its second.
 */
const VIEWER_WORDS = ['enlarge', 'Enlarge', 'Image ', 'Photo ', 'Slide '];
const VIEWER = /(?:(?:Click|Tap|click|tap) (?:here )?to (?:enlarge|expand|zoom)(?: (?:the )?(?:image|photo|picture))?|Enlarge (?:this )?(?:image|photo|picture)|(?:Image|Photo|Slide) \d{1,3} (?:of|\/) \d{1,3})/g;
/** Sticky: tried at one place, where a global regex that fails there would scan on through the rest of the text. */
const COUNTER = /(?<=\p{L})(\d{1,3})\/(\d{1,3})(?=\p{Lu}|\u200b)/uy;

function viewerFurniture(text: string, out: Hit[]): void {
  if (holds(text, VIEWER_WORDS)) for (const m of text.matchAll(VIEWER)) out.push({ start: m.index, end: m.index + m[0].length });
  // a gallery's counter: tried only at a slash glued between digits (a regex opening on a lookbehind is tried everywhere)
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    if (!DIGIT.test(text[slash - 1] ?? '') || !DIGIT.test(text[slash + 1] ?? '')) continue;
    let start = slash - 1;
    while (start > 0 && DIGIT.test(text[start - 1])) start--;
    COUNTER.lastIndex = start;
    const m = COUNTER.exec(text);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) continue;
    out.push({ start, end: start + m[0].length });
  }
}
const DIGIT = /\d/;
