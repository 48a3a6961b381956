/** The OpenAPI document is built from the parameter definitions the routes validate with, and it validates. */
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument, PUBLIC_ROUTES } from '../../src/routes/openapi.ts';
import { STORY_PARAMS } from '../../src/routes/params.ts';

describe('GET /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument('https://onestory.example'));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('fails validation when a parameter is broken, so the check can fail', async () => {
    const doc: any = openApiDocument('https://onestory.example');
    doc.paths['/api/v1/stories'].get.parameters[0].in = 'body';
    expect((await new Validator().validate(doc)).valid).toBe(false);
  });

  it('documents every story-list parameter the routes parse, with the same schema', () => {
    const doc: any = openApiDocument('https://onestory.example');
    for (const path of ['/api/v1/stories', '/feed.xml', '/feed.json']) {
      const params = doc.paths[path].get.parameters;
      expect(params.map((p: any) => p.name).sort()).toEqual(Object.keys(STORY_PARAMS).sort());
      for (const p of params) expect(p.schema).toEqual(STORY_PARAMS[p.name as keyof typeof STORY_PARAMS].schema);
    }
    expect(Object.keys(doc.paths).sort()).toEqual(PUBLIC_ROUTES.map((r) => r.path).sort());
  });
});
