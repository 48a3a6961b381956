/**
 * The article chosen on the light DOM, for the pages whose block of prose is not plainly the whole article (a link-
 * heavy encyclopedia entry, a chapter in <div> lines, a story beside a comment thread). Readability answers those
 * pages today, and costs half of extraction on them with the full DOM it needs; here the same kind of choice is made
 * on the tree already built, by form alone, and the page goes to Readability only when the choice is unsure.
 *
 * Each text block (an element whose own text, outside nested blocks, is a sentence or more) earns points for its prose:
 * one, one more per comma (clauses), one per hundred characters up to a cap. The points go to its container and, halved
 * at each level, to a few ancestors above: the element under which the prose gathers wins. A candidate's points are
 * cut by the share of its text that is link text, and raised or lowered when its tag or its class and id name it as
 * the story or as page furniture. The winner takes in siblings that carry prose of their own (an opening paragraph
 * beside the wrapper of the rest, a second text module).
 *
 * The answer is trusted only when its form says there was nothing else to choose (`isConfident`): the runner-up (the
 * best candidate neither inside nor around the winner) scores far below it, the winner holds nearly all the page's
 * prose, and little of its text is link text. Links inside sentences (an encyclopedia entry's linked names and
 * reference markers) are the story's own: an article with more link text than that can be trusted when little of it is
 * navigation (blocks that are one link or a row of links) and its form is plainer still (no rival at all, all but a
 * tenth of the prose): `isConfidentCited`, measured and not the default (it lowers the quality figures slightly).
 * The costliest pages Readability answers are such entries (issue 11).
 */

// A block's own text shorter than this is a label, a caption or a button, not prose.
const MIN_BLOCK_CHARS = 25; // characters
// Points for length: one per this many characters of a block's own text...
const CHARS_PER_POINT = 100; // characters
// ...up to this many, so one very long block (a list pasted as one paragraph) does not outweigh a story's paragraphs.
const MAX_LENGTH_POINTS = 3;
// The levels above a block's container that share its points, each at half the level below's.
const ANCESTOR_LEVELS = 3;
// Points given or taken when the tag or a class/id word names the element as the story or as furniture.
const NAME_POINTS = 25;
// A sibling of the winner joins the article when it scores at least this share of the winner's points...
const SIBLING_SHARE = 0.2; // of the winner's points
// ...or when it is a paragraph of at least this many characters with at most this share of link text.
const SIBLING_PARAGRAPH_CHARS = 80; // characters
const SIBLING_MAX_LINK_SHARE = 0.25; // of the sibling's text
// ...or a block of such prose: at least that many characters of sentences, which are this share of its text.
const SIBLING_MIN_PROSE_SHARE = 0.5; // of the sibling's text characters
// The winner's wrappers hold nothing else of weight while the text they add to the winner's, all levels together, is
// at most this: a label, a date, an empty picture frame; more is a rival block (a teaser, a byline box, a title and
// its date line) and the climb stops below it.
const MAX_WRAPPER_BESIDE_CHARS = 80; // characters
// A block inside the article named as furniture is left out of its text when it holds at most this share of the
// article's prose; a larger one is a section of the story whatever its name.
const MAX_FURNITURE_SHARE = 0.1; // of the article's text-block characters

// The confidence bars (`isConfident`), set on trafilatura-eval's German and other non-English pages (agreement with
// Readability's text on the pages that reach it) and judged on the English ones and the readability test pages.
// The runner-up scores at most this share of the winner's points...
export const MAX_RUNNER_UP_SHARE = 0.1; // of the winner's points
// ...the article holds at least this share of the page's prose (the own text of all text blocks)...
export const MIN_PROSE_SHARE = 0.8; // of the page's text-block characters
// ...and at most this share of its text is link text.
export const MAX_LINK_SHARE = 0.1; // of the article's text characters
// An article with more link text than that (an encyclopedia entry linking names and citing sources inside its
// sentences) is trusted when its links are not navigation: at most this share of its text is link text of blocks
// that are one link or a row of links (menus, linked headlines, lists of related pages; see NAV_LINK_SHARE)...
export const MAX_NAV_SHARE = 0.1; // of the article's text characters
// ...and its form is plainer still: the runner-up scores at most this share of the winner's points...
export const CITED_MAX_RUNNER_UP_SHARE = 0.03; // of the winner's points
// ...and the article holds at least this share of the page's prose.
export const CITED_MIN_PROSE_SHARE = 0.9; // of the page's text-block characters

