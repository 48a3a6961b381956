/** The command line as other tools use it: its JSON-lines formats are interfaces. */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES } from '../fixtures/articles.ts';
import { OUTLET_ITEMS, PITCH } from '../fixtures/outlet-history.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');
const SEED_A = path.join(SEEDS, '000_4e3e7307947d9ce0.txt');
const SEED_B = path.join(SEEDS, '001_f8c7828a6d5820df.txt');

async function onestory(args: string[]): Promise<{ code: number; lines: any[]; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin', 'onestory.js'), ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, lines: stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)), stderr };
  } catch (err: any) {
    return { code: err.code, lines: String(err.stdout).split('\n').filter(Boolean).map((l: string) => JSON.parse(l)), stderr: err.stderr };
  }
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'onestory-cli-'));
});

describe('onestory clean on a JSONL file of articles', () => {
  it("cleans the lines in order, each outlet's earlier items teaching its later ones, one line per article with its id", async () => {
    const file = path.join(tmp, 'outlet.jsonl');
    await writeFile(file, [...OUTLET_ITEMS.map((it) => JSON.stringify(it)), '{not json', JSON.stringify({ id: 'no-body' })].join('\n') + '\n');
    const { code, lines } = await onestory(['clean', file]);
    expect(code).toBe(1); // two bad lines, named
    expect(lines.map((l) => l.id ?? l.line)).toEqual(['ledger-1', 'ledger-2', 'ledger-3', 'ledger-4', 5, 'no-body']);
    expect(lines[2].text).toContain(PITCH);
    expect(lines[3].text).not.toContain(PITCH);
    expect(lines[3].removed).toContainEqual({ category: 'other', rule: 'outlet-boilerplate', text: PITCH, why: "repeats in 3 of this outlet's last 3 items" });
    expect(lines[4].error).toMatch(/line 5/);
    expect(lines[5].error).toMatch(/body/);
  });
});

