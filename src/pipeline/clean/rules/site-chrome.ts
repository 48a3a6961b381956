import { alternationHits, anchored, positionsOf, searched, type Branch } from '../alternation.ts';
import type { Rule } from '../rule.ts';

/**
 * Page furniture left in the text: "top of page"/"bottom of page", "Skip to content", "Back to top",
 * pagers ("Prev. articleNext article"), "Loading more articles…", "Story Continues", widget labels
 * ("X icon", "Ask ChatGPT", "Leave a Comment"), footer links ("Terms and Privacy Policy Privacy Dashboard"), copyright lines,
 * comment-section labels ("Comments are closed", "Cancel reply"), a blog's "This entry was posted in …" line and
 * a contents label standing alone.
 */
const CHROME: Branch[] = [
  searched(String.raw`\b(?:[Tt]op|[Bb]ottom) of page\b`, 'u', ' of page'),
  searched(String.raw`Skip to (?:main )?content`, 'u', 'Skip to '),
  searched(String.raw`Back to top`, 'u', 'Back to top'),
  searched(String.raw`Prev(?:ious)?\.?\s?(?:article|post|story)\s?Next\s?(?:article|post|story)`, 'u', 'Prev'),
  searched(String.raw`Loading more articles\.*\s?(?:You.ve reached the end)?`, 'u', 'Loading more articles'),
  searched(String.raw`Story [Cc]ontinues(?: below)?(?![\p{Ll}])`, 'u', 'Story '),
  searched(String.raw`X icon`, 'u', 'X icon'),
  searched(String.raw`Ask ChatGPT`, 'u', 'Ask ChatGPT'),
  searched(String.raw`(?:Leave|Post|Add) a (?:[Cc]omment|[Rr]eply)(?![\p{L}])`, 'u', ['Leave a ', 'Post a ', 'Add a ']),
  searched(String.raw`Terms\s?and\s?Privacy Policy(?:\s?Privacy Dashboard)?(?:\s?More Info)?`, 'u', 'Privacy Policy'),
  // tried at each "©" and where a "Copyright" before it would start: the optional word keeps V8 from skipping ahead
  anchored(String.raw`(?:Copyright\s?)?©\s?(?:\d{4}\s?)?[^\n]{0,80}?All [Rr]ights [Rr]eserved\.?`, 'u', (text) =>
    positionsOf(text, '©').flatMap((at) => [at - 'Copyright '.length, at - 'Copyright'.length, at]).filter((at) => at >= 0).sort((a, b) => a - b),
  ),
  // a link's "external" mark left by the page ("wrote on X , external that …"): set off by a blank before its comma, or
  // closing the sentence; "insider threats, external attacks" is prose
  searched(String.raw`(?<=\s), external(?=[\s.,]|$)|, external(?=[.,]|[ \t]*(?:\n|$))`, 'u', ', external'),
];

/** Blog furniture, in an alternation of its own (lookbehinds and line anchors in the one above would slow every search through it). */
const BLOG: Branch[] = [
  // comment-section furniture: "Comments are closed", "Cancel reply", "Kommentar verfassen Antwort abbrechen"
  searched(String.raw`(?<![\p{L}])(?:Comments are closed|No comments yet|Cancel reply|Kommentare (?:sind )?geschlossen|Keine Kommentare|Kommentar verfassen|Antwort abbrechen)(?=\.|[ \t]*(?:\n|$)|\s?[\p{Lu}(])\.?`, 'mu', ['Comments are closed', 'No comments yet', 'Cancel reply', 'Kommentar', 'Antwort abbrechen']),
  // the blog engine's filing line: "This entry was posted in News. Bookmark the permalink."
  searched(String.raw`This entry was posted (?:in|on|by) [^\n]{1,200}?Bookmark the permalink\.`, 'mu', 'Bookmark the permalink'),
  // a copyright line without its sign, on a line of its own: "2025 Bloomberg L.P.", "© 2024-2025 Example Media Inc."
  // (or glued between flattened blocks: "…Trade School2025 Bloomberg L.P.TermsandPrivacy …"); the year comes first
  // in the pattern, so the scan jumps from digit to digit, and what may stand before it is checked behind the digit
  searched(String.raw`\d(?<=(?:^|\n|[ \t©]|[\p{Ll}?!.])\d)(?:\d{3}\s?[-–]\s?\d)?\d{3}\s[\p{Lu}][\p{L}\p{N}&.,'’ -]{1,60}?(?:L\.P\.|Inc\.?|LLC|Ltd\.?|Limited|Corp(?:oration)?\.?|GmbH|S\.A\.|Media|Group)(?:\s?All [Rr]ights [Rr]eserved\.?)?(?:[ \t]*$|(?=\p{Lu}))`, 'mu', /\d{4}\s\p{Lu}/u),
  // a contents label on its own line
  searched(String.raw`^[ \t]*(?:Table of [Cc]ontents|Contents|Inhaltsverzeichnis|Inhalt)[ \t]*$`, 'mu', ['ontents', 'Inhalt']),
];

export const siteChrome: Rule = {
  name: 'site-chrome',
  category: 'site_chrome',
  find: (text) => [...alternationHits(text, CHROME, true), ...alternationHits(text, BLOG, true)],
};
