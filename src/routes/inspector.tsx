/** GET /inspector and /inspector/clusters/:id: server-rendered pages over the same story model. */
import { Hono, type Context } from 'hono';
import { listSourceHealth, listSourceRefs, listSourceStatus } from '../db/queries/sources.ts';
import { noiseByCategory, sourceCounts } from '../db/queries/scorecard.ts';
import { scorecards } from '../model/scorecard.ts';
import { SourceScorecardPage } from '../render/inspector/source-scorecard.tsx';
import { webhookOverview } from '../db/queries/webhooks.ts';
import { WebhooksPage } from '../render/inspector/webhooks-page.tsx';
import { getStory, listStories } from '../db/queries/stories.ts';
import { summarizeSourceStatus } from '../model/source-status.ts';
import { ClusterList } from '../render/inspector/cluster-list.tsx';
import { ClusterPage } from '../render/inspector/cluster-page.tsx';
import { EDITOR_SCRIPT } from '../render/inspector/editor-script.ts';
import { dbOf, type AppEnv } from './context.ts';
import { encodeCursor, INSPECTOR_PARAMS, storyQueryKey, type StoryListOptions } from './params.ts';
import { readStoryFilter } from './story-filter.ts';
import { ftsMatch } from '../search/fts-query.ts';
import { NotFoundPage } from '../render/inspector/not-found.tsx';
import { servingCache } from './serving-cache.ts';

export const INSPECTOR_PAGE_SIZE = 50; // clusters a page
export const INSPECTOR_SEARCH_CHARS = 200; // of a pasted text, the first words are enough to find a story
const LIST: StoryListOptions = { limit: INSPECTOR_PAGE_SIZE, searchSort: 'relevance' };

/** The list's query as the page reads it: an empty form field means "any"; a pasted text is searched by its first words; one with no word matches nothing. */
function listQuery(c: Context<AppEnv>) {
  const text = (c.req.query('q') ?? '').slice(0, INSPECTOR_SEARCH_CHARS);
  const wordless = text.trim() !== '' && !ftsMatch(text);
  const q = (k: string) => (k === 'q' ? (wordless ? undefined : text) : c.req.query(k)) || undefined;
  return { text, wordless, q };
}

export const inspector = new Hono<AppEnv>()
  .get(
    '/',
    // the form and the next link repeat the URL as sent: keyed by it too; editors act on it: never a stale copy
    servingCache({ key: (c) => storyQueryKey(new URL(c.req.url).searchParams, LIST, listQuery(c).q), echoesUrl: true, alwaysRevalidate: true }),
    async (c) => {
    const { text, wordless, q } = listQuery(c);
    const filter = await readStoryFilter(c, LIST, q);
    const grouped = INSPECTOR_PARAMS.grouped.parse(c.req.query('grouped'));
    const db = dbOf(c);
    const [page, sources, status] = await Promise.all([
      wordless ? { stories: [], next: null } : listStories(db, { ...filter, minSize: grouped ? 2 : null }),
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
        filters={{ q: text, coin: c.req.query('coin') ?? '', kind: c.req.query('kind') ?? '', source: c.req.query('source') ?? '', sort: c.req.query('sort') ?? '', grouped }}
      />,
    );
  },
  )
  .get('/sources', async (c) => {
    const db = dbOf(c);
    const [health, counts, noise] = await Promise.all([listSourceHealth(db), sourceCounts(db), noiseByCategory(db)]);
    return c.html(<SourceScorecardPage cards={scorecards(health, counts, noise)} />);
  })
  .get('/webhooks', async (c) => c.html(<WebhooksPage {...await webhookOverview(dbOf(c))} />))
  .get('/editor.js', (c) => c.body(EDITOR_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }))
  .get('/clusters/:id', async (c) => {
    const id = c.req.param('id');
    const story = /^[\w-]{1,64}$/.test(id) ? await getStory(dbOf(c), id) : null;
    if (!story) return c.html(<NotFoundPage what={`No cluster with the id ${JSON.stringify(id.slice(0, 64))}`} />, 404);
    if (story.id !== id) return c.redirect(`/inspector/clusters/${encodeURIComponent(story.id)}`, 301); // merged away
    return c.html(<ClusterPage story={story} />);
  });
