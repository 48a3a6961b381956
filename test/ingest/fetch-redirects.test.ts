/** Redirects are followed by hand, each hop checked by the host guard (issue: SSRF through an outlet's redirect). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, fetchPolitely } from '../../src/ingest/fetch-politely.ts';

let outlet: Server;
let internal: Server;
let outletHost: string;
let internalPort: number;
let internalHits = 0;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  internal = createServer((_req, res) => {
    internalHits++;
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<p>internal admin secret</p>');
  });
  internalPort = await listen(internal);
  outlet = createServer((req, res) => {
    const hop = (to: string) => {
      res.writeHead(302, { location: to });
      res.end();
    };
    if (req.url === '/to-internal') return hop(`http://127.0.0.1:${internalPort}/admin`);
    if (req.url === '/to-metadata') return hop('http://169.254.169.254/latest/meta-data/');
    if (req.url === '/to-numeric') return hop(`http://2130706433:${internalPort}/`);
    if (req.url === '/to-file') return hop('file:///etc/passwd');
    if (req.url === '/relative') return hop('/final');
    if (req.url?.startsWith('/loop')) return hop(`/loop${Number(req.url.slice(5) || 0) + 1}`);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<p>article at ${req.url}</p>`);
  });
  outletHost = `127.0.0.1:${await listen(outlet)}`;
});

afterAll(async () => {
  for (const s of [outlet, internal]) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

const get = (path: string, allowed = new Set([outletHost])) =>
  fetchPolitely(`http://${outletHost}${path}`, { fetcher: fetch, userAgent: 'test', timeoutMs: 3000, maxBytes: 100_000, accept: '*/*', allowedHosts: allowed });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(FetchError);
    return (err as FetchError).code;
  }
}

describe('fetchPolitely redirects', () => {
  it('follows a relative redirect on an allowed host and reports the final URL', async () => {
    const got = await get('/relative');
    expect(got.notModified).toBe(false);
    if (!got.notModified) {
      expect(got.finalUrl).toBe(`http://${outletHost}/final`);
      expect(got.text).toContain('article at /final');
    }
  });

  it("refuses a redirect hop to an internal host that is not a configured source's, in any spelling", async () => {
    expect(await codeOf(get('/to-internal'))).toBe('refused_host');
    expect(await codeOf(get('/to-numeric'))).toBe('refused_host');
    expect(await codeOf(get('/to-metadata'))).toBe('refused_host');
    expect(await codeOf(get('/to-file'))).toBe('refused_host');
    expect(internalHits).toBe(0);
  });

  it('refuses a private first hop unless its host is allowed', async () => {
    expect(await codeOf(get('/final', new Set()))).toBe('refused_host');
  });

  it('gives up after a bounded number of hops', async () => {
    expect(await codeOf(get('/loop0'))).toBe('too_many_redirects');
  });
});
