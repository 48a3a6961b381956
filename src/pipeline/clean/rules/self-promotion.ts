import { isRegexSpace } from '../ascii.ts';
import { matches, type Hit, type Rule, type RuleContext } from '../rule.ts';
import { positionsOf } from '../alternation.ts';
import { outletNamePattern } from '../outlet-name.ts';
import { sentenceAt } from '../sentences.ts';
import { positions, triggerWords } from '../trigger-words.ts';

/**
 * An outlet promoting itself, in words it writes afresh each time: a sentence that turns to the reader with an
 * imperative or a "for more …" opener and points at one of the outlet's channels (a newsletter, its live coverage,
 * an app, a Telegram group, a link) while speaking for the outlet (our, us, its own name) or asking the reader to
 * subscribe, sign up or follow it: "Follow our live coverage …", "For more analysis, check out our weekly outlook and
 * subscribe to our daily briefing", "You're reading State of Crypto, a CoinDesk newsletter …", "To learn more about
 * X, please visit https://…", "If you want more data-led explainers, you can always find more at <outlet>"; or an
 * offer in its voice with no such opener (OFFER below). Advice in the story ("Follow official OCC updates …", "Watch afternoon flows …") points
 * at no channel and stays; quotes and reported speech are never taken.
 */
const OPENER =
  /^(?:(?:please\s)?(?:follow|subscribe|sign up|join|read|check out|download|listen|watch|stay (?:tuned|up to date|updated|informed)|get|click|tap|bookmark|don[’']?t miss|never miss|explore|discover|visit|find out more|learn more|see our|keep up)\b|for (?:more|the latest|all the latest|further|full|daily|real-time)\b|to (?:learn|find out|read) more\b|you(?:[’']re| are) reading\b|want (?:more|to learn|to stay)\b|(?:enjoyed|like|liked) (?:this|reading)\b|like what you|if you(?:[’']d| would)? (?:want|like|enjoy|prefer|are looking|[’']re looking)\b)/i;
