import { assembled, holds } from '../alternation.ts';
import { matchAll, matches, type Rule } from '../rule.ts';
import { lastIndexOfAny, sentenceRunEnd } from '../sentences.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const SPACES = /\s+/;

/**
 * Newsletter and subscription prompts: "STORY CONTINUES BELOW", "Don't miss another story.",
 * "Subscribe to … newsletter", "See all newsletters", "Sign me up", "By signing up, you … privacy policy.",
 * "Subscribe to daily … Subscribe", "Sign up for X .", paywall upsells.
 * Pieces that follow each other merge into one span.
 */
/** Each piece with its trigger (see alternation.ts): only the pieces a text holds the trigger of are searched for in it. */
const PIECES = [
  { source: String.raw`STORY CONTINUES BELOW`, trigger: 'STORY CONTINUES BELOW' },
  { source: String.raw`(?:Don.?t|Never) miss (?:another|a single|a|out on (?:another|a)) (?:story|update)\.?`, trigger: [' miss another', ' miss a ', ' miss out on'] },
  { source: String.raw`Subscribe to (?:our |the |daily |weekly )[^.\n]{0,80}?(?:[Nn]ewsletter|news from [A-Z]\w+)(?: today)?\.?(?:\s?Subscribe\b)?`, trigger: 'Subscribe to ' },
  { source: String.raw`See all newsletters`, trigger: 'See all newsletters' },
  { source: String.raw`Sign me up`, trigger: 'Sign me up' },
  { source: String.raw`By signing up,? you[^.\n]{0,200}?privacy policy\.?`, trigger: 'By signing up' },
  { source: String.raw`(?:Get|Receive) [^.\n]{3,80}?\.\s?Sign up (?:for|to) [A-Z][\w ]{0,30}?\s?\.`, trigger: 'Sign up ' },
  // a sign-up form as a page flattens it, each piece its own block glued onto the next: the heading ("Sign up for email
  // newsletters", "Headlines delivered to your inbox"), the field's label ("Email address*", "Email(required)"), the
  // button ("Sign up"), the consent line. A label or a button counts only glued between two blocks (a lower-case letter
  // before it, a capital or the end after it): in running text "email" and "sign up" have blanks around them.
  { source: String.raw`Sign up (?:for|to) (?:our|the|The) [^.\n]{0,60}?[Nn]ewsletter[^.\n]{0,60}\.?`, trigger: 'Sign up ' },
  { source: String.raw`Sign up (?:for|to) (?:email |our |the )?(?:daily |weekly |free |morning )?[Nn]ewsletters?(?=[A-Z])`, trigger: 'Sign up ' },
  { source: String.raw`(?:Headlines|News|Stories|[A-Z]\w+ news,?) [Dd]elivered (?:[Tt]o [Yy]our [Ii]nbox|[Dd]aily)(?=[A-Z])`, trigger: 'elivered ' },
  { source: String.raw`(?<=[a-z])(?:E-?mail(?: [Aa]ddress)?(?:\s?\*|\s?\(required\))?|Sign [Uu]p|Subscribe)(?=[A-Z]|$)`, trigger: ['Email', 'Sign up', 'Sign Up', 'Subscribe', 'E-mail'] },
  { source: String.raw`By (?:submitting your (?:information|email|e-mail)|subscribing)[^\n]{0,200}?(?:[Tt]erms|[Pp]olicy)\.?`, trigger: ['By submitting your', 'By subscribing'] },
  { source: String.raw`PREMIUM\s?Upgrade to read[\s\S]{0,300}?(?:Sign in|Log in)`, trigger: 'Upgrade to read' },
  { source: String.raw`Join [Oo]ur [Nn]ewsletter\b[^.\n]{0,80}\.?`, trigger: ['Join our newsletter', 'Join our Newsletter', 'Join Our Newsletter', 'Join Our newsletter'] },
  // paywall prompts: "To view the full story, please subscribe to X.", "Subscribe now to X for the full story."
  { source: String.raw`To (?:read|view|continue reading|access)(?: the (?:full|rest of the|whole) (?:story|article))?,? (?:please )?(?:subscribe|sign in|log in)\b[^.\n]{0,100}\.?`, trigger: ['To read', 'To view', 'To continue reading', 'To access'] },
  { source: String.raw`Subscribe (?:now|today) [^.\n]{0,60}?for the full (?:story|article)\.?`, trigger: ['Subscribe now ', 'Subscribe today '] },
  // app prompts: "For the latest stories … download the X apps for iOS and Android."
  { source: String.raw`(?:[A-Z][^.\n]{0,80}?)?\b(?:[Dd]ownload|[Gg]et) (?:the|our) [^.\n]{1,40}? apps? (?:for|on) (?:iOS|Android|iPhone)\b[^.\n]{0,40}\.?`, trigger: [' app for ', ' app on ', ' apps for ', ' apps on '] },
  { source: String.raw`(?:Abonniere|Abonnieren Sie) (?:unseren|den|kostenlos (?:unseren|den)) [^.\n]{0,40}?Newsletter\b[^.\n]{0,120}\.?`, trigger: 'Abonniere' },
];
const newsletterRegex = assembled(PIECES, (sources) => new RegExp(`(?:(?:${sources.join('|')})\\s*)+`, 'g'));

/** A sentence pointing at the outlet's own newsletter ("Stay there with our newsletter .", "… already read our newsletter. Want in? Join them ."). */
const OUR_NEWSLETTER = /\b(?:with|to|for|in|read|join|get) our (?:free |daily |weekly )?newsletters?\b/g;
/** What every such sentence holds: texts without it are not scanned (the verbs before it are common words). */
const OUR_NEWSLETTER_WORDS = [' our newsletter', ' our free newsletter', ' our daily newsletter', ' our weekly newsletter'];
/** What ends the sentence before one: . ! ? and a line break (character codes). */
const SENTENCE_ENDS = [0x2e, 0x21, 0x3f, 0x0a];
/** Short follow-up prompts after it ("Want in? Join them .") go with it: sentences this short (words). */
const PROMPT_MAX_WORDS = 4;

export const newsletterCta: Rule = {
  name: 'newsletter-cta',
  category: 'cta',
  find(text) {
    const newsletter = newsletterRegex(text);
    const hits = newsletter ? matchAll(text, newsletter) : [];
    for (const m of holds(text, OUR_NEWSLETTER_WORDS) ? matches(text, OUR_NEWSLETTER) : []) {
      const at = m.index ?? 0;
      const start = lastIndexOfAny(text, SENTENCE_ENDS, 0, at) + 1;
      hits.push({ start, end: sentenceRunEnd(text, at, (s) => s.trim().split(SPACES).length <= PROMPT_MAX_WORDS, 3) });
    }
    return hits;
  },
};
