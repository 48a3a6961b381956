/** GET /inspector and /inspector/clusters/:id: server-rendered pages over the same story model. */
import { Hono } from 'hono';
import { listSourceRefs, listSourceStatus } from '../db/queries/sources.ts';
import { getStory, listStories } from '../db/queries/stories.ts';
import { summarizeSourceStatus } from '../model/source-status.ts';
import { ClusterList } from '../render/inspector/cluster-list.tsx';
import { ClusterPage } from '../render/inspector/cluster-page.tsx';
import { EDITOR_SCRIPT } from '../render/inspector/editor-script.ts';
import { dbOf, type AppEnv } from './context.ts';
import { apiError } from './errors.ts';
import { encodeCursor, parseStoryFilter, storyQueryKey } from './params.ts';
import { servingCache } from './serving-cache.ts';

export const INSPECTOR_PAGE_SIZE = 50; // clusters a page

export const inspector = new Hono<AppEnv>()
  .get(
    '/',
    // the form and the next link repeat the URL as sent: keyed by it too
    servingCache({ key: (c) => storyQueryKey(new URL(c.req.url).searchParams, { limit: INSPECTOR_PAGE_SIZE }, (k) => c.req.query(k) || undefined), echoesUrl: true }),
    async (c) => {
    const q = (k: string) => c.req.query(k) || undefined; // an empty form field means "any"
    const filter = parseStoryFilter(q, { limit: INSPECTOR_PAGE_SIZE });
    const grouped = c.req.query('grouped') === '1';
    const text = (c.req.query('q') ?? '').slice(0, 200);
    const db = dbOf(c);
    const [page, sources, status] = await Promise.all([
      listStories(db, { ...filter, minSize: grouped ? 2 : null, q: text || null }),
      listSourceRefs(db),
      listSourceStatus(db),
    ]);
    let nextUrl: string | null = null;
    if (page.next) {
      const u = new URL(c.req.url);
      u.searchParams.set('cursor', encodeCursor(page.next));
      nextUrl = u.pathname + u.search;
    }
    return c.html(
      <ClusterList
        stories={page.stories}
        sources={sources}
        nextUrl={nextUrl}
        sourceStatus={summarizeSourceStatus(status)}
        filters={{ q: text, coin: c.req.query('coin') ?? '', kind: c.req.query('kind') ?? '', source: c.req.query('source') ?? '', grouped }}
      />,
    );
  },
  )
  .get('/editor.js', (c) => c.body(EDITOR_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }))
  .get('/clusters/:id', async (c) => {
    const id = c.req.param('id');
    const story = /^[\w-]{1,64}$/.test(id) ? await getStory(dbOf(c), id) : null;
    if (!story) throw apiError(404, 'not_found', `no cluster with id ${JSON.stringify(id.slice(0, 64))}`);
    if (story.id !== id) return c.redirect(`/inspector/clusters/${encodeURIComponent(story.id)}`, 301); // merged away
    return c.html(<ClusterPage story={story} />);
  });
