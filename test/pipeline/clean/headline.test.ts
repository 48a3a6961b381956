import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('duplicate-title', () => {
  it('drops every copy of the title even when the text lost its $ and apostrophes', () => {
    const title = "$70,000 Bitcoin: What's Next for the Bulls?";
    const r = cleanChecked('70,000 Bitcoin: Whats Next for the Bulls?Bitcoin closed above 70,000 for the first time.70,000 Bitcoin: Whats Next for the Bulls?', title);
    expect(removedBy(r, 'duplicate-title')).toHaveLength(2);
    expect(r.text).toBe('Bitcoin closed above 70,000 for the first time.');
  });

  it('matches a title whose apostrophe is an HTML entity in the text', () => {
    const r = cleanChecked('Brazil&#8217;s central bank weighs a stablecoin cap\nThe bank opened a consultation.', 'Brazil’s central bank weighs a stablecoin cap');
    expect(r.text).toBe('The bank opened a consultation.');
  });

  it('leaves a one-word title alone', () => {
    expect(cleanChecked('Bitcoin fell.', 'Bitcoin').text).toBe('Bitcoin fell.');
  });
});

describe('headline-line', () => {
  it('without a title, drops a headline-like first line', () => {
    const r = cleanChecked('Fed Holds Rates as Crypto Waits\nThe Federal Reserve kept rates unchanged on Wednesday.');
    expect(removedBy(r, 'headline-line')).toEqual(['Fed Holds Rates as Crypto Waits']);
  });

  it('without a title, keeps a first line that is a sentence and is not repeated', () => {
    const text = 'The Federal Reserve kept rates unchanged on Wednesday.\n\nMarkets barely moved.';
    expect(cleanChecked(text).text).toBe(text);
  });

  it('leaves flattened text with no line breaks to the title rule', () => {
    const text = 'Markets barely moved after the decision, traders said.';
    expect(cleanChecked(text).text).toBe(text);
  });
});
