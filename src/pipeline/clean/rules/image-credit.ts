import { alternation, alternationHits, anchored, gated, holds, searched, type Branch } from '../alternation.ts';
import { matchAll, matches, type Hit, type Rule } from '../rule.ts';
import { DATE } from '../patterns.ts';
import { TITLE_CASE_MINOR } from '../title-case.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const LOWER_ASCII = /[a-z]/;
const SPACES_OR_SLASHES = /[\s/]+/;
const LOWER_START = /^\p{Ll}/u;
const DOMAIN_END = /\.(?:com|net|org)$/;
const SENTENCE_IN_PARENS = /[.!?]\)$/;
const AT_LINE_START = /(?:^|\n)[ \t]*$/;

/** Chart and data providers whose name closes a chart caption ("PUMP price analysis:TradingView"). */
const PROVIDERS = String.raw`(?:TradingView|Tradingview(?:\.com)?|CoinMarketCap|Coinmarketcap|CoinGecko|CoinGlass|Coinglass|Glassnode|Santiment|CryptoQuant|Nansen|IntoTheBlock|DefiLlama|Dune|Arkham|Messari|Kaiko|Farside|SoSoValue|Lookonchain|Whale Alert)`;
/** Stock-photo and agency credits inside parentheses: "(Shutterstock)", "(KAREN BLEIERAFP via Getty Images  Getty Images)";
 * a photographer's name in capitals, "(ANDREW CABALLERO-REYNOLDS)", is one too. */
/**
 * The providers' names as literals, for the triggers (alternation.ts `gated`): every match naming a provider holds one.
 * Read off PROVIDERS so the two cannot part; a name with regex syntax other than Tradingview's optional ".com" throws.
 */
const PROVIDER_NAMES = PROVIDERS.slice('(?:'.length, -1)
  .split('|')
  .map((name) => {
    const literal = name.replace(String.raw`(?:\.com)?`, '');
    if (!/^[\w ]+$/.test(literal)) throw new Error(`image-credit: provider name is no plain literal: ${name}`);
    return literal;
  });
/** What every "Source:" and "Credit:" label holds ([Ss]ource, Credit). */
const SOURCE_WORDS = ['ource', 'Credit'];
const STOCKS = ['Shutterstock', 'Getty Images', 'Pixabay', 'Unsplash', 'Pexels', 'Reuters', 'AFP', 'AP Photo', 'Bloomberg', 'Freepik', 'iStock', 'Adobe Stock', 'CoinDesk Data'];
const STOCK = `(?:${STOCKS.join('|')})`;
/** Labels of a photo credit line, in the languages the pages come in. */
const CREDIT_LABEL = String.raw`(?:Photos?|Photographs?|Images?|Pictures?|Illustration|Photo credit|Image credit|Caption|Fig(?:ure|\.)\s?\d{1,2}|Fotos?|Bild|Bilder|Bildquelle|Titelbild|Beitragsbild|Crédito|Crédit photo)`;
/** Blocks and sentence openers that may follow a credit glued on ("viaU.TodayDisclaimer:", "TradingViewIn the"): a source name never runs into these. */
const NEXT_BLOCK = String.raw`(?:Disclaimer|Disclosure|Advertisement|Related|Read|Share|Follow|Join|Subscribe|(?:The|This|In|On|At|As|But|And|For|However|Meanwhile|According|After|While|With|Over|Since)\s)`;
/** A source after "Source:": one token (its camel-case parts stop before a glued block), maybe "/"-joined, maybe an @handle. */
const SOURCE = String.raw`[\p{L}\p{N}@.](?:(?!${NEXT_BLOCK})[\p{L}\p{N}@._-])*(?:\s?\/\s?[\p{L}\p{N}@._-]+)*(?:\s\(@\w+\))?\.?`;
/** Labels naming where a chart or table came from, as analysis sites print them under it without "Source:". */
const CHART_SOURCE_LABEL = String.raw`(?:Author(?:'s|’s)? (?:calculations|estimates|chart|own work|data)|Author|SEC [Ff]ilings?|Company (?:filings|data|reports|presentation)|Investor presentation|Earnings (?:release|presentation|call slides))`;
/** Longest a video clip's title and blurb may run after the player's "close video" (characters). */
const VIDEO_BLURB_MAX = 300;
/** The characters a caption may follow, maybe with one blank between: a sentence's or a clause's end. */
const SENTENCE_END_CHARS = String.raw`.!?:;"”)`;
/**
 * Where a caption may start: the text start, a line, or right after a sentence (glued or not); never inside a
 * figure, where a stop sits between two digits ("$2.3T", "$0.00001268", "14:50"). The regex form, for the branches
 * that search; `afterSentence` below is the same check at one offset, for the branch tried only at given offsets.
 */
