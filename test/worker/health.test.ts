import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('health', () => {
  it('answers from D1 inside workerd', async () => {
    const res = await exports.default.fetch('http://x/healthz');
    expect(await res.json()).toEqual({ ok: true });
  });
});
