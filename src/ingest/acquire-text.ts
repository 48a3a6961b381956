/**
 * Which text an item is read from: the feed's own body when it is the article, else the page (fetched by the feed
 * consumer's page step, src/ingest/fetch-pages.ts), else whatever the feed said. Pure: no fetching here.
 */
import type { Item, Source } from '../db/schema.ts';
import { htmlToText } from '../pipeline/extract/index.ts';
import type { ParseHTML } from '../pipeline/types.ts';

/** A feed body at least this long is the article itself, not a teaser: no need to fetch the page. */
export const FULL_TEXT_MIN_CHARS = 1_200; // characters; teasers and standfirsts run 150-600
const HTML_MARKUP = /<[a-z][^>]*>/i;

export interface Acquired {
  text: string;
  source: string; // where the text came from: 'feed', 'page (prose-block)', 'feed summary', ...
  error: string | null; // a recorded problem that did not stop the item (e.g. the page was a 404)
}

export function feedTextOf(item: Pick<Item, 'feedContent'>, parseHTML: ParseHTML): string {
  const body = item.feedContent;
  if (!body) return '';
  return HTML_MARKUP.test(body) ? htmlToText(body, parseHTML) : body.trim();
}

/** The feed carries the whole article: the page is not fetched. */
export function feedIsEnough(feedText: string, source: Pick<Source, 'fullText'>): boolean {
  return !!feedText && (source.fullText || feedText.length >= FULL_TEXT_MIN_CHARS);
}

/** The feed's teaser or its summary, whichever is longer, with the reason the page did not serve. */
export function fromFeed(feedText: string, summary: string | null, error: string | null): Acquired {
  if (feedText.length >= (summary?.length ?? 0)) return { text: feedText, source: feedText ? 'feed (teaser)' : 'none', error };
  return { text: summary ?? '', source: 'feed summary', error };
}

/** The page's article when it says more than the feed did. */
export function fromPage(feedText: string, summary: string | null, page: { text: string; method: string } | null): Acquired {
  if (!page) return fromFeed(feedText, summary, 'page: no article text found');
  if (page.text.length <= feedText.length) return fromFeed(feedText, summary, null);
  return { text: page.text, source: `page (${page.method})`, error: null };
}