const AFTER_SENTENCE = String.raw`(?<=^|\n|[${SENTENCE_END_CHARS}]\s?)(?!(?<=\d[.,:])\d)`;

/**
 * Captions, each form run on texts holding its trigger (the literal it cannot match without), so that the ones
 * opening with a lookbehind or a lazy run are not tried at every position of every text.
 */
const CAPTIONS: Branch[] = [
  // "BTC/USD, one-day chart. Source: Cointelegraph", "Source: CoinMarketCap", "Image Source: ColdCard X Post":
  // a caption of at most ten words opening with a capital or a digit, then the source; tried only where captionStarts
  // found AFTER_SENTENCE to hold (afterSentence), so the pattern does not check it again
  anchored(String.raw`(?:[\p{Lu}\p{N}][^\s.!?]*(?:\s[^\s.!?]+){0,9}[.,]?\s{0,2})?(?<![\p{L}])(?:Image |Chart |Data |Photo )?(?:[Ss]ource|Courtesy|Credit)s?\s?:\s?${SOURCE}(?:\s(?:X|Twitter) Post)?`, 'u', captionStarts),
  // a chart's title in capitalised words with its date, then a dash and the source: "Total Stablecoin Supply, May 4,
  // 2026 – Source: DefiLlama". The date and the dash before "Source:" are the form; it may stand right under a
  // sub-heading, with no sentence end before it.
  searched(String.raw`(?<![\p{L}\p{N}])(?:[\p{Lu}\p{N}(][\p{L}\p{N}()$/&.'’-]*\s){0,5}[\p{Lu}\p{N}(][\p{L}\p{N}()$/&.'’-]*,?\s${DATE}\s?[–—-]\s?(?:[Ss]ource|Credit)s?\s?:\s?${SOURCE}`, 'u', gated(SOURCE_WORDS, /\d{4}\s?[–—-]\s?(?:[Ss]ource|Credit)s?\s?:/)),
  // a caption set off from its credit by a bar: "Lumen's price spiked after the listing | Source: CoinGecko". The bar
  // before "Source:" is the form (prose never ends on one), so the whole unit before it goes, verbs and all; a dot
  // inside it is a decimal or the caption's own end.
  searched(String.raw`${AFTER_SENTENCE}[\p{Lu}\p{N}$](?:[^.!?\n|]|\.(?=\d|\s?\|)){0,300}?\s?\|\s?(?:[Ss]ource|Credit|Data)s?\s?:\s?${SOURCE}`, 'u', gated([...SOURCE_WORDS, 'Data'], /\|\s?(?:[Ss]ource|Credit|Data)s?\s?:/)),
  // "POLUSDT chart by TradingView", "SHIBUSD 4-Hour Chart, Courtesy: TradingView", "POL price history | Coinmarketcap":
  // a trading pair or symbol, maybe a time frame, then the chart word and the provider
  searched(String.raw`\b(?:[A-Z0-9/]{2,12}\s(?:[\w-]+\s)?)?(?:[Cc]hart|price history)\s?(?:by|from|via|\||,)\s?${PROVIDERS}(?!\s\p{Ll})`, 'u', gated(['hart', 'price history'], /(?:[Cc]hart|price history)\s?(?:by|from|via|\||,)/)),
  // (not when the sentence goes on: "The weekly chart by Glassnode shows …" is prose)
  // "PUMP Supertrend indicator:TradingView"
  searched(String.raw`${AFTER_SENTENCE}[^.!?\n:]{3,80}?:\s?${PROVIDERS}(?![\p{Ll}])`, 'u', gated(PROVIDER_NAMES, new RegExp(String.raw`:\s?${PROVIDERS}`))),
  // "Featured image from Pixabay, chart from Tradingview.com", "Cover image viawww.freepik.com", "Featured image via Shutterstock"
  searched(String.raw`(?:Featured|Cover|Header|Hero|Lead|Main) (?:[Ii]mage|[Pp]hoto)\s?(?:from|via|by|courtesy of|created with|:)\s?(?:www\.)?${SOURCE}(?:,\s?(?:chart (?:from|by|via) ${SOURCE})?)?`, 'u', [' image', ' Image', ' photo', ' Photo']),
  // "Photo by X on Unsplash", "Image: Shutterstock", "Image source, Getty Images"
  searched(String.raw`(?:Photo|Image|Illustration) (?:by|via)\s[^.\n]{1,60}?\son\s[A-Z]\w+`, 'u', ['Photo by', 'Photo via', 'Image by', 'Image via', 'Illustration by', 'Illustration via']),
  searched(String.raw`(?<![\p{L}])(?:Image|Photo|Picture)(?: source)?\s?[:,]\s?${STOCK}`, 'u', ['Image', 'Photo', 'Picture']),
  // a chart's source label standing alone between two sentences, its "Source:" lost with the figure:
  // "… trading quarter. SEC Filing The stock is …", "… to leave. Author Now let's …"
  searched(String.raw`(?<=[.!?]\s)${CHART_SOURCE_LABEL}(?=\s\p{Lu})`, 'u', gated(['Author', 'SEC ', 'Company ', 'Investor presentation', 'Earnings '], new RegExp(String.raw`[.!?]\s${CHART_SOURCE_LABEL}\s`))),
  // a video player's close button and the clip's title and blurb up to its first sentence end:
  // "closevideoTravel expert credits the economy … on Varney  Co."
  searched(String.raw`(?<![\p{L}])[Cc]lose ?video\s?[^.!?\n]{0,${VIDEO_BLURB_MAX}}[.!?]`, 'u', ['lose video', 'losevideo']),
  // a bare video or hero-media link standing alone
  searched(String.raw`(?<=^|\s)https?:\/\/(?:www\.)?(?:youtube\.com\/watch\?v=|youtu\.be\/|vimeo\.com\/)[\w-]+(?=\s|$)`, 'u', ['youtube.com/watch?v=', 'youtu.be/', 'vimeo.com/']),
];
/** The source label every "Source:" caption holds. */
const SOURCE_LABEL = /(?:[Ss]ource|Courtesy|Credit)s?\s?:/g;
const SOURCE_LABEL_WORDS = ['ource', 'Courtesy', 'Credit'];
/** White space a caption of ten words before the label may hold, with the blanks before the label and an "Image " before it. */
const CAPTION_MAX_SPACES = 12;
const SPACE = /\s/;

