import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('hashtag-line', () => {
  it('drops a line of hashtags, keeps a hashtag quoted inside a sentence', () => {
    const r = cleanChecked('The foundation promoted the upgrade under the #MergeDay banner on X.\n#ethereum #crypto #defi #web3');
    expect(r.text).toBe('The foundation promoted the upgrade under the #MergeDay banner on X.');
    expect(removedBy(r, 'hashtag-line')).toEqual(['#ethereum #crypto #defi #web3']);
  });

  it('drops a "Tags:" list up to the line end', () => {
    const r = cleanChecked('Miners sold 4,000 BTC in June.\nTags: Bitcoin Mining Hashrate Riot\nAbout us');
    expect(removedBy(r, 'hashtag-line')).toEqual(['Tags: Bitcoin Mining Hashrate Riot']);
  });
});

describe('tag-strip', () => {
  it('drops topic links glued after the last sentence when only noise follows', () => {
    const text = 'Open interest fell by a third, the exchange said.StablecoinsTreasuriesAdvertisementRelated articlesNewsJul 2, 2025 - 10:20Miners Brace for a Hot SummerByJane Doe';
    const r = cleanChecked(text);
    expect(removedBy(r, 'tag-strip')).toEqual(['StablecoinsTreasuries']);
    expect(r.text).toBe('Open interest fell by a third, the exchange said.');
  });

  it('keeps a truncated last sentence before an excerpt marker', () => {
    const r = cleanChecked('Demand has cooled since March. However, buyers on […]');
    expect(r.text).toContain('However, buyers on');
  });
});