const READING_US = /^you(?:[’']re| are) reading\b/i;
/** The outlet speaking of itself (not "we", which analysts and interviewees use for themselves). */
const OUTLET_VOICE = /\b(?:our|us)\b/i;
const LINK = /https?:\/\/|\bwww\./i;
const CHANNEL = /\b(?:newsletters?|podcasts?|live (?:coverage|blog|updates)|coverage|briefing|channel|app|alerts|edition|digest|YouTube|Telegram|Google News|X \(formerly Twitter\)|Twitter|Facebook|Instagram|LinkedIn|Discord|WhatsApp|RSS|mailing list|inbox)\b/i;
const SUBSCRIBE = /\b(?:subscribe|sign up|signup|follow us|join us|join our)\b/i;
const REPORTED = /["“”]|\b(?:said|says|told|according to)\b/i;
/** Words such a sentence runs to at most: longer is a paragraph of the story. */
const MAX_WORDS = 45;
const WORDS = /\S+/g;
/**
 * Every such sentence points somewhere: only the sentences around a word of LINK, CHANNEL or SUBSCRIBE (the word of
 * each that a match must hold: "coverage" of "live coverage", "follow" of "follow us") are read.
 */
const POINT_WORDS = triggerWords([
  'http', 'https', 'www', 'newsletter', 'newsletters', 'podcast', 'podcasts', 'coverage', 'blog', 'updates', 'briefing', 'channel', 'app',
  'alerts', 'edition', 'digest', 'youtube', 'telegram', 'google', 'twitter', 'facebook', 'instagram', 'linkedin', 'discord', 'whatsapp',
  'rss', 'mailing', 'inbox', 'subscribe', 'sign', 'signup', 'follow', 'join',
  // OFFER's words
  'free', 'trial', 'discount', 'mentorship', 'membership', 'course',
]);

/**
 * An offer in the outlet's own voice, whatever verb opens it: "Sharpen your trading with our mentors - 14 days free
 * access to our signals desk". It speaks for the outlet (our, us), to the reader (you, your) and names what the reader
 * gets (free access, a trial, a discount, a course).
 */
const OFFER = /\b(?:free (?:access|trial)|days? free|trial|discount|mentorship|membership|(?:trading|premium|vip) (?:program|programme|course|community|group|signals)|course)\b/i;
const READER = /\b(?:you|your)\b/i;
const OFFER_MAX_WORDS = 30;

/**
 * A call to action that names the outlet itself, in words nobody listed: the sentence opens with an imperative ("Advertise
 * in Ledgerwire Research and reach …", "Catch every briefing at Ledger Wire") or speaks to the reader ("you can always
 * find more at Ledgerwire"), and carries no figure (a story's sentence about the outlet carries its numbers: "… 40%,
 * Ledgerwire data show"). The outlet opening the sentence is its subject, not the reader's object: "LEDGERWIRE will keep
 * tracking …" is the story's own closing line and stays (see addressesReader).
 */
const IMPERATIVE =
  /^[^\p{L}]{0,4}(?:please\s)?(?:advertise|apply|ask|be|become|book|bookmark|browse|buy|call|catch|check|claim|click|connect|contact|continue|discover|download|email|e-mail|enable|engage|enjoy|explore|find|follow|get|go|grab|head|install|join|jump|keep|learn|listen|make|message|never|don[’']?t|partner|read|reach|register|save|see|send|share|sign|start|stay|stream|submit|subscribe|support|tap|try|tune|turn|upgrade|visit|watch|write)\b/iu;
const FIGURE = /\d/;
/** Words an address to the reader naming the outlet runs to at most. */
const ADDRESS_MAX_WORDS = 40;

/** Whether the sentence turns to the reader about the outlet named at `named` (an offset into the sentence). */
function addressesReader(sentence: string, named: number): boolean {
  if (FIGURE.test(sentence) || (sentence.match(WORDS)?.length ?? 0) > ADDRESS_MAX_WORDS) return false;
  return IMPERATIVE.test(sentence) || (named > 0 && READER.test(sentence));
}

function promotes(sentence: string, ctx: RuleContext): boolean {
  if (REPORTED.test(sentence)) return false;
  const pattern = outletNamePattern(ctx.source);
  if (pattern) {
    pattern.lastIndex = 0;
    const m = pattern.exec(sentence);
    if (m && addressesReader(sentence, m.index)) return true;
  }
  if (!OPENER.test(sentence)) return OUTLET_VOICE.test(sentence) && READER.test(sentence) && OFFER.test(sentence) && (sentence.match(WORDS)?.length ?? 0) <= OFFER_MAX_WORDS;
  if ((sentence.match(WORDS)?.length ?? 0) > MAX_WORDS) return false;
  if (LINK.test(sentence)) return true;
  // an imperative or "for more" opener that names the outlet points at the outlet itself, whatever it offers
  // ("Read key signals and trade guidance — LEDGERWIRE.", "Stay informed with Ledgerwire reporting.")
  if (pattern && !FIGURE.test(sentence)) {
    pattern.lastIndex = 0;
    if (pattern.test(sentence)) return true;
  }
  if (!CHANNEL.test(sentence) && !SUBSCRIBE.test(sentence)) return false;
  return READING_US.test(sentence) || SUBSCRIBE.test(sentence) || OUTLET_VOICE.test(sentence);
}

export const selfPromotion: Rule = {
  name: 'self-promotion',
  category: 'cta',
  find(text, ctx) {
    const hits: Hit[] = [];
    let readTo = -1;
    // a link glued to the word before it ("ushttps://…") is no letter run of its own: its "://" is looked for too
    const links = positionsOf(text, '://');
    // the outlet's own name is a point too, as the outlet writes it ("COINOTAG" for CoinOtag): only when the text holds it
    const pattern = outletNamePattern(ctx.source);
    const named = pattern ? [...matches(text, pattern)].map((m) => m.index) : [];
    const extra = [...links, ...named];
    const at = extra.length ? [...positions(text, POINT_WORDS), ...extra].sort((a, b) => a - b) : positions(text, POINT_WORDS);
    for (const pos of at) {
      if (pos < readTo) continue; // this sentence was read
      let [s, e] = sentenceAt(text, pos);
      readTo = e;
      while (s < e && isRegexSpace(text.charCodeAt(s))) s++;
      if (e > s && promotes(text.slice(s, e), ctx)) {
        const start = leadIn(text, s);
        hits.push({ start, end: e });
      }
    }
    return hits;
  },
};

/** A lead-in this short (words) before a call to action is part of it: "Get seen where it counts. Advertise in …". */
const LEAD_MAX_WORDS = 6;

/**
 * Where a call to action starts once its lead-in goes with it: the sentence right before it when that sentence is a
 * short imperative with no figure and no quote (a slogan says nothing of the story). Otherwise the call's own start.
 */
function leadIn(text: string, start: number): number {
  let k = start - 1;
  while (k >= 0 && isRegexSpace(text.charCodeAt(k))) k--;
  if (k < 0) return start;
  let [s, e] = sentenceAt(text, k);
  while (s < e && isRegexSpace(text.charCodeAt(s))) s++;
  const lead = text.slice(s, e).trim();
  if (!lead || (lead.match(WORDS)?.length ?? 0) > LEAD_MAX_WORDS || FIGURE.test(lead) || REPORTED.test(lead) || !IMPERATIVE.test(lead)) return start;
  return s;
}
