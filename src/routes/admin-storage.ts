/**
 * /admin/storage (rows and bytes a table) and /admin/retention (the last run; POST runs one now, bounded as the cron's),
 * behind /admin's bearer token.
 */
import { Hono } from 'hono';
import { storageReport } from '../db/queries/storage.ts';
import { lastRetentionRun, runRetention } from '../ingest/retention.ts';
import type { AppEnv } from './context.ts';

export const adminStorage = new Hono<AppEnv>()
  .get('/storage', async (c) => c.json(await storageReport(c.env.DB)))
  .get('/retention', async (c) => c.json({ last_run: await lastRetentionRun(c.env.DB) }))
  .post('/retention', async (c) => c.json({ run: await runRetention(c.env.DB) }));
