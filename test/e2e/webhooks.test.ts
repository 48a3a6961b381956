/**
 * Webhooks end to end: the real Worker (workerd, local D1 and queues) POSTs signed events to a receiver in its own
 * process. The receiver is killed mid-run; when it comes back every event reaches it, and each body verifies against
 * the secret (a tampered one does not).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/webhooks/sign.ts';
import { ARTICLES } from '../fixtures/articles.ts';
import { ARREST, REPAYMENT } from '../fixtures/storyline-articles.ts';
import { startTestWorker, waitFor, type TestWorker } from '../support/worker.ts';

const TOKEN = 'webhook-test-token';
let worker: TestWorker;
let dir: string;
let port: number;
let receiver: ChildProcess | null = null;
let hook: { id: string; secret: string };

// the receiver: appends each request (headers and body) as one JSON line, answers 204
const RECEIVER = `
const http = require('node:http'); const fs = require('node:fs');
http.createServer((req, res) => { let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => {
  fs.appendFileSync(process.argv[2], JSON.stringify({ headers: req.headers, body: b }) + '\\n'); res.writeHead(204).end(); });
}).listen(Number(process.argv[1]), '127.0.0.1', () => console.log('listening'));`;

async function startReceiver(): Promise<void> {
  receiver = spawn(process.execPath, ['-e', RECEIVER, String(port), path.join(dir, 'received.jsonl')], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => receiver!.stdout!.once('data', () => resolve()));
}
async function killReceiver(): Promise<void> {
  const p = receiver!;
  await new Promise((r) => {
    p.once('exit', r);
    p.kill('SIGKILL');
  });
  receiver = null;
}
async function received(): Promise<{ headers: Record<string, string>; body: string }[]> {
  const text = await readFile(path.join(dir, 'received.jsonl'), 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}
const admin = (route: string, init: RequestInit = {}) =>
  worker.fetch(`/admin${route}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
const deliveries = async () => ((await (await admin(`/webhooks/${hook.id}/deliveries`)).json()) as any).deliveries as any[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'onestory-webhooks-'));
  port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  worker = await startTestWorker({ adminToken: TOKEN, vars: { WEBHOOK_ALLOW_HOSTS: `127.0.0.1:${port}`, WEBHOOK_BACKOFF_BASE_S: '1' } });
  await startReceiver();
}, 120_000);

afterAll(async () => {
  if (receiver) await killReceiver();
  await worker?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('webhooks', () => {
  it('refuses a URL whose host is private and not allow-listed, as feeds are refused', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data', `http://localhost:${port}/hook`, 'http://10.0.0.7/hook', 'http://2130706433/hook', 'ftp://example.com/hook']) {
      const res = await admin('/webhooks', { method: 'POST', body: JSON.stringify({ url, events: ['story.created'] }) });
      expect(res.status, url).toBe(400);
      expect(['refused_host'], url).toContain(((await res.json()) as any).error.code);
    }
    const badEvents = await admin('/webhooks', { method: 'POST', body: JSON.stringify({ url: `http://127.0.0.1:${port}/`, events: ['story.deleted'] }) });
    expect(((await badEvents.json()) as any).error.code).toBe('bad_events');
    const badFilter = await admin('/webhooks', { method: 'POST', body: JSON.stringify({ url: `http://127.0.0.1:${port}/`, events: ['story.created'], filter: { kind: 'gossip' } }) });
    expect(((await badFilter.json()) as any).error.code).toBe('bad_kind');
  });

  it('loses nothing while the receiver is killed mid-run: every event arrives when it returns, signed', async () => {
    const res = await admin('/webhooks', {
      method: 'POST',
      body: JSON.stringify({ url: `http://127.0.0.1:${port}/hook`, events: ['story.created', 'story.updated', 'storyline.updated'], filter: { exclude_kind: 'sponsored' } }),
    });
    expect(res.status).toBe(201);
    hook = (await res.json()) as any;
    expect(hook.secret).toMatch(/^whsec_/);

    // first half while the receiver listens
    await worker.call('/replay/articles', { articles: ARTICLES });
    await waitFor('the first events delivered', async () => ((await deliveries()).every((d) => d.status === 'delivered') && (await received()).length >= 5 ? true : undefined));

    // killed; the second half happens while nobody answers
    await killReceiver();
    await worker.call('/replay/articles', { articles: [REPAYMENT, ARREST] });
    await waitFor('a failed attempt logged', async () => ((await deliveries()).some((d) => d.attempts.some((a: any) => a.error && /connect/.test(a.error))) ? true : undefined));
    const whileDown = (await deliveries()).filter((d) => d.status !== 'delivered').length;
    expect(whileDown).toBeGreaterThan(0);

    // back: everything queued arrives
    await startReceiver();
    await waitFor('every delivery delivered', async () => ((await deliveries()).every((d) => d.status === 'delivered') ? true : undefined), 90_000);
    const all = await deliveries();
    const got = await received();
    expect(new Set(got.map((r) => r.headers['webhook-id']))).toEqual(new Set(all.map((d) => d.id)));
    const types = got.map((r) => JSON.parse(r.body).type);
    expect(types).toContain('story.created');
    expect(types).toContain('story.updated'); // the syndicated copy joined the Lendvault story
    expect(types).toContain('storyline.updated'); // the repayment plan and the arrest join the exploit's storyline
    // the filter held: the sponsored presale story was never sent
    expect(got.map((r) => JSON.parse(r.body).data.story.kind)).not.toContain('sponsored');
    // each delivery that failed shows its attempts, the last one a success
    const retried = all.filter((d) => d.attempts.length > 1);
    expect(retried.length).toBe(whileDown);
    for (const d of retried) expect(d.attempts.at(-1)).toMatchObject({ status: 204, error: null });

    // every body verifies against the secret, with our verifier and with an HMAC of node:crypto
    for (const r of got) {
      const h = { id: r.headers['webhook-id'], timestamp: r.headers['webhook-timestamp'], signature: r.headers['webhook-signature'] };
      expect(await verifySignature(hook.secret, h, r.body)).toBe(true);
      const mac = createHmac('sha256', Buffer.from(hook.secret.slice(6), 'base64')).update(`${h.id}.${h.timestamp}.${r.body}`).digest('base64');
      expect(h.signature).toBe(`v1,${mac}`);
    }
  }, 180_000);

  it('fails the signature check for a tampered body', async () => {
    const r = (await received())[0];
    const h = { id: r.headers['webhook-id'], timestamp: r.headers['webhook-timestamp'], signature: r.headers['webhook-signature'] };
    const tampered = r.body.replace(/"title":"/, '"title":"BREAKING: ');
    expect(tampered).not.toBe(r.body);
    expect(await verifySignature(hook.secret, h, tampered)).toBe(false);
  });

  it('shows every attempt on the inspector', async () => {
    const html = await (await worker.fetch('/inspector/webhooks')).text();
    expect(html).toContain(`127.0.0.1:${port}`);
    expect(html).toMatch(/could not connect/);
    expect(html).toContain('204');
  });
});
