/** GET /feed.xml (RSS 2.0) and GET /feed.json (JSON Feed 1.1): the same stories, the same filters. */
import { Hono, type Context } from 'hono';
import { listSourceStatus } from '../db/queries/sources.ts';
import { listStories, listStoryRows, type StoryCursor } from '../db/queries/stories.ts';
import { summarizeSourceStatus } from '../model/source-status.ts';
import { jsonFeedItem, jsonFeedText } from '../render/json-feed.ts';
import { lastBuildOf, renderRss, rssDocument, rssItem } from '../render/rss.ts';
import { baseUrl, dbOf, feedMeta, type AppEnv } from './context.ts';
import { encodeCursor, parseDigestQuery, storyQueryKey, type DigestQuery } from './params.ts';
import { renderedStories } from './rendered-stories.ts';
import { servingCache } from './serving-cache.ts';
import { readStoryFilter } from './story-filter.ts';

export const FEED_ITEMS = 50; // items a feed document: a day of deduplicated crypto news

async function storiesAndStatus(c: Context<AppEnv>) {
  const db = dbOf(c);
  const filter = await readStoryFilter(c, { limit: FEED_ITEMS });
  const [page, status] = await Promise.all([listStoryRows(db, filter), listSourceStatus(db)]);
  return { page, sourceStatus: summarizeSourceStatus(status) };
}

/** The same feed's next page: this request's URL with the cursor set (RSS's atom:link rel="next", JSON Feed's next_url). */
function nextPageUrl(selfUrl: string, next: StoryCursor | null): string | null {
  if (!next) return null;
  const u = new URL(selfUrl);
  u.searchParams.set('cursor', encodeCursor(next));
  return u.toString();
}

// the self link and next page repeat the URL as sent: keyed by it too
const cached = servingCache({ key: (c) => storyQueryKey(new URL(c.req.url).searchParams, { limit: FEED_ITEMS }), echoesUrl: true });

export const feed = new Hono<AppEnv>()
  .get('/digest.xml', async (c) => {
    const d = parseDigestQuery((k) => c.req.query(k));
    const db = dbOf(c);
    const [page, status] = await Promise.all([listStories(db, d.filter), listSourceStatus(db)]);
    const meta = feedMeta(c);
    c.header('content-type', 'application/rss+xml; charset=UTF-8');
    c.header('cache-control', 'public, max-age=300');
    return c.body(renderRss(page.stories, { ...meta, ...digestTitle(d), sourceStatus: summarizeSourceStatus(status) }));
  })
  // each story's item is kept between pages (rendered-stories.ts); its links depend on the base URL alone
  .get('/feed.xml', cached, async (c) => {
    const { page, sourceStatus } = await storiesAndStatus(c);
    c.header('content-type', 'application/rss+xml; charset=UTF-8');
    const meta = feedMeta(c);
    const items = renderedStories('rss', baseUrl(c), page.rows, page.now, (s) => rssItem(s, meta));
    return c.body(rssDocument(items, lastBuildOf(page.rows), { ...meta, sourceStatus, nextUrl: nextPageUrl(meta.selfUrl, page.next) }));
  })
  .get('/feed.json', cached, async (c) => {
    const { page, sourceStatus } = await storiesAndStatus(c);
    const meta = { ...feedMeta(c), sourceStatus };
    const nextUrl = nextPageUrl(meta.selfUrl, page.next);
    const items = renderedStories('json-feed', baseUrl(c), page.rows, page.now, (s) => JSON.stringify(jsonFeedItem(s, meta)));
    c.header('content-type', 'application/feed+json; charset=UTF-8');
    return c.body(jsonFeedText(items, { ...meta, nextUrl }));
  });

function digestTitle(d: DigestQuery) {
  return {
    title: `onestory: top stories of ${d.date}${d.tz === 'UTC' ? '' : ` (${d.tz})`}`,
    description: `The events of ${d.date} most covered across outlets, most important first, one item per event.`,
  };
}
