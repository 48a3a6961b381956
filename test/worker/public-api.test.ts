/** The public read routes answer any origin (CORS, resource policy) on every status; the inspector and admin do not. */
import { exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument, PUBLIC_ROUTES } from '../../src/routes/openapi.ts';
import { ARTICLES } from '../fixtures/articles.ts';
import { seed } from './seed.ts';

const ORIGIN = 'https://newsletter-tool.example';
const get = (path: string, headers: Record<string, string> = {}) => exports.default.fetch(`http://onestory.test${path}`, { headers: { origin: ORIGIN, ...headers } });
let storyId: string;

beforeAll(async () => {
  await seed(ARTICLES);
  storyId = ((await (await get('/api/v1/stories?limit=1')).json()) as any).stories[0].id;
});

const expectReadable = (res: Response, what: string) => {
  expect(res.headers.get('access-control-allow-origin'), what).toBe('*');
  expect(res.headers.get('cross-origin-resource-policy'), what).toBe('cross-origin');
};

describe('cross-origin reads', () => {
  it('lets another origin read the API and feeds on 200, 304, 400 and 404', async () => {
    for (const path of ['/api/v1/stories', '/api/v1/sources', `/api/v1/stories/${storyId}`, '/feed.xml', '/feed.json', '/api/v1/openapi.json']) {
      const ok = await get(path);
      expect(ok.status, path).toBe(200);
      expectReadable(ok, path);
      expect(ok.headers.get('access-control-expose-headers')).toMatch(/etag/);
      const notModified = await get(path, { 'if-none-match': ok.headers.get('etag')! });
      expect(notModified.status, path).toBe(304);
      expectReadable(notModified, `${path} 304`);
    }
    expectReadable(await get('/api/v1/stories?limit=0'), '400');
    expectReadable(await get('/api/v1/stories/nope'), '404');
  });

  it('answers a preflight for a conditional GET', async () => {
    const res = await exports.default.fetch('http://onestory.test/api/v1/stories', {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/if-none-match/);
  });

  it('keeps the inspector and admin same-origin', async () => {
    for (const path of ['/inspector', '/admin/overrides']) {
      const res = await get(path);
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
    }
  });
});

describe('the OpenAPI document', () => {
  it('is served as built, and every path it lists answers', async () => {
    const res = await get('/api/v1/openapi.json');
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument('http://onestory.test'))));
    for (const r of PUBLIC_ROUTES) {
      const path = r.path.replace('{id}', storyId);
      const answer = await get(path);
      if (r.path.includes('storylines')) expect(answer.status, path).toBe(404); // the id is a story's, not a storyline's
      else expect(answer.status, path).toBe(200);
      if (answer.status === 404) expect(((await answer.json()) as any).error.code).toBe('not_found'); // the route exists
    }
  });
});
