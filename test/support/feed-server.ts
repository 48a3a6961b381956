/**
 * The outlets' servers, played by a local HTTP server: the only thing our tests stand in for. Serves the
 * fixture feeds and pages we wrote, plus the ways real outlets fail (404, 500, 10 MB, too slow, wrong encoding).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const TEN_MB = 10 * 1024 * 1024;
export const SLOW_MS = 8_000; // longer than any timeout a test gives the Worker

/** Bytes of a windows-1252 document: curly quotes, the euro sign and accented letters outside ASCII. */
export function windows1252(text: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  return Buffer.from([...text].map((ch) => high[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)));
}

export const CP1252_TITLE = 'Café chain in Zürich now takes bitcoin – and charges €5 for a “crypto latte”';

const cp1252Feed = windows1252(`<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0"><channel><title>Alpine Ledger</title><link>https://alpine-ledger.test/</link><description>Swiss crypto news</description>
<item><title>${CP1252_TITLE}</title><link>https://alpine-ledger.test/cafe-bitcoin</link>
<pubDate>Tue, 10 Mar 2026 09:00:00 +0000</pubDate>
<description>The owner’s bet: tourists pay in sats. Prices are shown in francs and euros.</description></item>
</channel></rss>`);

export interface FeedServer {
  url: string;
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const hits = new Map<string, number>();
  const file = (p: string) => readFileSync(path.join(FIXTURES, p));
  const server: Server = createServer((req, res) => {
    const route = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(route, (hits.get(route) ?? 0) + 1);
    const send = (status: number, type: string, body: Buffer | string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    switch (route) {
      case '/feeds/harbor-news.xml':
        if (req.headers['if-none-match'] === '"harbor-v1"') return send(304, 'application/rss+xml', '');
        return send(200, 'application/rss+xml; charset=utf-8', file('feeds/harbor-news.xml'), { etag: '"harbor-v1"' });
      case '/feeds/quay-wire.atom':
        return send(200, 'application/atom+xml', file('feeds/quay-wire.atom'));
      case '/feeds/evil.xml':
        return send(200, 'application/rss+xml', file('feeds/evil.xml'));
      case '/feeds/malformed.xml':
        return send(200, 'application/rss+xml', file('feeds/malformed.xml'));
      case '/feeds/cp1252.xml':
        return send(200, 'application/rss+xml', cp1252Feed); // charset only in the XML declaration
      case '/feeds/homepage.html':
        return send(200, 'text/html; charset=utf-8', '<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>Not a feed</h1></body></html>');
      case '/feeds/gone.xml':
        return send(404, 'text/plain', 'not found');
      case '/feeds/broken.xml':
        return send(500, 'text/plain', 'internal server error');
      case '/feeds/huge.xml':
      case '/pages/huge.html': {
        // streamed without a Content-Length: the cap must hold while reading, not only on the header
        res.writeHead(200, { 'content-type': route.endsWith('.xml') ? 'application/rss+xml' : 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, '<p>filler text for a page far too large to be an article</p>\n');
        let sent = 0;
        const pump = () => {
          while (sent < TEN_MB) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => {});
        return pump();
      }
      case '/feeds/slow.xml':
        return void setTimeout(() => send(200, 'application/rss+xml', file('feeds/harbor-news.xml')), SLOW_MS).unref();
      case '/pages/quay-lendvault.html':
        return send(200, 'text/html; charset=utf-8', file('pages/quay-lendvault.html'));
      default:
        return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
