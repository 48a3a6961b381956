/** A story list's filter from a request: the parameters parsed (src/routes/params.ts), the source resolved to its id. */
import type { Context } from 'hono';
import { findSourceId } from '../db/queries/sources.ts';
import type { StoryFilter } from '../db/queries/stories.ts';
import { dbOf, type AppEnv } from './context.ts';
import { apiError } from './errors.ts';
import { parseStoryFilter, type StoryListOptions } from './params.ts';

export async function readStoryFilter(c: Context<AppEnv>, opts: StoryListOptions = {}, query = (k: string) => c.req.query(k)): Promise<StoryFilter> {
  const filter = parseStoryFilter(query, opts);
  if (filter.source) {
    const id = await findSourceId(dbOf(c), filter.source);
    if (!id) throw apiError(400, 'unknown_source', `no source with the id or name ${JSON.stringify(filter.source)}; /api/v1/sources lists them`);
    filter.source = id;
  }
  return filter;
}
