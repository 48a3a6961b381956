import { describe, expect, it } from 'vitest';
import { ftsMatch, MAX_SEARCH_TERMS } from '../../src/search/fts-query.ts';

describe('ftsMatch', () => {
  it('quotes every word so all must match', () => {
    expect(ftsMatch('Lendvault exploit')).toBe('"lendvault" "exploit"');
  });
  it('keeps a quoted phrase together and marks a trailing star as a prefix', () => {
    expect(ftsMatch('"halts withdrawals" lendv*')).toBe('"halts withdrawals" "lendv"*');
    expect(ftsMatch('"ether po"*')).toBe('"ether po"*');
  });
  it('reads FTS5 operators, punctuation and a stray quote as words to find', () => {
    expect(ftsMatch('NOT AND OR NEAR(')).toBe('"not" "and" "or" "near"');
    expect(ftsMatch('$48M U.S. "unclosed')).toBe('"48m" "u s" "unclosed"');
    expect(ftsMatch('col:umn ^start -minus')).toBe('"col umn" "start" "minus"');
  });
  it('answers null for a text with no words, and searches a one-letter prefix as a word', () => {
    expect(ftsMatch('%%% ___ \\\\ ""')).toBeNull();
    expect(ftsMatch('b*')).toBe('"b"');
  });
  it('keeps letters of any script and caps the number of terms', () => {
    expect(ftsMatch('ünïcödé 比特币')).toBe('"ünïcödé" "比特币"');
    const many = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    expect(ftsMatch(many)!.split(' ')).toHaveLength(MAX_SEARCH_TERMS);
  });
});
