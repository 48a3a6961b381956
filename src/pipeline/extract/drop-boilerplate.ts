/**
 * Removes, before Readability runs, the blocks that templates name for what they are: author boxes, "related
 * posts" lists, share and rating widgets, comment forms and threads, newsletter boxes, post metadata lines, tag
 * lists, breadcrumbs, disclaimers, credit lines; and whatever the page hides (the `hidden` attribute, `aria-hidden`, an inline
 * `display: none`), which a reader never sees. CMS themes (WordPress, Drupal, news templates) put these inside the
 * article container, where Readability's own class check spares them whenever the name also says "content"
 * ("author-bio-content", "comment-content") and its scoring keeps them because they sit among the paragraphs.
 *
 * A name is matched word by word (each class and the id, split at "-" and "_"), so "relatedness" or "shareholder"
 * in a class name do not count; long ids made from headings are not names. The block holding the article itself is never removed, whatever its name: the
 * container of most of the page's prose and everything around it stay, so a theme that calls its article wrapper
 * "post-content social-enabled" loses nothing.
 */
import { deepestHolding, paragraphWeights } from './paragraph-weights.ts';

// One word of a class or id that names a block as not part of the story.
const BOILERPLATE_WORD =
  /^(?:related|relatedposts?|share|sharing|sharedaddy|shariff|social|sociable|newsletter|subscribe|subscription|comments?|respond|reply|disqus|ratings?|rating|breadcrumbs?|breadcrumb|postmetadata|tags|taglinks|tagcloud|sidebar|cookie|cookies|consent|authorbox|authorbio|outbrain|taboola|recommended|recommendations|promo|advert|advertisement|sponsored|disclaimer|credits)$/;
// A word that names a block only as the last word of a class ("footer-widget", "widget"): page builders also call
// every module of the page, article text included, "widget-container" or "widget-text-editor".
const LAST_WORD = /^widgets?$/;
// Two words in a row that do: "author-bio", "post-meta", "entry-footer", "more-articles".
const BOILERPLATE_PAIR =
  /^(?:author (?:bio|box|info|description|details|profile|card)|about author|entry (?:meta|utility|footer|author)|post (?:meta|footer|author|navigation|nav|tags)|article (?:footer|tags|meta)|more (?:articles|stories|posts|news)|next (?:post|story|article)|prev (?:post|story|article)|further reading|read more|tag links|nav links)$/;

// Below this much paragraph text there is no container to protect, and the page is left to Readability as is.
const MIN_PROSE_CHARS = 500; // characters
// The article container: the deepest element still holding this share of the page's paragraph text.
const ARTICLE_SHARE = 0.5; // of all paragraph characters on the page
// A named block holding more than this share of the page's paragraph text is left alone: a fifth of the story is a
// section of it (a page builder's text module, a live blog's entry), not a widget beside it.
const MAX_SHARE = 0.2; // of all paragraph characters on the page

// An id of more words than this is a heading turned into an anchor ("sharing-with-a-single-developer"), not a name.
const MAX_ID_WORDS = 3;

// Each class and the id, as lists of words: "author-bio clr" is [["author", "bio"], ["clr"]].
function names(el: Element): string[][] {
  const classes = (el.getAttribute('class') ?? '').toLowerCase().split(/\s+/);
  const id = (el.getAttribute('id') ?? '').toLowerCase().split(/[-_]+/).filter(Boolean);
  const out = classes.map((c) => c.split(/[-_]+/).filter(Boolean));
  if (id.length <= MAX_ID_WORDS) out.push(id);
  return out;
}

// Every word and pair above holds one of these stems: a class and id holding none of them cannot match, and are not
// split into words (most elements are called "row", "container", "col-md-6").
const ANY_STEM =
  /related|shar|soci|newsletter|subscri|comment|respond|reply|disqus|rating|breadcrumb|tag|sidebar|cookie|consent|author|outbrain|taboola|recommend|promo|advert|sponsored|disclaimer|credits|widget|about|entry|post|article|more|next|prev|further|read|nav/i;

export function namesBoilerplate(el: Element): boolean {
  if (!ANY_STEM.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) return false;
  for (const w of names(el)) {
    for (let i = 0; i < w.length; i++) {
      if (BOILERPLATE_WORD.test(w[i])) return true;
      if (i === w.length - 1 && LAST_WORD.test(w[i])) return true;
      if (i + 1 < w.length && BOILERPLATE_PAIR.test(`${w[i]} ${w[i + 1]}`)) return true;
    }
  }
  return false;
}

export function dropBoilerplate(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const weights = paragraphWeights(doc);
  if (weights.total < MIN_PROSE_CHARS) return;
  const article = deepestHolding(body, weights, ARTICLE_SHARE);
  const doomed: Element[] = [];
  for (const el of descendants(body)) {
    // what the page hides is not read (Readability skips it too, but the prose-block check would not)
    if (isHidden(el)) {
      doomed.push(el);
      continue;
    }
    if (!el.hasAttribute('class') && !el.hasAttribute('id')) continue;
    // the article's container and its ancestors stay whatever they are called, and so does a block holding a
    // good part of the page's prose: the widgets named here are small beside the story
    if (namesBoilerplate(el) && !el.contains(article) && (weights.weight.get(el) ?? 0) <= MAX_SHARE * weights.total)
      doomed.push(el);
  }
  for (const el of doomed) el.remove();
}

// An inline style that hides the element: tab panels, collapsed boxes, text-only duplicates of formulas.
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && HIDDEN_STYLE.test(style);
}

/** Every element under `root`, in document order: a walk over `children`, which linkedom answers far faster than
 * `querySelectorAll('*')` (that goes through its CSS selector engine for each element) and the light DOM answers too. */
function descendants(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}
