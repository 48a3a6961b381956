/**
 * Cuts the document down to the part that holds the article before Readability runs. Readability scores and cleans
 * every node of the page, several times over when its first attempt finds too little; on a page whose prose sits
 * in one container, everything outside a generous region around that container (menus, footers, sidebars,
 * comment threads) is work that cannot change its choice much and mostly adds boilerplate candidates.
 *
 * The region is the container's ancestor a few levels up, so Readability still sees the headline, the standfirst
 * and sibling blocks it may join to the article. Pages whose prose is spread out (no element holds most of it) or
 * too short to judge are left whole.
 */
import { deepestHolding, paragraphWeights } from './paragraph-weights.ts';

// The region must hold nearly all the page's prose: a lower share would cut away real article paragraphs.
const REGION_SHARE = 0.9; // of all paragraph characters on the page
// Levels kept above the region's own element, for headlines, ledes and sibling blocks Readability may join.
const LEVELS_UP = 3;
// Below this much paragraph text the weights say little about where the article is.
const MIN_PROSE_CHARS = 500; // characters

export function pruneToArticle(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const weights = paragraphWeights(doc);
  if (weights.total < MIN_PROSE_CHARS) return;
  let region = deepestHolding(body, weights, REGION_SHARE);
  for (let i = 0; i < LEVELS_UP && region !== body && region.parentElement; i++) region = region.parentElement;
  for (let el: Element = region; el !== body && el.parentElement; el = el.parentElement) {
    for (const sibling of Array.from(el.parentElement.children)) if (sibling !== el) sibling.remove();
  }
}
