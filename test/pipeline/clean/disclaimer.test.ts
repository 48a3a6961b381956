import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('disclaimer', () => {
  it('drops a multi-sentence investment disclaimer and stops where the article resumes', () => {
    const text =
      'Disclaimer: Views in this piece belong to the author alone. Nothing here is investment advice, and readers should do their own research.Litecoin hashrate hit a record on Monday.';
    const r = cleanChecked(text);
    expect(r.text).toBe('Litecoin hashrate hit a record on Monday.');
    expect(removedBy(r, 'disclaimer')).toHaveLength(1);
  });

  it('drops a short "not investment advice" line and a fixed phrase without a full stop', () => {
    const r = cleanChecked('The firm bought 300 BTC. *This is not investment advice.\nDeposits open Monday. Geographic restrictions may apply');
    expect(r.text).toBe('The firm bought 300 BTC.\n\nDeposits open Monday.');
  });

  it('keeps a sentence that reports on someone else’s advice', () => {
    const text = 'The regulator said the platform gave investment advice without a licence.';
    expect(cleanChecked(text).text).toBe(text);
  });

  it('keeps a sentence about a disclaimer someone added, drops a capitalised label opening a line', () => {
    const text = 'The shop agreed to post a disclaimer on its website, removing the words “proven results” from its labels.';
    expect(cleanChecked(text).text).toBe(text);
    const r = cleanChecked('Ether rose 3%.\nDisclaimer The views expressed here are the author’s own and not investment advice.');
    expect(r.text).toBe('Ether rose 3%.');
  });

  it('drops an advertising disclosure', () => {
    const r = cleanChecked('Ether rose 3%.\nAdvertising disclosure: We may receive compensation for some of the links in our stories.');
    expect(r.text).toBe('Ether rose 3%.');
  });

  it('runs on past a site name whose dot reads as a sentence end', () => {
    const r = cleanChecked('Ether rose 3%.Disclaimer: The opinions expressed are the writers’ own and not the views of U.Ledger. The financial information provided on U.Ledger is for informational purposes only.Ether later fell.');
    expect(r.text).toBe('Ether rose 3%.\n\nEther later fell.');
  });

  it('takes the whole name of an affiliate commission line glued after a quote chip', () => {
    const r = cleanChecked('In This Article:SPX-0.33Ledger and Coin Daily LLC may earn commission or revenue on some items through the links below.Home prices fell.');
    expect(r.text).toBe('Home prices fell.');
  });

  it('drops a risk warning with a title of its own, and the regulators\' wording standing alone', () => {
    const story = 'Lumenchain rose 4% on Tuesday after its validators approved a fee cut.';
    const titled = 'Token Trading Risk Warning Digital tokens are highly volatile. Your capital is at risk. Don’t invest unless you’re prepared to lose all the money you invest.';
    expect(cleanChecked(`${story} ${titled}`).text).toBe(story);
    const bare = 'Your capital is at risk. Don’t invest unless you’re prepared to lose all the money you invest.';
    expect(cleanChecked(`${story} ${bare}`).text).toBe(story);
  });

  it('keeps a sentence about risk-warning rules, and the warning quoted in a story', () => {
    const rules = 'The FCA Risk Warning Rules came into force in 2023, meaning buyers must be told they could lose everything.';
    expect(cleanChecked(rules).text).toBe(rules);
    const quoted = 'Ads must now say "Don’t invest unless you’re prepared to lose all the money you invest." in bold, the regulator said.';
    expect(cleanChecked(quoted).text).toBe(quoted);
  });
});
