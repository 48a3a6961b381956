import { describe, expect, it } from 'vitest';
import { pageMargins } from '../../../src/pipeline/clean/rules/page-margins.ts';
import { cleanChecked, removedBy } from './helpers.ts';

// An invented story, flattened as a page is: its paragraphs glued without a blank between them.
const STORY =
  'The council voted on Tuesday to close the old bridge over the river for repairs that will last most of the summer.' +
  'Engineers found cracks in two of the steel beams during an inspection in the spring, the city said in a statement.' +
  'Drivers will be sent along the ring road while the work is done, and buses will stop at a temporary depot near the station.' +
  'Shops on both banks of the river fear that they will lose trade until the bridge opens again in the autumn.';

const found = (text: string) => pageMargins.find(text, { title: null }).map((h) => text.slice(h.start, h.end));

describe('page-margins: the footer after the story', () => {
  it('drops what follows the last body sentence when it is a list with a label early in it: counters, headlines and their ages, links', () => {
    const footer = 'RelatedShare12Tweet4Library hours extended through the summer2 hours agoNew playground opens in the east park5 hours agoPrivacy PolicyTerms of Use';
    const r = cleanChecked(STORY + footer);
    expect(removedBy(r, 'page-margins')).toEqual([footer]);
    expect(r.text).toBe(STORY);
  });

  it("keeps the story's short closing sentences after its last long one", () => {
    const text = `${STORY}It will reopen in August.Tolls will not change.The mayor said so.`;
    expect(found(text)).toEqual([]);
  });

  it('keeps a last segment that reads as a sentence cut off when the page text ends mid-sentence', () => {
    const text = `${STORY}RelatedShare12Tweet4Library hours extended2 hours agoPark reopens5 hours agoThe council will meet again in the autumn to deci`;
    const hits = found(text);
    expect(hits).toHaveLength(1);
    expect(text.endsWith(hits[0])).toBe(false);
    expect(text.slice(text.indexOf(hits[0]) + hits[0].length)).toBe('The council will meet again in the autumn to deci');
  });

  it('keeps a list of figures that closes a market report: its items are sentence-shaped, no label opens it', () => {
    const figures =
      'Key figures around 2000 GMTNew York - Dow: DOWN 0.6 percent at 44,371.51 (close)London - FTSE 100: UP 0.2 percent at 9,012.44 (close)' +
      'Euro/dollar: UP at 1.1702 from 1.1650Brent North Sea Crude: UP 2.5 percent at 68.64 per barrelGold: DOWN at 3,310.20 per ounce';
    expect(found(STORY + figures)).toEqual([]);
  });
});

describe('page-margins: which texts are read as flattened pages', () => {
  it("does not read a text as flattened for one name spelled with dots, and keeps the list that closes it", () => {
    // paragraphs with blanks between them; the only stops glued to capitals are inside one dotted name
    const text =
      'Anna and Ben have written satire together since 2008, first on a blog and later on stage in small theatres across the city.\n\n' +
      'Blog: Anna.Ben.Satire.Daily\n\nSelected shows\n\nOctober 2015\nThe Late Show with Anna and Ben\nHosting\n\n' +
      'March 2014\nExcerpts\nTwo sets of forty minutes\n\nJanuary 2014\nFinalist of a television comedy contest\nA surprise\n\n' +
      'April 2013\nFirst night of a new group show\nMonthly mixed show';
    expect(found(text)).toEqual([]);
  });

  it('still reads a page glued together at three separate word joins as flattened', () => {
    const footer = 'RelatedShare12Tweet4Library hours extended through the summer2 hours agoNew playground opens in the east park5 hours agoPrivacy PolicyTerms of Use';
    expect(found(STORY + footer)).toEqual([footer]);
  });
});

describe('page-margins: the furniture before the story', () => {
  it('drops a run of labels glued before the first running text, sparing the heading right before the story', () => {
    const text = `HomeSubscribe4:05 PMMarch 3, 2026In Brief${STORY}`;
    expect(found(text)).toEqual(['HomeSubscribe4:05 PMMarch 3, 2026']);
  });

  it("keeps a story's own list between its body sentences", () => {
    const list = 'What We LikeLow feesFast transfers to most banksWhat We Don\'t LikeNo phone support at nightFew coins on offer';
    const more = 'The bank said the new branch would open in the autumn, once the builders had finished the second floor.';
    expect(found(STORY + list + more)).toEqual([]);
  });

  it('reads only flattened text: paragraphs set apart by blanks are left to the other rules', () => {
    const text = `Sign in Subscribe 4:05 PM March 3, 2026\n${STORY.replaceAll('.', '. ')}\nRelated Share 12 Tweet 4 Privacy Policy Terms of Use About Us Contact`;
    expect(found(text)).toEqual([]);
  });
});