/**
 * Where a "Source:" caption may start: any place from its label back over at most ten words (CAPTION_MAX_SPACES of
 * white space, no sentence stop but one full stop before the label), where AFTER_SENTENCE holds. Ascending.
 */
function captionStarts(text: string): number[] {
  const out: number[] = [];
  if (!holds(text, SOURCE_LABEL_WORDS)) return out;
  for (const m of matches(text, SOURCE_LABEL)) {
    let spaces = 0;
    let stops = 0;
    let from = m.index;
    for (let i = m.index - 1; i >= 0; i--) {
      const ch = text[i];
      if (SPACE.test(ch)) spaces++;
      else if (ch === '.') stops++;
      else if (ch === '!' || ch === '?') break;
      if (spaces > CAPTION_MAX_SPACES || stops > 1) break;
      from = i;
    }
    for (let i = Math.max(from, out.length ? out[out.length - 1] + 1 : 0); i <= m.index; i++) if (afterSentence(text, i)) out.push(i);
  }
  return out;
}

const SENTENCE_END = new RegExp(`[${SENTENCE_END_CHARS}]`);
/** A stop between two digits is inside a figure. */
const DIGIT = /\d/;
const FIGURE_STOP = /[.,:]/;

/** Whether AFTER_SENTENCE holds at `at`: the text's start, a line's, or right after a sentence. */
function afterSentence(text: string, at: number): boolean {
  if (at >= 2 && DIGIT.test(text[at]) && DIGIT.test(text[at - 2]) && FIGURE_STOP.test(text[at - 1])) return false;
  if (at === 0 || text[at - 1] === '\n' || SENTENCE_END.test(text[at - 1])) return true;
  return at >= 2 && SPACE.test(text[at - 1]) && SENTENCE_END.test(text[at - 2]);
}

