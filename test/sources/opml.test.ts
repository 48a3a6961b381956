import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveId, mergeSources, OpmlError, parseOpml } from '../../src/sources/opml.ts';
import { parseSources, type SourceConfig } from '../../src/sources/load-sources.ts';

const OPML = readFileSync(path.join(import.meta.dirname, 'fixtures', 'reader-export.opml'), 'utf8');

const existing: SourceConfig[] = [
  { id: 'harbor-ledger', name: 'Harbor Ledger', homepage: 'https://harborledger.example/', feedUrl: 'https://harborledger.example/feed/', tier: 'original', fullText: true },
];

describe('parseOpml', () => {
  it('finds feeds in nested folders, with names from title, then text, then host', () => {
    const feeds = parseOpml(OPML);
    expect(feeds.map((f) => f.name)).toEqual([
      'Harbor Ledger',
      'Chain & Coin Daily',
      'Café Cripto',
      'news.tokenwire.example',
      'Harbor Ledger (again)',
      'Gopher feed',
      'Chain and Coin Daily',
    ]);
    expect(feeds[1]).toEqual({ feedUrl: 'https://chainandcoin.example/rss?utm_source=reader', homepage: 'https://chainandcoin.example', name: 'Chain & Coin Daily' });
    expect(feeds[3].homepage).toBeNull();
  });

  it('throws an OpmlError with a position for broken XML, and for XML that is not OPML', () => {
    expect(() => parseOpml('<opml><body><outline text="x"></body></opml>')).toThrow(OpmlError);
    expect(() => parseOpml('<opml><body><outline text="x"></body></opml>')).toThrow(/line \d+/);
    expect(() => parseOpml('<rss><channel/></rss>')).toThrow(/root element must be <opml>/);
  });

  it('returns nothing for an OPML file without feeds', () => {
    expect(parseOpml('<opml version="2.0"><head/><body/></opml>')).toEqual([]);
  });
});

describe('mergeSources', () => {
  it('adds new feeds as aggregators without full text, and says why each other feed was skipped', () => {
    const { sources, added, skipped } = mergeSources(existing, parseOpml(OPML));
    expect(added.map((s) => s.id)).toEqual(['chain-coin-daily', 'cafe-cripto', 'news-tokenwire-example', 'chain-and-coin-daily']);
    expect(added.every((s) => s.tier === 'aggregator' && s.fullText === false)).toBe(true);
    expect(skipped).toEqual([
      { feedUrl: 'https://harborledger.example/feed/', reason: 'already listed as "harbor-ledger"' },
      { feedUrl: 'http://www.harborledger.example/feed', reason: 'already listed as "harbor-ledger"' },
      { feedUrl: 'gopher://old.example/feed', reason: 'not an http(s) URL' },
    ]);
    expect(sources[0]).toBe(existing[0]);
    expect(parseSources(sources)).toHaveLength(5); // the merged list is itself a valid source list
  });

  it('uses the feed origin as homepage when the OPML gives none', () => {
    const { added } = mergeSources([], parseOpml(OPML));
    expect(added.find((s) => s.id === 'news-tokenwire-example')?.homepage).toBe('https://news.tokenwire.example/');
  });

  it('takes the tier and fullText it is told', () => {
    const { added } = mergeSources([], [{ feedUrl: 'https://mill.example/feed', homepage: null, name: 'Mill' }], { tier: 'content_farm', fullText: true });
    expect(added[0]).toMatchObject({ id: 'mill', tier: 'content_farm', fullText: true });
  });

  it('does not take an id that another feed already has', () => {
    const { added, skipped } = mergeSources(existing, [{ feedUrl: 'https://harborledger.example/podcast.xml', homepage: null, name: 'Harbor Ledger' }]);
    expect(added).toEqual([]);
    expect(skipped[0].reason).toMatch(/id "harbor-ledger" is already taken/);
  });
});

describe('deriveId', () => {
  it('makes kebab-case ids from names, folding accents, and falls back to the host', () => {
    expect(deriveId({ name: 'Crypto Briefing', feedUrl: 'https://x.example/feed' })).toBe('crypto-briefing');
    expect(deriveId({ name: '  Ünïcode  News!! ', feedUrl: 'https://x.example/feed' })).toBe('unicode-news');
    expect(deriveId({ name: '★★★', feedUrl: 'https://www.blocknotes.example/rss' })).toBe('blocknotes-example');
  });
});
