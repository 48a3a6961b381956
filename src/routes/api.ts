/** /api/v1: stories for newsletters, one story in full, a storyline with all its events, and the sources with their health. */
import { Hono } from 'hono';
import { listSourceHealth } from '../db/queries/sources.ts';
import { getStory, listStories, listStoryRows } from '../db/queries/stories.ts';
import { getStoryline } from '../db/queries/storylines.ts';
import { apiDigest, apiSource, apiStory, apiStoryDetail, apiStoryline } from '../render/api.ts';
import { baseUrl, dbOf, type AppEnv } from './context.ts';
import { openApiDocument } from './openapi.ts';
import { apiError } from './errors.ts';
import { encodeCursor, parseDigestQuery, storyQueryKey, type StoryListOptions } from './params.ts';
import { renderedStories } from './rendered-stories.ts';
import { servingCache } from './serving-cache.ts';
import { readStoryFilter } from './story-filter.ts';

const STORY_LIST: StoryListOptions = { searchSort: 'relevance' }; // a search is ranked unless sort says otherwise

export const api = new Hono<AppEnv>()
  .get('/stories', servingCache({ key: (c) => storyQueryKey(new URL(c.req.url).searchParams, STORY_LIST) }), async (c) => {
    const page = await listStoryRows(dbOf(c), await readStoryFilter(c, STORY_LIST));
    // JSON.stringify({ stories, next_cursor }), each story's part kept between pages (rendered-stories.ts)
    const stories = renderedStories('api', '', page.rows, page.now, (s) => JSON.stringify(apiStory(s)));
    const next = JSON.stringify(page.next ? encodeCursor(page.next) : null);
    c.header('content-type', 'application/json');
    return c.body(`{"stories":[${stories.join(',')}],"next_cursor":${next}}`);
  })
  .get('/digest', async (c) => {
    const d = parseDigestQuery((k) => c.req.query(k));
    const page = await listStories(dbOf(c), d.filter);
    return c.json(apiDigest(d, page.stories));
  })
  .get('/stories/:id', async (c) => {
    const id = c.req.param('id');
    const story = /^[\w-]{1,64}$/.test(id) ? await getStory(dbOf(c), id) : null;
    if (!story) throw apiError(404, 'not_found', `no story with id ${JSON.stringify(id.slice(0, 64))}`);
    // A hidden story is gone for readers, as it is from the lists and feeds; the code says why (the inspector shows it).
    if (story.hidden) throw apiError(404, 'hidden', `story ${story.id} was hidden by an editor`);
    return c.json(apiStoryDetail(story));
  })
  .get('/storylines/:id', async (c) => {
    const id = c.req.param('id');
    const line = /^[\w-]{1,64}$/.test(id) ? await getStoryline(dbOf(c), id) : null;
    if (!line) throw apiError(404, 'not_found', `no storyline with id ${JSON.stringify(id.slice(0, 64))}`);
    return c.json(apiStoryline(line));
  })
  .get('/sources', async (c) => c.json({ sources: (await listSourceHealth(dbOf(c))).map(apiSource) }))
  .get('/openapi.json', (c) => c.json(openApiDocument(baseUrl(c))));