/**
 * A credit line, "Photo: Jane Doe", "Fotos: © Studio X", "Bild: KEYSTONE", maybe with its caption glued before the
 * label ("Der Trainer am SpielfeldrandFoto: AFP"): the whole line, when the credit runs to its end. (A regex of its
 * own: a line-anchored branch in the alternation above would slow every search through it.)
 */
const CREDIT_LINE = new RegExp(String.raw`^(?:[^\n]{0,200}?(?<=\p{Ll}))?${CREDIT_LABEL}\s?:\s?[^\n.!?]{1,80}\.?(?=[ \t]*$)`, 'gmu');

/** What every credit line holds: without it the line-anchored scan above is skipped. */
const CREDIT_LINE_TRIGGER = gated(
  ['Photo', 'Image', 'Picture', 'Illustration', 'Caption', 'Fig', 'Foto', 'Bild', 'bild', 'Crédit'],
  new RegExp(String.raw`${CREDIT_LABEL}\s?:`),
);

/** A parenthesised photo credit and the caption glued before it, back to the previous sentence's end; not an agency dateline, "(Reuters) -". */
const CREDIT: Branch[] = [
  searched(String.raw`\((?:[^()\n]{0,60})?${STOCK}(?:[^()\n]{0,40})?\)(?!\s?[-–—])`, 'u', STOCKS),
  searched(String.raw`\((?:[A-Z][A-Z.'’-]+\s){1,3}[A-Z][A-Z.'’-]+\)`, 'u', /\([A-Z][A-Z.'’-]/),
];
/** A photographer's name in capitals has words of three letters or more and one of five or more; "(CC PCC)" is an acronym. */
const CAPS_NAME = /^\((?=[^)]*[A-Z]{5})(?:[A-Z][A-Z.'’-]{2,}\s?)+\)$/;
const STOCK_NAME = new RegExp(STOCK, 'u');
/** Lower-case words a credit may hold ("via", "by", "de"): a parenthesis with more is a sentence that names an agency. */
const CREDIT_MAX_LOWER_WORDS = 3;

/** A stop then a capital or digit inside a parenthesis: it holds sentences, or runs from an aside into a list ("3)"). */
const SENTENCES_INSIDE = /[.!?]\s+[\p{Lu}\p{N}]/u;
/** An aside that opens with a lower-case word other than a credit's own ("(see Bloomberg)", "(according to Reuters)"). */
const ASIDE_START = /^\((?!(?:via|by|photo|image|credit|courtesy)\b)\p{Ll}/u;
/** The parenthesis closes a list item's number or letter ("… 3)"), not an aside opened before it. */
const LIST_MARKER_END = /(?:^|\s)(?:\d{1,2}|[a-z])\)$/;

/** Whether a parenthesis taken by CREDIT reads as a credit, not prose or an acronym that happens to match. */
function isCredit(paren: string): boolean {
  if (SENTENCES_INSIDE.test(paren) || LIST_MARKER_END.test(paren) || ASIDE_START.test(paren)) return false;
  if (!LOWER_ASCII.test(paren)) return CAPS_NAME.test(paren) || STOCK_NAME.test(paren);
  const lower = paren.slice(1, -1).split(SPACES_OR_SLASHES).filter((w) => LOWER_START.test(w) && !DOMAIN_END.test(w));
  return lower.length <= CREDIT_MAX_LOWER_WORDS && !SENTENCE_IN_PARENS.test(paren);
}
/** Where a "Source:" label starts inside a caption hit, with the "Image " or "Chart " before it. */
const LABEL_IN_HIT = /(?:(?:Image|Chart|Data|Photo) )?(?:[Ss]ource|Courtesy|Credit)s?\s?:/;
/** A caption names its picture ("Dogecoin Price Chart  Source: …"); a heading names the story's point. */
const PICTURE_WORD = /\b(?:[Cc]harts?|[Gg]raphs?|[Dd]iagrams?|[Hh]eatmaps?|[Ii]mages?|[Pp]hotos?|[Ss]creenshots?)\b/;
/** The run before the label ends in a word and a blank, no stop, comma, dash, bar or parenthesis. */
const LETTER_THEN_BLANK_END = /\p{L}\s+$/u;
const BLANKS = /\s+/;
/** A Title Case word: a capital or a figure, maybe after an opening parenthesis or quote. */
const HEADING_WORD_START = /^[("“]?[\p{Lu}\p{N}$]/u;
/** Fewest words a sub-heading has: "Key Levels" alone could be a chart's name. */
const HEADING_MIN_WORDS = 3;

/**
 * A chart's credit right under a sub-heading ("Bitcoin Eyes New Highs with Strong Momentum Source: TradingView"):
 * the heading is the story's, only the credit goes. A caption is set off from its credit by a stop, comma, dash, bar
 * or parenthesis ("BTC/USD, one-day chart. Source: …", "… Cap, October 3 – Source: …"); a heading in Title Case runs
 * straight into it.
 */
function withoutHeading(text: string, hit: Hit): Hit {
  const label = LABEL_IN_HIT.exec(text.slice(hit.start, hit.end));
  if (!label || label.index === 0) return hit;
  const before = text.slice(hit.start, hit.start + label.index);
  if (before.endsWith('(')) return tickerCaptionUnderHeading(before, hit);
  if (!LETTER_THEN_BLANK_END.test(before) || PICTURE_WORD.test(before)) return hit;
  const words = before.trim().split(BLANKS);
  if (words.length < HEADING_MIN_WORDS || !words.every((w) => HEADING_WORD_START.test(w) || TITLE_CASE_MINOR.has(w))) return hit;
  return { ...hit, start: hit.start + label.index };
}

/** A ticker in capitals: where a chart's own name starts ("FLOKI Price Dynamics"). */
const TICKER_WORD = /^[A-Z][A-Z0-9]{1,9}$/;
/** Most words a chart's name after its ticker may have. */
const TICKER_CAPTION_MAX_WORDS = 5;

/**
 * A chart's name with its source in parentheses right under a Title Case sub-heading, as one run: "Floki Price Breaks
 * Out Of Descending Channel FLOKI Price Dynamics (Source: TradingView)". The chart's name opens with the coin's ticker
 * in capitals, a few words before the parenthesis; the heading before it is the story's and stays. Only when every
 * word of the run is in Title Case and the heading has HEADING_MIN_WORDS words: else the whole run is the caption.
 */
function tickerCaptionUnderHeading(before: string, hit: Hit): Hit {
  const words = before.slice(0, -1).trim().split(BLANKS);
  if (!words.every((w) => HEADING_WORD_START.test(w) || TITLE_CASE_MINOR.has(w))) return hit;
  for (let k = words.length - 1; k >= HEADING_MIN_WORDS && words.length - k <= TICKER_CAPTION_MAX_WORDS; k--) {
    if (!TICKER_WORD.test(words[k])) continue;
    const at = before.indexOf(` ${words.slice(k).join(' ')}`);
    return at > 0 ? { ...hit, start: hit.start + at + 1 } : hit;
  }
  return hit;
}

/** Longest a caption before a parenthesised credit may be (characters). */
const CAPTION_MAX = 300;

/** Image and chart captions and credits. */
export const imageCredit: Rule = {
  name: 'image-credit',
  category: 'image_credit',
  find(text) {
    const hits: Hit[] = alternationHits(text, CAPTIONS, true).map((h) => closingParenthesis(text, withoutHeading(text, h)));
    if (holds(text, CREDIT_LINE_TRIGGER)) hits.push(...matchAll(text, CREDIT_LINE));
    for (const m of alternation(text, CREDIT, true)) {
      if (!isCredit(m[0])) continue;
      const at = m.index ?? 0;
      const end = at + m[0].length;
      const start = captionStart(text, at);
      if (start < at && readsAsCaption(text, start, at)) hits.push({ start, end });
      else if (!BARE_AGENCY.test(m[0]) || !SPACE.test(text[at - 1] ?? '\n')) hits.push({ start: at, end });
      // else: "(Bloomberg)" after a sentence of prose attributes it; neither is a picture's credit
    }
    return hits;
  },
};

/**
 * A caption whose source sits in parentheses, "LUMEN/USD daily chart (Source: TradingView)": the source ends before
 * the closing parenthesis, which goes with it rather than stand alone in the text.
 */
function closingParenthesis(text: string, hit: Hit): Hit {
  if (text.charCodeAt(hit.end) !== 0x29) return hit; // )
  const caption = text.slice(hit.start, hit.end);
  let open = 0;
  for (let i = 0; i < caption.length; i++) open += caption.charCodeAt(i) === 0x28 ? 1 : caption.charCodeAt(i) === 0x29 ? -1 : 0;
  return open > 0 ? { start: hit.start, end: hit.end + 1 } : hit;
}

/**
 * A glued sentence end or a line break: where a caption before a credit may start. The stop follows a word of two
 * letters or more, or a digit: "U.S." and "Inc." inside a name are not sentence ends.
 */
const CAPTION_BREAK = /(?<=\p{Ll}\p{Ll}|\d|[”"])[.!?”"](?=[A-Z])|\n/gu;
/** Words a caption set off from its credit by a blank may have; longer, it is a sentence of the story (unless glued on). */
const SPACED_CAPTION_MAX_WORDS = 12;
/** Words any caption before a credit may have. */
const CAPTION_MAX_WORDS = 40;
/** A list item's number or bullet: an item of a list is never a caption. */
const LIST_ITEM_START = /^(?:\d{1,2}[).]|[-•*▪])\s/;
/** A credit that is only a news agency's name: alone after prose it attributes the sentence, it does not credit a picture. */
const BARE_AGENCY = /^\((?:Bloomberg|Reuters|AFP|AP)\)$/;

/**
 * Whether the text between a caption start and its credit reads as a caption: not a list item, at most
 * CAPTION_MAX_WORDS, and short (SPACED_CAPTION_MAX_WORDS) unless glued to the credit as flattened pages glue them
 * ("…DXY index.(KAREN BLEIERAFP via Getty Images)"). Precision first: a sentence of the story is worth more than a
 * caption left in.
 */
function readsAsCaption(text: string, start: number, creditAt: number): boolean {
  const caption = text.slice(start, creditAt).trim();
  if (LIST_ITEM_START.test(caption)) return false;
  const words = caption.split(BLANKS).length;
  if (words > CAPTION_MAX_WORDS) return false;
  return !SPACE.test(text[creditAt - 1] ?? '') || words <= SPACED_CAPTION_MAX_WORDS;
}

/** The start of the caption before a credit: after the last glued sentence end ("prices.So far …(Reuters)") or line break. */
function captionStart(text: string, creditAt: number): number {
  const from = Math.max(0, creditAt - CAPTION_MAX);
  const window = text.slice(from, creditAt);
  // A credit that opens its own line has no caption before it.
  if (AT_LINE_START.test(window) && (from === 0 || window.includes('\n'))) return creditAt;
  let start = -1;
  for (const m of matches(window, CAPTION_BREAK)) if ((m.index ?? 0) + 1 < window.length - 1) start = (m.index ?? 0) + 1;
  return start < 0 ? creditAt : from + start;
}
