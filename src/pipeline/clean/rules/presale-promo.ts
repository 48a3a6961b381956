import { holds } from '../alternation.ts';
import { matches, type Hit, type Rule } from '../rule.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const STOP = /[.!?]/;
const SPACE_OR_CAPITAL = /[\s\p{Lu}]/u;
const SPACES = /\s+/;
const CAPITALISED = /^[\p{Lu}\p{N}]/u;

/**
 * The call that closes an inserted token promo: "Buy $PEPENODE Here.", "Join the $ABC presale now", "Buy ABCNODE Here."
 * (no cash tag, then "here", "now" or "today" must follow), or the how-to-buy close, "To buy $ABC at its presale
 * price, simply head to the ABC official website …" with the sentence after it that names the tag again.
 */
const ANCHOR = new RegExp(
  [
    String.raw`\b(?:Buy|Join|Get)(?: the)? \$([A-Z][A-Z0-9]{2,14})\b(?: presale)?(?: [Hh]ere| now)?[^.\n]{0,80}\.?`,
    String.raw`\b(?:Buy|Join|Get)(?: the)? ([A-Z][A-Z0-9]{2,14})(?: presale)? (?:[Hh]ere|[Nn]ow|[Tt]oday)\b\.?`,
    String.raw`\bTo (?:buy|get|join) \$([A-Z][A-Z0-9]{2,14})\b[^.\n]{0,200}?\b(?:official website|presale (?:page|site|portal|website))\b[^\n]{0,160}?(?<!\be\.g|\bi\.e)\.(?=\s|$)(?:\s[^.\n]{0,160}?\$[A-Z][A-Z0-9]{2,14}\b[^.\n]{0,40}\.)?`,
  ].join('|'),
  'g',
);
/** Every ANCHOR match holds one of these: a text without them is not scanned for it (most texts). */
const ANCHOR_TRIGGER = ['Buy ', 'Join ', 'Get ', 'To buy ', 'To get ', 'To join '];
/**
 * The promo's button, flattened into the text: "Visit the Official Website Here", "Visit the Official Orbitfrog Website
 * Here". It names no cash tag: the promoted token is the last cash tag before it, and the promo runs from that tag's
 * first mention. In a link block ("Website: Visit the Official … Website Telegram: …") it is a sponsored piece's own
 * contact list, not a button after an inserted promo.
 */
const BUTTON = /\bVisit the Official (?:[\p{Lu}][\p{L}\p{N}'’-]*\s){0,3}Website(?: Here)?(?![\p{L}\p{N}])/gu;
/** Buttons read per text: a page carries one or two promos; each is read over up to PROMO_MAX characters before it. */
const BUTTONS_MAX = 4;
const LINK_BLOCK_LABEL = /\b(?:Website|Site)\s?:\s?$/;
const CASHTAG = /\$([A-Z][A-Z0-9]{2,14})\b/g;
/** The name printed before the tag, "Orbit Frog ($ORBF)": a headline naming it is about the token too. */
const NAME_BEFORE_TAG = /((?:[\p{Lu}][\p{L}\p{N}'’-]*\s){1,3})\(\$[A-Z][A-Z0-9]{2,14}\)/u;
/** Longest promo taken before its closing call (characters). */
const PROMO_MAX = 3_000;
/** A promo is inserted after the story: it may not start before this share of the text. */
const MIN_START_SHARE = 0.3;
/** Capitalised words in a row that make the start of a sentence a glued section heading. */
const HEADING_MIN_WORDS = 4;

/**
 * Token promos inserted into an editorial story (a presale pitch after the analysis): from the first
 * mention of the promoted token, with the section heading just before it, to the closing call. Skipped
 * when the headline names the token, because then the whole piece is about it (a sponsored article,
 * which keeps its body).
 */
export const presalePromo: Rule = {
  name: 'presale-promo',
  category: 'advertisement',
  find(text, ctx) {
    const hits: Hit[] = [];
    for (const m of holds(text, ANCHOR_TRIGGER) ? matches(text, ANCHOR) : []) {
      const symbol = m[1] ?? m[2] ?? m[3];
      const end = (m.index ?? 0) + m[0].length;
      if (ctx.title && new RegExp(`\\b${symbol}\\b`, 'i').test(ctx.title)) continue;
      const from = Math.max(0, end - PROMO_MAX);
      const first = text.slice(from, end).search(new RegExp(`\\$?\\b${symbol}\\b`, 'i'));
      let start = sentenceStart(text, from + first);
      const previous = sentenceStart(text, start - 1);
      if (startsWithHeading(text.slice(previous, start))) start = previous;
      if (start < text.length * MIN_START_SHARE) continue;
      hits.push({ start, end });
    }
    if (text.includes('Visit the Official')) {
      let buttons = 0;
      for (const m of matches(text, BUTTON)) {
        if (++buttons > BUTTONS_MAX) break;
        hits.push(...buttonPromo(text, m.index, m.index + m[0].length, ctx.title));
      }
    }
    return hits;
  },
};

/** The inserted promo a button closes: from the first mention of the last cash tag before it, with its heading. */
function buttonPromo(text: string, at: number, end: number, title: string | null): Hit[] {
  if (LINK_BLOCK_LABEL.test(text.slice(Math.max(0, at - 12), at))) return [];
  const from = Math.max(0, at - PROMO_MAX);
  const window = text.slice(from, at);
  let symbol: string | null = null;
  for (const m of matches(window, CASHTAG)) symbol = m[1];
  if (!symbol) return [];
  const first = window.indexOf(`$${symbol}`);
  const named = NAME_BEFORE_TAG.exec(window.slice(Math.max(0, first - 60), first + symbol.length + 2));
  const name = named ? named[1].trim().toLowerCase() : null;
  if (title && (new RegExp(`\\b${symbol}\\b`, 'i').test(title) || (name && title.toLowerCase().includes(name)))) return [];
  let start = sentenceStart(text, from + first);
  const previous = sentenceStart(text, start - 1);
  if (startsWithHeading(text.slice(previous, start))) start = previous;
  if (start < text.length * MIN_START_SHARE) return [];
  return [{ start, end }];
}

/** The start of the sentence holding `at`: just after the last stop followed by a blank or a capital. */
function sentenceStart(text: string, at: number): number {
  for (let i = at - 1; i > 0; i--) {
    if (STOP.test(text[i - 1]) && SPACE_OR_CAPITAL.test(text[i])) return i;
    if (text[i - 1] === '\n') return i;
  }
  return 0;
}

function startsWithHeading(sentence: string): boolean {
  const words = sentence.trim().split(SPACES);
  let n = 0;
  while (n < words.length && CAPITALISED.test(words[n])) n++;
  return n >= HEADING_MIN_WORDS;
}
