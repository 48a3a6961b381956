import { alternationHits, anchored, holds, positionsOf, searched, type Branch } from '../alternation.ts';
import { matches, type Rule } from '../rule.ts';

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

/**
 * Where a piece of furniture may stand: the text's start, a line's, after a sentence's end, or glued to the word before
 * it (flattened pages). And where it must end: at its line's end, before a capital, a figure or a quote (the next
 * block), or at a stop. A phrase that runs on into lower-case words is a sentence ("Continue reading below the
 * fold …", "Load more trucks …") and stays.
 */
const UNIT_START = String.raw`(?<=^|\n|[.!?"”)]\s?|\p{Ll})`;
const UNIT_END = String.raw`(?=[ \t]*(?:\n|$)|\s?[\p{Lu}\d"“]|[.!?:])`;
/** The same, but not before a figure: "Next Article 5 of the treaty" names a treaty's article. */
const UNIT_END_NO_FIGURE = String.raw`(?=[ \t]*(?:\n|$)|\s?[\p{Lu}"“]|[.!?:])`;
/** Most minutes a reading-time or audio label gives. */
const MINUTES = String.raw`\d{1,2}\s?(?:min(?:ute)?s?|Min(?:ute)?s?)`;

/**
 * Furniture of any site, as a closed vocabulary of its controls and labels, each standing as a unit of its own:
 * "Continue reading below", "Article continues below advertisement", "Listen to this article 4 min", "Reading time:
 * 3 minutes", "5 min read", "Show comments", "Load more", "Next Article", "Print this page", "Font size A A A", and
 * a run of account and search controls ("Sign in Subscribe Search Menu").
 */
/** Where one of the literals starts, ascending: a control is tried only there, not at every position of the text. */
const startsOf =
  (...literals: string[]) =>
  (text: string): number[] =>
    literals.flatMap((l) => positionsOf(text, l)).sort((a, b) => a - b);
/** Where a reading time ("5 min read") starts: its figure. */
const READ_TIME = /\d{1,2}\s?min(?:ute)?s? [Rr]ead/g;
/** What every match of READ_TIME holds (min, mins, minute or minutes, then " read" or " Read"): its scan is skipped on texts without one. */
const READ_TIME_TRIGGER = ['min read', 'min Read', 'mins read', 'mins Read', 'minute read', 'minute Read', 'minutes read', 'minutes Read'];
const readTimeStarts = (text: string): number[] => (holds(text, READ_TIME_TRIGGER) ? [...matches(text, READ_TIME)].map((m) => m.index) : []);

const CONTROLS = [
  anchored(String.raw`${UNIT_START}(?:Continue reading|(?:Article|Story) continues|Scroll to continue(?: reading)?)(?: below)?(?: (?:the )?(?:advertisement|ad))?${UNIT_END}`, 'u', startsOf('Continue reading', 'Article continues', 'Story continues', 'Scroll to continue')),
  anchored(String.raw`${UNIT_START}Listen to (?:this|the) (?:article|story)(?:\s?[-–·:|]?\s?${MINUTES})?${UNIT_END}`, 'u', startsOf('Listen to th')),
  anchored(String.raw`${UNIT_START}(?:(?:Estimated )?[Rr]eading time|Read time)\s?:?\s?${MINUTES}${UNIT_END}`, 'u', startsOf('Estimated reading time', 'Reading time', 'reading time', 'Read time')),
  anchored(String.raw`${UNIT_START}${MINUTES} [Rr]ead${UNIT_END}`, 'u', readTimeStarts),
  anchored(String.raw`${UNIT_START}(?:(?:Show|Hide|View|Load) (?:all )?(?:\d+ )?[Cc]omments|(?:Log|Sign) in to (?:comment|reply)|Load more(?: articles| stories| news| posts)?|Show more)${UNIT_END}`, 'u', startsOf('Show ', 'Hide ', 'View ', 'Load ', 'Log in to ', 'Sign in to ')),
  anchored(String.raw`${UNIT_START}(?:Next|Previous|Prev\.?) (?:Article|Post|Story)${UNIT_END_NO_FIGURE}`, 'u', startsOf('Next ', 'Previous ', 'Prev')),
  anchored(String.raw`${UNIT_START}Print (?:this )?(?:page|article)${UNIT_END}`, 'u', startsOf('Print ')),
  anchored(String.raw`${UNIT_START}Font size(?:\s?[Aa][+−-]?){0,3}${UNIT_END}`, 'u', startsOf('Font size')),
  anchored(String.raw`${UNIT_START}(?:(?:Sign in|Sign up|Log in|Login|Register|Subscribe|Search|Menu|Close|My [Aa]ccount)\s?){2,}${UNIT_END}`, 'u', startsOf('Sign in', 'Sign up', 'Log in', 'Login', 'Register', 'Subscribe', 'Search', 'Menu', 'Close', 'My account', 'My Account')),
];

export const siteChrome: Rule = {
  name: 'site-chrome',
  category: 'site_chrome',
  find: (text) => [...alternationHits(text, CHROME, true), ...alternationHits(text, BLOG, true), ...alternationHits(text, CONTROLS, true)],
};