// A block's link text is navigation, not links inside its sentences, when one link is at least this share of the
// block's own text (a menu item, a linked headline, "Read more: <headline>")...
const NAV_LINK_SHARE = 0.5; // of the block's own text characters
// ...or when its links together are at least this share of it (a row of links between separators).
const NAV_ROW_SHARE = 0.8; // of the block's own text characters

// Elements that start a block of their own; text inside anything else is part of its parent block's own text.
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'caption', 'body',
]);
// Elements whose text is never read.
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'title', 'select', 'button', 'textarea']);
// Tags that name what they hold.
const STORY_TAGS = new Set(['article', 'main']);
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'header', 'menu']);
// Class and id words (split at "-", "_" and case) that name the story or furniture.
const STORY_WORD = /^(?:article|content|entry|main|post|story|text|body|blog|prose|chapter)$/;
const FURNITURE_WORD =
  /^(?:comments?|footer|sidebar|nav|navbar|navigation|menu|related|share|sharing|social|promo|widget|masthead|banner|sponsor|sponsored|ad|ads|advert|breadcrumbs?|cookie|subscribe|newsletter|popup|modal|tags|meta|teaser|teasers|rail|header|toolbar|pagination|credit|credits|caption)$/;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export interface LightArticle {
  elements: Element[]; // the winner and the siblings that joined it, in page order
  furniture: Set<Element>; // blocks inside them named as furniture (a byline line, a share box), left out of the text
  score: number; // the winner's points
  runnerUp: number; // the best points of a candidate neither inside nor around the winner (0 when none)
  proseShare: number; // of the page's text-block characters, the share inside `elements`
  linkShare: number; // of the text inside `elements`, the share that is link text
  navShare: number; // of the text inside `elements`, the share that is link text of blocks made mostly of links
}

interface Tally {
  chars: number; // text characters under the element, white space runs counted as one
  linkChars: number; // of those, inside <a>
  navChars: number; // of those, link text of blocks whose own text is mostly link text (a menu item, a teaser line)
  prose: number; // own text characters of the text blocks under the element
}

