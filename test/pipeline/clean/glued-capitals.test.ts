/** The shared walk for capitals glued onto a word: author-bio and dated-byline look for their forms only there. */
import { describe, expect, it } from 'vitest';
import { gluedCapitals } from '../../../src/pipeline/clean/glued-capitals.ts';

describe('glued capitals', () => {
  it('lists a capital glued onto a lower-case letter, an apostrophe or a hyphen, not one after a blank', () => {
    const text = 'Dana VossDana covers markets. O’Neil and Smith-Jones met X.';
    const at = gluedCapitals(text).map((g) => text[g - 1] + text[g]);
    expect(at).toEqual(['sD', '’N', '-J']);
  });

  it('lists a capital after a lower-case letter beyond ASCII, not after an opening quote', () => {
    const text = 'Ana ŁukaszówMay 4, 2026 “The quote” and «Les Echos»';
    expect(gluedCapitals(text)).toEqual([text.indexOf('May')]);
  });

  it('answers a second text, not the first one kept', () => {
    expect(gluedCapitals('fooBar')).toEqual([3]);
    expect(gluedCapitals('foo Bar')).toEqual([]);
  });
});