describe('onestory clean on the two seed articles', () => {
  it('keeps the article sentences and removes every kind of noise around them', async () => {
    const { code, lines } = await onestory(['clean', SEED_A, SEED_B]);
    expect(code).toBe(0);
    const [a, b] = lines;
    expect(a.file).toBe(SEED_A);
    expect(Object.keys(a).sort()).toEqual(['coins', 'file', 'kind', 'removed', 'text', 'title']);
    expect(a.text).toContain('On Monday, a confidential U.N. report stated that North Korea has earned as much as $2 billion');
    expect(a.text).toContain('nearly $88,000 worth of bitcoin between the year of 2013 and 2015.');
    expect(a.text).not.toMatch(/top of page|bottom of page|#cryptocurrency|#northkorea/);
    expect(a.removed.map((r: any) => r.category)).toEqual(expect.arrayContaining(['site_chrome', 'hashtags']));
    expect(b.text).toContain('U.N. Security Council has reported that there have been highly sophisticated');
    expect(b.text).toContain('Mike Pompeo, US secretary of state, said that he was hoping to meet the foreign minister');
    expect(b.text).not.toMatch(/bitcoinBitcoin|\$9,450\.56|Ethereum\$235|Manisha is a freelance journalist|Leave a Comment/);
    expect(b.text).not.toContain('North Korea uses cyber-attacks to fund its missile programs.'); // the repeated headline, both copies
    expect(b.removed.map((r: any) => r.category)).toEqual(expect.arrayContaining(['ticker', 'author_bio', 'duplicate_title']));
    expect(b.title).toBe('North Korea uses cyber-attacks to fund its missile programs.'); // the headline found in the text
  });
});

describe('onestory extract', () => {
  const page = path.join(ROOT, 'test', 'pipeline', 'extract', 'fixtures', 'exchange-hack-news.html');
  it('gives the same text on linkedom and jsdom, one JSON line per file', async () => {
    const linkedom = await onestory(['extract', '--dom', 'linkedom', page]);
    const jsdom = await onestory(['extract', '--dom', 'jsdom', page]);
    expect(linkedom.code).toBe(0);
    expect(linkedom.lines[0].text.length).toBeGreaterThan(300);
    expect(jsdom.lines[0].text).toBe(linkedom.lines[0].text);
  });
  it('reports a file that fails as {file, error} and goes on with the rest', async () => {
    const missing = path.join(tmp, 'nope.html');
    const { code, lines } = await onestory(['extract', missing, page]);
    expect(code).toBe(1);
    expect(lines[0]).toEqual({ file: missing, error: expect.stringMatching(/ENOENT|no such file/) });
    expect(lines[1].text.length).toBeGreaterThan(300);
  });
  it('refuses an unknown DOM with a usage error', async () => {
    const { code, stderr } = await onestory(['extract', '--dom', 'cheerio', page]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--dom must be linkedom or jsdom/);
  });
});

describe('onestory cluster', () => {
  it('puts the two seeds, one day and two sources, in one cluster with one canonical', async () => {
    const file = path.join(tmp, 'seeds.jsonl');
    const line = (id: string, source: string, hour: string, body: string, title: string) =>
      JSON.stringify({ id, source, published_iso: `2019-08-06T${hour}:00:00Z`, url: `https://${source.toLowerCase()}.test/${id}`, title, body });
    await writeFile(
      file,
      [
        line('seed-a', 'Harbor', '09', await readFile(SEED_A, 'utf8'), 'North Korea funds weapons programs from the $2 billion through cyberattacks'),
        line('seed-b', 'Relay', '13', await readFile(SEED_B, 'utf8'), 'North Korea uses cyber-attacks to fund its missile programs.'),
      ].join('\n'),
    );
    const { code, lines } = await onestory(['cluster', file]);
    expect(code).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(['seed-a', 'seed-b']);
    expect(Object.keys(lines[0]).sort()).toEqual(['canonical', 'cluster', 'coins', 'id', 'kind']);
    expect(lines[0].cluster).toBe(lines[1].cluster);
    expect(lines.filter((l) => l.canonical)).toHaveLength(1);
  });

  it('groups a syndicated copy with its original and keeps other events apart, in input order', async () => {
    const file = path.join(tmp, 'articles.jsonl');
    const input = [...ARTICLES].reverse(); // any input order; clustering runs in publication order
    await writeFile(file, input.map((a) => JSON.stringify({ id: a.id, source: a.source.name, published_iso: a.published_iso, url: a.url, title: a.title, body: a.body })).join('\n'));
    const { lines } = await onestory(['cluster', file]);
    expect(lines.map((l) => l.id)).toEqual(input.map((a) => a.id));
    const by = new Map(lines.map((l) => [l.id, l]));
    expect(by.get('lendvault-copy').cluster).toBe(by.get('lendvault-original').cluster);
    expect(by.get('lendvault-original').canonical).toBe(true);
    expect(by.get('etf-inflows').cluster).not.toBe(by.get('miner-sale').cluster);
    expect(new Set(lines.map((l) => l.cluster)).size).toBe(ARTICLES.length - 1);
    expect(by.get('presale-ad').kind).toBe('sponsored');
    expect(by.get('etf-inflows').coins).toContain('BTC');
  });
});

describe('onestory sources import', () => {
  it("adds an OPML file's new feeds to the source list and skips the ones it has", async () => {
    const list = path.join(tmp, 'sources.json');
    await copyFile(path.join(ROOT, 'feeds', 'sources.json'), list);
    const before = JSON.parse(await readFile(list, 'utf8')).length;
    const opml = path.join(ROOT, 'test', 'sources', 'fixtures', 'reader-export.opml');
    const first = await onestory(['sources', 'import', '--file', list, opml]);
    expect(first.code).toBe(0);
    const after = JSON.parse(await readFile(list, 'utf8'));
    expect(after.length).toBeGreaterThan(before);
    expect(first.stderr).toMatch(/\d+ added, \d+ skipped/);
    const again = await onestory(['sources', 'import', '--file', list, opml]);
    expect(again.stderr).toMatch(/^0 added/m);
    expect(JSON.parse(await readFile(list, 'utf8'))).toHaveLength(after.length);
  });
});

describe('onestory <command> --help', () => {
  it('prints each command its own usage on stdout with exit code 0', async () => {
    for (const command of ['extract', 'clean', 'feed', 'cluster', 'replay', 'overrides', 'sources', 'eval', 'bench']) {
      const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin', 'onestory.js'), command, '--help'], { cwd: ROOT });
      expect(stdout, command).toMatch(new RegExp(`^usage: onestory ${command} `));
    }
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin', 'onestory.js'), 'replay', '-h'], { cwd: ROOT });
    expect(stdout).toMatch(/--persist-to DIR/);
  });
});

describe('onestory replay', () => {
  it('names each article it could not load, with the reason, exits 1, and says on which port npm start will serve', async () => {
    const state = path.join(tmp, 'replay-state');
    const file = path.join(tmp, 'with-a-blank.jsonl');
    const good = ARTICLES[0];
    await writeFile(
      file,
      [
        JSON.stringify({ id: good.id, source: good.source.name, published_iso: good.published_iso, url: good.url, title: good.title, body: good.body }),
        JSON.stringify({ id: 'blank-1', source: 'Harbor News', published_iso: '2026-03-10T09:00:00Z', url: 'https://harbor-news.test/blank', title: '', body: '' }),
        '{not json',
      ].join('\n'),
    );
    let code = 0;
    let stderr = '';
    try {
      await run(process.execPath, [path.join(ROOT, 'bin', 'onestory.js'), 'replay', '--persist-to', state, file], { cwd: ROOT, env: { ...process.env, PORT: '18123' } });
    } catch (err: any) {
      code = err.code;
      stderr = err.stderr;
    }
    expect(code).toBe(1);
    expect(stderr).toMatch(/^\[replay\] with-a-blank\.jsonl: 1 placed, 1 rejected$/m);
    expect(stderr).toMatch(/^\[replay\] FAILED rejected blank-1 \(Harbor News\) "" <https:\/\/harbor-news\.test\/blank>: no title and no summary$/m);
    expect(stderr).toMatch(/^\[replay\] FAILED with-a-blank\.jsonl line 3: /m);
    expect(stderr).toMatch(/^\[replay\] 2 failed \(named above\)\. Run the same replay again/m);
    expect(stderr).toContain('open http://localhost:18123/inspector');
  });
});

describe('onestory feed', () => {
  const PROBES = path.join(ROOT, 'test', 'fixtures', 'probe-feeds');
  const probe = (f: string) => path.join(PROBES, f);

  it('prints one line per file, in order, {file, ok, error?, format, entries}, as the Worker reads each', async () => {
    const missing = path.join(tmp, 'missing.xml');
    const { code, lines } = await onestory(['feed', '--url', 'https://probe.test/feed.xml', probe('raw-ampersand.xml'), missing, probe('guid-not-permalink.xml')]);
    expect(code).toBe(1);
    expect(lines.map((l) => l.file)).toEqual([probe('raw-ampersand.xml'), missing, probe('guid-not-permalink.xml')]);
    expect(Object.keys(lines[0]).sort()).toEqual(['entries', 'file', 'format', 'ok']);
    expect(lines[0]).toMatchObject({ ok: true, format: 'rss' });
    expect(lines[0].entries[0]).toEqual({
      title: 'Miners sell 4,000 BTC in a week',
      url: 'https://probe.test/amp/miners?id=7&section=markets',
      guid: null,
      published_at: '2026-03-10T08:00:00.000Z',
      skipped: null,
    });
    expect(lines[1]).toEqual({ file: missing, ok: false, error: { code: 'unreadable_file', message: expect.stringMatching(/ENOENT/) }, format: null, entries: [] });
    expect(lines[2].entries.map((e: any) => e.skipped)).toEqual(['no link', null]);
  });

  it('reads headers as the Worker does: Content-Location for relative links, Content-Type for the charset', async () => {
    const { code, lines } = await onestory([
      'feed', '--url', 'https://probe.test/feed.xml',
      '--header', 'Content-Location: https://mirror.probe.test/feeds/main.xml',
      '--header=Content-Type: application/rss+xml; charset=koi8-r',
      probe('relative-links.xml'), probe('koi8r-undeclared.xml'),
    ]);
    expect(code).toBe(0);
    expect(lines[0].entries[0].url).toBe('https://mirror.probe.test/2026/03/relative');
    expect(lines[1].entries[0].title).toBe('Биткоин вырос на пять процентов за неделю');
  });

  it('reports a feed it cannot use with its error code, and the entries it read', async () => {
    const { code, lines } = await onestory(['feed', '--url', 'https://broken.test/feed.xml', path.join(ROOT, 'test', 'fixtures', 'feeds', 'malformed.xml')]);
    expect(code).toBe(1);
    expect(lines[0]).toMatchObject({ ok: false, error: { code: 'malformed_xml', message: expect.stringMatching(/none usable/) }, format: 'rss' });
  });

  it('takes --list lines {file, url, headers}, files relative to the list', async () => {
    const list = path.join(tmp, 'feeds.jsonl');
    const rel = path.relative(tmp, probe('xml-base.atom'));
    await writeFile(
      list,
      [
        { file: rel, url: 'https://probe.test/atom', headers: {} },
        { file: probe('relative-links.xml'), url: 'https://probe.test/feed.xml', headers: { 'Content-Location': '/v2/feed.xml' } },
      ].map((l) => JSON.stringify(l)).join('\n') + '\n',
    );
    const { code, lines } = await onestory(['feed', '--list', list]);
    expect(code).toBe(0);
    expect(lines.map((l) => l.file)).toEqual([rel, probe('relative-links.xml')]);
    expect(lines[0].entries.map((e: any) => e.url)).toEqual([
      'https://probe.test/news/2026/03/relative-to-feed',
      'https://mirror.probe.test/archive/relative-to-entry',
      'https://probe.test/desk/on-the-link',
    ]);
    expect(lines[1].entries[0].url).toBe('https://probe.test/2026/03/relative');
  });

  it('refuses a malformed command with a usage error', async () => {
    for (const args of [['feed'], ['feed', '--header', 'no colon', probe('no-version.xml')], ['feed', '--url', 'not a url', probe('no-version.xml')], ['feed', '--list', 'x.jsonl', probe('no-version.xml')]]) {
      const { code, stderr } = await onestory(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/^onestory feed: /);
    }
  });
});