/** The article's elements on `body` by the prose they hold, with what `isConfident` weighs; null without prose. */
export function lightArticle(body: Element): LightArticle | null {
  const points = new Map<Element, number>();
  const tallies = new Map<Element, Tally>();
  const named: Element[] = []; // blocks whose tag or class/id names them as furniture
  const visit = (el: Element, inLink: boolean): Tally => {
    const tally: Tally = { chars: 0, linkChars: 0, navChars: 0, prose: 0 };
    let own = 0;
    let ownLink = 0;
    let longestLink = 0; // the own text of the block's longest link
    let commas = 0;
    const readInline = (node: Element, link: boolean) => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === TEXT_NODE) {
          const data = child.nodeValue ?? '';
          const n = foldedLength(data);
          own += n;
          commas += countCommas(data);
          tally.chars += n;
          if (link) {
            tally.linkChars += n;
            ownLink += n;
          }
        } else if (child.nodeType === ELEMENT_NODE) {
          const name = (child as Element).localName;
          if (NOT_TEXT.has(name)) continue;
          if (BLOCK.has(name)) {
            const sub = visit(child as Element, link);
            tally.chars += sub.chars;
            tally.linkChars += sub.linkChars;
            tally.navChars += sub.navChars;
            tally.prose += sub.prose;
          } else if (name === 'a' && !link) {
            const before = ownLink;
            readInline(child as Element, true);
            longestLink = Math.max(longestLink, ownLink - before);
          } else readInline(child as Element, link || name === 'a');
        }
      }
    };
    readInline(el, inLink || el.localName === 'a');
    // links inside a sentence (citations, a name linked here and there) are the story's; a block that is one link
    // (a menu item, a teaser line) or a row of links (a menu bar, a list of related pages) is navigation
    if (ownLink && (longestLink >= NAV_LINK_SHARE * own || ownLink >= NAV_ROW_SHARE * own)) tally.navChars += ownLink;
    if (own >= MIN_BLOCK_CHARS) {
      tally.prose += own;
      const blockPoints = 1 + commas + Math.min(Math.floor(own / CHARS_PER_POINT), MAX_LENGTH_POINTS);
      // a paragraph's points go to its container; a <div> of text lines is its own container
      let target: Element | null = el.localName === 'p' || el.localName === 'pre' || el.localName === 'td' ? el.parentElement : el;
      let share = blockPoints;
      for (let level = 0; target && level <= ANCESTOR_LEVELS; level++, target = target.parentElement) {
        points.set(target, (points.get(target) ?? 0) + share);
        share /= 2;
      }
    }
    tallies.set(el, tally);
    if (namePoints(el) < 0) named.push(el);
    return tally;
  };
  const page = visit(body, false);
  if (!page.prose) return null;

  let best: Element | null = null;
  let bestScore = 0;
  const finals = new Map<Element, number>();
  for (const [el, p] of points) {
    const t = tallies.get(el);
    if (!t) continue; // an ancestor above the body
    const final = (p + namePoints(el)) * (1 - (t.chars ? t.linkChars / t.chars : 0));
    finals.set(el, final);
    if (final > bestScore) {
      best = el;
      bestScore = final;
    }
  }
  if (!best) return null;
  let runnerUp = 0;
  for (const [el, final] of finals) {
    if (final > runnerUp && !el.contains(best) && !best.contains(el)) runnerUp = final;
  }

  // what the trust weighs: the winner and the siblings that score or read as its paragraphs
  const siblingsOf = (el: Element) => (el.parentElement && el !== body ? Array.from(el.parentElement.children) : [el]);
  const core = sum(siblingsOf(best).filter((s) => s === best || joins(s, bestScore, finals, tallies)), tallies);
  // what the text reads: the same, widened to the wrappers and the opening around the winner (`widen`)
  const elements = widen(best, body, bestScore, finals, tallies);
  const prose = sum(elements, tallies).prose;
  // a named block inside the article is left out when it is small beside it: a byline line, a share box, a tag list
  const furniture = new Set<Element>();
  for (const el of named) {
    if ((tallies.get(el)?.prose ?? 0) <= MAX_FURNITURE_SHARE * prose && elements.some((a) => a !== el && a.contains(el))) furniture.add(el);
  }
  const { chars, linkChars, navChars } = core;
  return { elements, furniture, score: bestScore, runnerUp, proseShare: core.prose / page.prose, linkShare: chars ? linkChars / chars : 0, navShare: chars ? navChars / chars : 0 };
}

function sum(elements: Element[], tallies: Map<Element, Tally>): Tally {
  const total: Tally = { chars: 0, linkChars: 0, navChars: 0, prose: 0 };
  for (const el of elements) {
    const t = tallies.get(el);
    if (!t) continue;
    total.prose += t.prose;
    total.chars += t.chars;
    total.linkChars += t.linkChars;
    total.navChars += t.navChars;
  }
  return total;
}

/**
 * The article's elements in page order: the winner, climbed through the wrappers around it that hold nothing else of
 * weight (a text field inside a module inside a section), so that its siblings are looked for where the page sets
 * them; the siblings there that join (`joins`); and the run of prose blocks right above it, the article's opening (a
 * lead paragraph, an intro box), past labels and pictures, up to the first block of weight that is not prose.
 */
