/** Parameters a user pastes or an attacker crafts get a clear answer, never a 500. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../src/app.ts';
import { sameSecret } from '../../src/routes/admin.ts';
import { ARTICLES } from '../fixtures/articles.ts';
import { seed } from './seed.ts';

beforeAll(async () => {
  await seed(ARTICLES); // a filter on an empty table is never evaluated: stories must exist
});

const ADMIN = { ...env, ADMIN_TOKEN: 'correct horse battery staple' };
const admin = (path: string, body: unknown, token = ADMIN.ADMIN_TOKEN) =>
  app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }, ADMIN);

describe('hostile parameters', () => {
  it('answers a pasted headline of any length, and a query of percent signs, in the inspector and the API', async () => {
    const long = 'Lendvault halts withdrawals after a $48 million exploit drains its ether pool, says the team';
    for (const q of [long, '%'.repeat(25), '_%\\'.repeat(40), 'ünïcödé '.repeat(10)]) {
      for (const path of ['/inspector', '/api/v1/stories', '/feed.xml']) {
        const res = await app.request(`${path}?q=${encodeURIComponent(q)}`, {}, env);
        expect([200, 400], `${path} q=${q.slice(0, 20)}`).toContain(res.status);
        if (path === '/inspector') expect(res.status).toBe(200);
      }
    }
  });

  it('refuses /admin/assignments ids that are not strings with a 400', async () => {
    for (const ids of [[1, 2, 3], [{ id: 'x' }], [null], 'abc', [['nested']]]) {
      const res = await admin('/admin/assignments', { item_ids: ids });
      expect(res.status, JSON.stringify(ids)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_body');
    }
    expect((await admin('/admin/assignments', { item_ids: ['nope'] })).status).toBe(200);
  });

  it('refuses a wrong, shorter, longer or empty admin token', async () => {
    for (const token of ['correct horse battery stapl', 'correct horse battery staple!', '', 'CORRECT HORSE BATTERY STAPLE']) {
      expect((await admin('/admin/assignments', { item_ids: [] }, token)).status).toBe(401);
    }
  });

  it('compares secrets by content only', () => {
    expect(sameSecret('Bearer abc', 'Bearer abc')).toBe(true);
    expect(sameSecret('Bearer abd', 'Bearer abc')).toBe(false);
    expect(sameSecret('Bearer ab', 'Bearer abc')).toBe(false);
    expect(sameSecret('Bearer abcc', 'Bearer abc')).toBe(false);
    expect(sameSecret('', 'Bearer abc')).toBe(false);
  });
});
