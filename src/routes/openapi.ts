/**
 * GET /api/v1/openapi.json: an OpenAPI 3.1 document built from the parameter definitions the routes validate with
 * (src/routes/params.ts), so a parameter cannot be accepted and undocumented, or documented and refused.
 */
import { DIGEST_PARAMS, STORY_PARAMS, type JsonSchema, type ParamDef } from './params.ts';

export interface PublicRoute {
  path: string; // OpenAPI form: /api/v1/stories/{id}
  summary: string;
  query: ParamDef<unknown>[];
  pathParams?: { name: string; description: string }[];
  media: string; // the 200 answer's content type
  schema: JsonSchema;
}

const str = { type: 'string' };
const nstr = { type: ['string', 'null'] };
const time = { type: 'string', format: 'date-time' };
const ntime = { type: ['string', 'null'], format: 'date-time' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: 'object', properties, required });

const SCHEMAS: Record<string, JsonSchema> = {
  Error: obj({ error: obj({ code: { ...str, description: 'stable, e.g. bad_limit, unknown_source, not_found' }, message: str }) }),
  StorylineRef: obj({ id: str, title: str, size: { type: 'integer' }, events: { type: 'array', items: obj({ id: str, title: str, published_at: time }) } }),
  Coverage: obj({ source: str, title: str, url: str, published_at: time }),
  Story: obj({
    id: { ...str, description: 'stable story id (RSS guid)' },
    title: str,
    url: str,
    source: { ...str, description: "the canonical outlet's display name" },
    source_id: str,
    published_at: { ...time, description: "the canonical's publication time: the list order of sort=new" },
    updated_at: time,
    summary: str,
    coins: { type: 'array', items: str },
    kind: { type: 'string', enum: ['news', 'analysis', 'price-prediction', 'sponsored', 'press-release', 'opinion'] },
    coverage: { type: 'array', items: ref('Coverage'), description: 'the other outlets, earliest first' },
    storyline: { oneOf: [ref('StorylineRef'), { type: 'null' }] },
    score: { type: 'number', description: 'how much the event matters: distinct outlets (originals weigh more, one outlet counts once), speed of coverage, kind, over age; the key of sort=top (in a digest, without age)' },
    score_reasons: { type: 'array', items: str, description: 'the parts of score in words' },
  }),
  Digest: obj({ date: str, tz: str, from: time, to: time, stories: { type: 'array', items: ref('Story') } }),
  StoryPage: obj({ stories: { type: 'array', items: ref('Story') }, next_cursor: { ...nstr, description: 'pass as cursor= for the next page' } }),
  StoryDetail: {
    allOf: [
      ref('Story'),
      obj({ text: str, text_from: { type: ['object', 'null'] }, members: { type: 'array', items: { type: 'object' } }, canonical_reason: {}, merged_from: { type: 'array', items: str }, storyline_why: {}, editorial: { type: 'array', items: { type: 'object' } } }),
    ],
  },
  Storyline: obj({ id: str, title: str, first_published_at: time, last_published_at: time, size: { type: 'integer' }, events: { type: 'array', items: { type: 'object' } }, merged_from: { type: 'array', items: str } }),
  Source: obj({
    id: str,
    name: str,
    homepage: str,
    feed_url: str,
    tier: { type: 'string', enum: ['original', 'aggregator', 'content_farm'] },
    full_text: { type: 'boolean' },
    enabled: { type: 'boolean' },
    stories: { type: 'integer' },
    items_seen: { type: 'integer' },
    items_failed: { type: 'integer' },
    deferred: obj({ entries: { type: 'integer' }, pages: { type: 'integer' } }),
    health: obj({ ok: { type: ['boolean', 'null'] }, last_fetch_at: ntime, last_result: nstr, last_success_at: ntime, last_error_at: ntime, last_error: nstr, last_error_code: nstr, consecutive_failures: { type: 'integer' } }),
  }),
};

const storyParams = Object.values(STORY_PARAMS) as ParamDef<unknown>[];
const digestParams = Object.values(DIGEST_PARAMS) as ParamDef<unknown>[];
const idParam = (what: string) => [{ name: 'id', description: `the ${what} id (an id merged away answers with the survivor)` }];

/** Every public route. A route added to the API is added here, or the test comparing this list to the app fails. */
export const PUBLIC_ROUTES: PublicRoute[] = [
  { path: '/api/v1/stories', summary: 'Stories, one per event, newest first (or top, or by relevance to q)', query: storyParams, media: 'application/json', schema: ref('StoryPage') },
  { path: '/api/v1/digest', summary: "A day's top events in a time zone, most important first: a newsletter's list", query: digestParams, media: 'application/json', schema: ref('Digest') },
  { path: '/digest.xml', summary: 'The same digest as RSS 2.0', query: digestParams, media: 'application/rss+xml', schema: str },
  { path: '/api/v1/stories/{id}', summary: 'One story with its text, every member and why they were grouped', query: [], pathParams: idParam('story'), media: 'application/json', schema: ref('StoryDetail') },
  { path: '/api/v1/storylines/{id}', summary: 'A storyline with every event, oldest first', query: [], pathParams: idParam('storyline'), media: 'application/json', schema: ref('Storyline') },
  { path: '/api/v1/sources', summary: 'Every source with its health', query: [], media: 'application/json', schema: obj({ sources: { type: 'array', items: ref('Source') } }) },
  { path: '/api/v1/openapi.json', summary: 'This document', query: [], media: 'application/json', schema: { type: 'object' } },
  { path: '/feed.xml', summary: 'RSS 2.0 of the same stories (atom:link rel="next" pages it)', query: storyParams, media: 'application/rss+xml', schema: str },
  { path: '/feed.json', summary: "JSON Feed 1.1 of the same stories (next_url pages it)", query: storyParams, media: 'application/feed+json', schema: { type: 'object' } },
];

export function openApiDocument(serverUrl: string, routes: PublicRoute[] = PUBLIC_ROUTES) {
  const paths: Record<string, unknown> = {};
  for (const r of routes) {
    const parameters = [
      ...(r.pathParams ?? []).map((p) => ({ name: p.name, in: 'path', required: true, description: p.description, schema: { type: 'string', pattern: '^[\\w-]{1,64}$' } })),
      ...r.query.map((p) => ({ name: p.name, in: 'query', required: false, description: p.description, schema: p.schema })),
    ];
    const error = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
    paths[r.path] = {
      get: {
        summary: r.summary,
        operationId: operationId(r.path),
        parameters,
        responses: {
          '200': { description: 'OK', headers: { ETag: { schema: str } }, content: { [r.media]: { schema: r.schema } } },
          '304': { description: 'Not modified since the ETag given in If-None-Match' },
          ...(parameters.length ? { '400': error('A parameter is invalid: the code names it') } : {}),
          ...(r.pathParams ? { '404': error('No such id') } : {}),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'onestory',
      version: '1',
      description: 'One clean story per crypto-news event. Every route here is a GET, readable from any origin (CORS), with an ETag.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: serverUrl }],
    paths,
    components: { schemas: SCHEMAS },
  };
}

function operationId(path: string): string {
  return path
    .replace(/^\/(api\/v1\/)?/, '')
    .replace(/[{}]/g, '')
    .split(/[/.\-_]/)
    .filter(Boolean)
    .map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w))
    .join('');
}
