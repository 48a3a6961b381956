import { describe, expect, it } from 'vitest';
import { positions, triggerWords } from '../../../src/pipeline/clean/trigger-words.ts';

describe('trigger words', () => {
  const rewards = triggerWords(['bonus', 'gift']);
  const channels = triggerWords(['newsletter', 'app']);

  it('finds each word where it stands as a whole run of letters, whatever its case, in order across the set', () => {
    const text = 'A BONUS, a Gift and a bonus: claim it (gift).';
    expect(positions(text, rewards)).toEqual([2, 11, 22, 39]);
  });

  it('does not find a word inside a longer run of letters, but does beside digits and punctuation', () => {
    expect(positions('happen, apps, application', channels)).toEqual([]);
    expect(positions('the 2app and app-store', channels)).toEqual([5, 13]);
  });

  it('answers each set for the same text from one scan, and a new text from a new one', () => {
    const text = 'Our newsletter has a bonus.';
    expect(positions(text, channels)).toEqual([4]);
    expect(positions(text, rewards)).toEqual([21]);
    expect(positions('no triggers here', rewards)).toEqual([]);
  });

  it('refuses a word it could never find', () => {
    expect(() => triggerWords(['Sign up'])).toThrow(/lower-case ASCII/);
  });
});
