/** GET /feed.xml (RSS 2.0) and GET /feed.json (JSON Feed 1.1): the same stories, the same filters. */
import { Hono, type Context } from 'hono';
import { listSourceStatus } from '../db/queries/sources.ts';
import { listStories } from '../db/queries/stories.ts';
import { summarizeSourceStatus } from '../model/source-status.ts';
import { renderJsonFeed } from '../render/json-feed.ts';
import { renderRss } from '../render/rss.ts';
import { dbOf, feedMeta, type AppEnv } from './context.ts';
import { encodeCursor, parseStoryFilter, storyQueryKey } from './params.ts';
import { servingCache } from './serving-cache.ts';

export const FEED_ITEMS = 50; // items a feed document: a day of deduplicated crypto news

async function storiesAndStatus(c: Context<AppEnv>) {
  const db = dbOf(c);
  const filter = parseStoryFilter((k) => c.req.query(k), { limit: FEED_ITEMS });
  const [page, status] = await Promise.all([listStories(db, filter), listSourceStatus(db)]);
  return { page, sourceStatus: summarizeSourceStatus(status) };
}

// the self link and next_url repeat the URL as sent: keyed by it too
const cached = servingCache({ key: (c) => storyQueryKey(new URL(c.req.url).searchParams, { limit: FEED_ITEMS }), echoesUrl: true });

export const feed = new Hono<AppEnv>()
  .get('/feed.xml', cached, async (c) => {
    const { page, sourceStatus } = await storiesAndStatus(c);
    c.header('content-type', 'application/rss+xml; charset=UTF-8');
    return c.body(renderRss(page.stories, { ...feedMeta(c), sourceStatus }));
  })
  .get('/feed.json', cached, async (c) => {
    const { page, sourceStatus } = await storiesAndStatus(c);
    const meta = { ...feedMeta(c), sourceStatus };
    let nextUrl: string | null = null;
    if (page.next) {
      const u = new URL(meta.selfUrl);
      u.searchParams.set('cursor', encodeCursor(page.next));
      nextUrl = u.toString();
    }
    c.header('content-type', 'application/feed+json; charset=UTF-8');
    return c.body(JSON.stringify(renderJsonFeed(page.stories, { ...meta, nextUrl })));
  });
