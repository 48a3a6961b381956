import { describe, expect, it } from 'vitest';
import { holdsLiteral, literalId } from '../../../src/pipeline/clean/literals.ts';
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

  it('shares its walk with the trigger literals, and a set registered after a walk is still answered for that text', () => {
    const filler = 'Markets drifted lower through a thin and quiet session of trade. '.repeat(5); // long enough to be walked
    const text = `${filler}Claim your Bonus Code today at the desk.`;
    const code = literalId('Bonus Code');
    expect(positions(text, rewards)).toEqual([filler.length + 11]);
    expect(holdsLiteral(text, code)).toBe(true);
    const later = triggerWords(['desk']);
    expect(positions(text, later)).toEqual([text.indexOf('desk')]);
    expect(holdsLiteral(text, code)).toBe(true);
    expect(holdsLiteral(filler, code)).toBe(false);
  });

  it('refuses a word it could never find', () => {
    expect(() => triggerWords(['Sign up'])).toThrow(/lower-case ASCII/);
  });
});
