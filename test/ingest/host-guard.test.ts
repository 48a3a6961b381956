import { describe, expect, it } from 'vitest';
import { allowedHostsOf, checkUrl, privateHostReason } from '../../src/ingest/host-guard.ts';

const none = new Set<string>();
const refused = (u: string, allowed: Set<string> = none) => !checkUrl(new URL(u), allowed).ok;

describe('host guard', () => {
  it('refuses loopback in every spelling the URL parser accepts', () => {
    for (const u of [
      'http://127.0.0.1/',
      'http://localhost:8080/',
      'http://LOCALHOST./admin',
      'http://api.localhost/',
      'http://[::1]/',
      'http://[0:0:0:0:0:0:0:1]/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://017700000001/',
      'http://127.1/',
      'http://0x7f000001/',
      'http://%31%32%37.0.0.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://[::127.0.0.1]/',
      'http://[64:ff9b::7f00:1]/',
      'http://[2002:7f00:1::]/',
      'http://0/',
    ]) {
      expect(refused(u), u).toBe(true);
    }
  });

  it('refuses private, link-local (cloud metadata) and local names', () => {
    for (const u of [
      'http://169.254.169.254/latest/meta-data/',
      'http://10.1.2.3/',
      'http://172.16.0.9/',
      'http://172.31.255.255/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://[::ffff:169.254.169.254]/',
      'http://metadata.google.internal/',
      'http://printer.local/',
      'http://intranet/',
      'http://255.255.255.255/',
    ]) {
      expect(refused(u), u).toBe(true);
    }
  });

  it('lets public hosts through, including ones that merely look numeric', () => {
    for (const u of ['https://www.coindesk.com/markets/', 'http://8.8.8.8/', 'http://172.32.0.1/', 'http://[2606:4700::1111]/', 'https://127.0.0.1.nip.io.example.com/']) {
      expect(refused(u), u).toBe(false);
    }
  });

  it('refuses schemes other than http and https', () => {
    for (const u of ['file:///etc/passwd', 'ftp://example.com/', 'gopher://example.com/', 'data:text/html,hi']) expect(refused(u), u).toBe(true);
  });

  it("reaches a private host only when it is a configured source's host and port", () => {
    const allowed = allowedHostsOf([{ feedUrl: 'http://127.0.0.1:4000/feed.xml', homepage: 'http://intranet-news/' }]);
    expect(refused('http://127.0.0.1:4000/pages/a.html', allowed)).toBe(false);
    expect(refused('http://intranet-news/story', allowed)).toBe(false);
    expect(refused('http://127.0.0.1:4001/admin', allowed)).toBe(true);
    expect(refused('http://localhost:4000/', allowed)).toBe(true);
  });

  it('names what a refused host is', () => {
    expect(privateHostReason('169.254.169.254')).toBe('link-local address');
    expect(privateHostReason('[::ffff:7f00:1]')).toBe('loopback address');
    expect(privateHostReason('example.com')).toBeNull();
  });
});
