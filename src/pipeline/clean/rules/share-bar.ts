import { holds } from '../alternation.ts';
import { matchAll, type Rule } from '../rule.ts';

/**
 * A share button's label as a screen reader hears it, which a flattened page keeps: "Click to share on Facebook (Opens in
 * new window)", "Click to print (Opens in new window)", "Click to email a link to a friend", "Submit to Digg". The verb
 * and the "(Opens in new window)" note are the form; the network is any one capitalised word. The "More" button that
 * opens the rest of the bar goes with the button before it.
 */
const CLICK_TO = String.raw`(?:Click to (?:share on [A-Z][\w+]*|print|email a link to a friend|email this)|Submit to [A-Z]\w*)(?:\s?\(Opens in new window\))?(?:\s?More(?=\s?(?:Click|Submit) to ))?`;
/** Labels of share widgets: networks and share verbs. */
const ITEM = String.raw`(?:${CLICK_TO}|Share(?: this article| this| on| via| to)?|分享至|\d+\s?SHARES|Copy link|X icon|X \(Twitter\)|Twitter|LinkedIn|Linkedin|Facebook|Email|WhatsApp|Telegram|Reddit|Flipboard|Pinterest|Google News|Add us on Google)`;

/**
 * Share bars: two or more share labels in a row ("ShareShare this articleCopy linkX icon…",
 * "Share on TwitterShare on Email…", "36 SHARES 分享至Facebook"). The run must contain a share verb, so a
 * list of networks in a follow prompt ("Follow us on Twitter , Facebook") is not taken for one. An embedded post's
 * action bar is one too (EMBED_ACTIONS).
 */
const SHARE_BAR = new RegExp(String.raw`${ITEM}(?:[\s:|,·•]*${ITEM})+(?![\p{Ll}])`, 'gu');

/** A blog's share and like labels standing on their own line: "Share this:", "Like this:", "Teilen Sie dies mit:", "Gefällt mir:". */
const SHARE_LABEL = /(?<=^|\n)[ \t]*(?:Share this|Like this|Teilen Sie dies mit|Gefällt mir|Diesen Beitrag teilen|Artikel teilen)[ \t]*:(?=[ \t]*(?:\n|$))/g;

/**
 * An embedded post's action bar, as a page flattens it: its like count and buttons and the link to its thread
 * ("884 Reply Copy link Read 73 replies"). The post itself stays; these are the widget's labels.
 */
const COUNT = String.raw`\d[\d.,]*[KkM]?`;
const EMBED_ACTIONS = new RegExp(String.raw`(?:${COUNT}\s)?Reply\s(?:Copy link|Share)(?:\s(?:Read|View) (?:${COUNT}|more) repl(?:y|ies))?`, 'g');

/** A share verb: a run without one is dropped, so on a text without any the bar scan is skipped. */
const SHARE_VERB = /Share|分享|SHARES|Copy link|Click to share/;
const SHARE_VERBS = ['Share', '分享', 'SHARES', 'Copy link', 'Click to share'];
const SHARE_LABEL_WORDS = ['Share this', 'Like this', 'Teilen Sie dies mit', 'Gefällt mir', 'Diesen Beitrag teilen', 'Artikel teilen'];

export const shareBar: Rule = {
  name: 'share-bar',
  category: 'share_bar',
  find: (text) => [
    ...(holds(text, SHARE_VERBS) ? matchAll(text, SHARE_BAR).filter((h) => SHARE_VERB.test(text.slice(h.start, h.end))) : []),
    ...(holds(text, SHARE_LABEL_WORDS) ? matchAll(text, SHARE_LABEL) : []),
    ...(holds(text, ['Reply']) ? matchAll(text, EMBED_ACTIONS) : []),
  ],
};
