import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('read-also', () => {
  it('drops a Title Case "Related Reading:" headline and keeps the next sentence', () => {
    const r = cleanChecked('The analyst expects a final shakeout. Related Reading: Bitcoin Rockets Past $119K, Analysts Now Eye $130K Target To support his view, he shared a chart.');
    expect(removedBy(r, 'read-also')).toEqual(['Related Reading: Bitcoin Rockets Past $119K, Analysts Now Eye $130K Target']);
    expect(r.text).toContain('To support his view, he shared a chart.');
  });

  it('drops a sentence-case "Related:" headline up to the next sentence opener', () => {
    const r = cleanChecked('Traders eye the Fed. Related: Trader keeps $67K target: five things to know this week Here, the note said rates would hold.');
    expect(r.text).toContain('Here, the note said rates would hold.');
    expect(r.text).not.toContain('five things to know');
  });

  it('drops a teaser card with its date and author', () => {
    const r = cleanChecked('Volume rose.You Might Also LikeTue, 07082025 - 15:22Shiba Inu Burn Rate Soars: What Next?ByJohn AdeyemiThe rally continued into Asia.');
    expect(r.text).toBe('Volume rose.\n\nThe rally continued into Asia.');
  });
});

describe('related-links', () => {
  it('drops a link list with time stamps to the end of the text', () => {
    const r = cleanChecked('The fund closed higher.Latest Crypto NewsMiners Rally as Hashprice Jumps2 hours agoETF Flows Turn Positive for the Week. Analysts Cheer the Shift5 hours ago');
    expect(r.text).toBe('The fund closed higher.');
    expect(removedBy(r, 'related-links')).toHaveLength(1);
  });

  it('stops a list in the middle of a page where prose resumes', () => {
    const r = cleanChecked('Whales sold.HOT StoriesXRP Stuns Traders, What Is Happening?Solana Eyes New HighsThey sold 98,000 ETH for about $278 million over two days.');
    expect(r.text).toContain('They sold 98,000 ETH for about $278 million over two days.');
    expect(r.text).not.toContain('Solana Eyes New Highs');
  });
});

describe('all-caps-link', () => {
  it('drops a capital-letter link line between paragraphs, keeps acronyms in a sentence', () => {
    const r = cleanChecked('The SEC and CFTC issued joint guidance on Monday.DOLLAR SLIDES TO NEW LOW AS FED CHAIR RACE HEATS UPThe euro rose.');
    expect(r.text).toBe('The SEC and CFTC issued joint guidance on Monday.\n\nThe euro rose.');
  });
});