function widen(best: Element, body: Element, bestScore: number, finals: Map<Element, number>, tallies: Map<Element, Tally>): Element[] {
  let top = best;
  for (let up = best === body ? null : best.parentElement; up && up !== body; up = up.parentElement) {
    if ((tallies.get(up)?.chars ?? 0) - (tallies.get(best)?.chars ?? 0) > MAX_WRAPPER_BESIDE_CHARS) break;
    top = up;
  }
  const siblings = top.parentElement && top !== body ? Array.from(top.parentElement.children) : [top];
  const joined = new Set(siblings.filter((sibling) => sibling === top || joins(sibling, bestScore, finals, tallies)));
  for (let i = siblings.indexOf(top) - 1; i >= 0; i--) {
    const sibling = siblings[i];
    if (joined.has(sibling) || (tallies.get(sibling)?.chars ?? 0) <= MAX_WRAPPER_BESIDE_CHARS) continue;
    if (!opens(sibling, tallies)) break;
    joined.add(sibling);
  }
  return siblings.filter((sibling) => joined.has(sibling));
}

/** Whether the article's form leaves no doubt: no close rival, nearly all the prose, few links. */
export function isConfident(a: LightArticle): boolean {
  return a.runnerUp <= MAX_RUNNER_UP_SHARE * a.score && a.proseShare >= MIN_PROSE_SHARE && a.linkShare <= MAX_LINK_SHARE;
}

/** `isConfident`, or many links that stand inside the article's sentences (little navigation) with no rival at all.
 * Not the default: on the sets measured it moves 15 pages to the light choice and lowers the figures by a snippet and
 * a ten-thousandth of token F1 (README, Measured); `trustLight` takes it where that trade is wanted. */
export function isConfidentCited(a: LightArticle): boolean {
  if (isConfident(a)) return true;
  return a.runnerUp <= CITED_MAX_RUNNER_UP_SHARE * a.score && a.proseShare >= CITED_MIN_PROSE_SHARE && a.navShare <= MAX_NAV_SHARE;
}

function joins(sibling: Element, bestScore: number, finals: Map<Element, number>, tallies: Map<Element, Tally>): boolean {
  if (namePoints(sibling) < 0) return false;
  const t = tallies.get(sibling);
  if (!t || !t.chars) return false;
  const linkShare = t.linkChars / t.chars;
  if ((finals.get(sibling) ?? 0) >= SIBLING_SHARE * bestScore && linkShare <= SIBLING_MAX_LINK_SHARE) return true;
  return sibling.localName === 'p' && t.prose >= SIBLING_PARAGRAPH_CHARS && linkShare <= SIBLING_MAX_LINK_SHARE;
}

/** Whether a block before the winner is the article's opening: prose of its own, few links, not named furniture. */
function opens(block: Element, tallies: Map<Element, Tally>): boolean {
  const t = tallies.get(block);
  if (!t || namePoints(block) < 0 || t.linkChars > SIBLING_MAX_LINK_SHARE * t.chars) return false;
  return t.prose >= SIBLING_PARAGRAPH_CHARS && t.prose >= SIBLING_MIN_PROSE_SHARE * t.chars;
}

function namePoints(el: Element): number {
  let n = 0;
  if (STORY_TAGS.has(el.localName)) n += NAME_POINTS;
  if (FURNITURE_TAGS.has(el.localName)) n -= NAME_POINTS;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!names.trim()) return n;
  let story = false;
  let furniture = false;
  for (const word of names.split(/[\s_-]+|(?<=[a-z])(?=[A-Z])/)) {
    const w = word.toLowerCase();
    if (STORY_WORD.test(w)) story = true;
    else if (FURNITURE_WORD.test(w)) furniture = true;
  }
  if (story) n += NAME_POINTS;
  if (furniture) n -= NAME_POINTS;
  return n;
}

/** Length of `s` with each run of white space counted as one character, ends included. */
function foldedLength(s: string): number {
  let n = 0;
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (!isSpace || !space) n++;
    space = isSpace;
  }
  return n;
}

// Commas of the scripts the corpus holds: Latin, Arabic, CJK (full width and ideographic).
function countCommas(s: string): number {
  let n = 0;
  for (let i = s.indexOf(','); i >= 0; i = s.indexOf(',', i + 1)) n++;
  for (const c of ['،', '，', '、']) if (s.includes(c)) n += s.split(c).length - 1;
  return n;
}
