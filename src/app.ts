import { Hono } from 'hono';
export const app = new Hono<{ Bindings: Env }>();
app.get('/healthz', async (c) => {
  const r = await c.env.DB.prepare('select 1 as ok').first<{ ok: number }>();
  return c.json({ ok: r?.ok === 1 });
});
