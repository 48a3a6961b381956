import { matchAll, type Rule } from '../rule.ts';

/**
 * Page furniture left in the text: "top of page"/"bottom of page", "Skip to content", "Back to top",
 * pagers ("Prev. articleNext article"), "Loading more articles…", "Story Continues", widget labels
 * ("X icon", "Ask ChatGPT", "Leave a Comment"), footer links ("Terms and Privacy Policy Privacy Dashboard"), copyright lines,
 * comment-section labels ("Comments are closed", "Cancel reply"), a blog's "This entry was posted in …" line and
 * a contents label standing alone.
 */
const CHROME = new RegExp(
  [
    String.raw`\b(?:[Tt]op|[Bb]ottom) of page\b`,
    String.raw`Skip to (?:main )?content`,
    String.raw`Back to top`,
    String.raw`Prev(?:ious)?\.?\s?(?:article|post|story)\s?Next\s?(?:article|post|story)`,
    String.raw`Loading more articles\.*\s?(?:You.ve reached the end)?`,
    String.raw`Story [Cc]ontinues(?: below)?(?![\p{Ll}])`,
    String.raw`X icon`,
    String.raw`Ask ChatGPT`,
    String.raw`(?:Leave|Post|Add) a (?:[Cc]omment|[Rr]eply)(?![\p{L}])`,
    String.raw`Terms\s?and\s?Privacy Policy(?:\s?Privacy Dashboard)?(?:\s?More Info)?`,
    String.raw`(?:Copyright\s?)?©\s?(?:\d{4}\s?)?[^\n]{0,80}?All [Rr]ights [Rr]eserved\.?`,
    String.raw`, external(?=[\s.,]|$)`,
  ].join('|'),
  'gu',
);

/** Blog furniture, in an alternation of its own (lookbehinds and line anchors in the one above would slow every search through it). */
const BLOG = new RegExp(
  [
    // comment-section furniture: "Comments are closed", "Cancel reply", "Kommentar verfassen Antwort abbrechen"
    String.raw`(?<![\p{L}])(?:Comments are closed|No comments yet|Cancel reply|Kommentare (?:sind )?geschlossen|Keine Kommentare|Kommentar verfassen|Antwort abbrechen)(?=\.|[ \t]*(?:\n|$)|\s?[\p{Lu}(])\.?`,
    // the blog engine's filing line: "This entry was posted in News. Bookmark the permalink."
    String.raw`This entry was posted (?:in|on|by) [^\n]{1,200}?Bookmark the permalink\.`,
    // a contents label on its own line
    String.raw`^[ \t]*(?:Table of [Cc]ontents|Contents|Inhaltsverzeichnis|Inhalt)[ \t]*$`,
  ].join('|'),
  'gmu',
);

export const siteChrome: Rule = {
  name: 'site-chrome',
  category: 'site_chrome',
  find: (text) => [...matchAll(text, CHROME), ...matchAll(text, BLOG)],
};
