import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSources, SourceListError } from '../../src/sources/load-sources.ts';

const good = {
  id: 'harbor-ledger',
  name: 'Harbor Ledger',
  homepage: 'https://harborledger.example/',
  feedUrl: 'https://harborledger.example/feed/',
  tier: 'original',
  fullText: false,
};

function problemsOf(json: unknown): string[] {
  try {
    parseSources(json);
  } catch (err) {
    expect(err).toBeInstanceOf(SourceListError);
    return (err as SourceListError).problems.map((p) => `[${p.index}] ${p.field}`);
  }
  throw new Error('expected a SourceListError');
}

describe('parseSources', () => {
  it('returns a valid list as typed sources', () => {
    expect(parseSources([good])).toEqual([good]);
  });

  it('accepts the project list: 25+ outlets, unique kebab ids, every tier used', () => {
    const file = path.resolve(import.meta.dirname, '../../feeds/sources.json');
    const list = parseSources(JSON.parse(readFileSync(file, 'utf8')));
    expect(list.length).toBeGreaterThanOrEqual(25);
    expect(new Set(list.map((s) => s.tier))).toEqual(new Set(['original', 'aggregator', 'content_farm']));
  });

  it('reports every bad entry by index and field in one error', () => {
    const list = [
      good,
      { ...good, id: 'Coin Desk', feedUrl: 'https://other.example/rss' },
      { ...good, id: 'feed-two', feedUrl: 'ftp://harborledger.example/feed', tier: 'farm', fullText: 'yes' },
      { ...good, id: 'harbor-ledger', feedUrl: 'https://third.example/rss' },
    ];
    expect(problemsOf(list)).toEqual(['[1] id', '[2] feedUrl', '[2] tier', '[2] fullText', '[3] id']);
  });

  it('writes a message a person can act on, naming the entry, the field and what was expected', () => {
    let message = '';
    try {
      parseSources([{ ...good, tier: 'farm' }]);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('[0] (id "harbor-ledger") tier');
    expect(message).toContain('"original", "aggregator", "content_farm"');
    expect(message).toContain('"farm"');
  });

  it('catches the same feed listed twice under two spellings', () => {
    const twin = { ...good, id: 'harbor-ledger-2', feedUrl: 'http://www.harborledger.example/feed?utm_source=x' };
    expect(problemsOf([good, twin])).toEqual(['[1] feedUrl']);
  });

  it('suggests the right name for a miscapitalised field and reports the missing one', () => {
    const { fullText: _dropped, ...rest } = good;
    const problems = problemsOf([{ ...rest, fulltext: true }]);
    expect(problems).toEqual(['[0] fulltext', '[0] fullText']);
    try {
      parseSources([{ ...rest, fulltext: true }]);
    } catch (err) {
      expect((err as Error).message).toContain('did you mean "fullText"?');
    }
  });

  it('rejects something that is not a list', () => {
    expect(problemsOf({ sources: [good] })).toEqual(['[-1] (list)']);
    expect(problemsOf([null, 'coindesk'])).toEqual(['[0] (entry)', '[1] (entry)']);
  });
});
