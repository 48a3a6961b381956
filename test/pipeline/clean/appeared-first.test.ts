import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('appeared-first', () => {
  it('drops "The post … appeared first on …" at the end of a feed body', () => {
    const r = cleanChecked('Ether gained 6% on the week. The post Ether Is Back: Can ETH Hold $3,000? appeared first on Chain Daily .');
    expect(r.text).toBe('Ether gained 6% on the week.');
    expect(removedBy(r, 'appeared-first')).toEqual(['The post Ether Is Back: Can ETH Hold $3,000? appeared first on Chain Daily .']);
  });

  it('drops the HTML form with its links and the "first appeared on" variant', () => {
    const html = '<p>Tokens unlocked on Friday.</p>\n<p>The post <a href="https://example.com/a">Unlock Day Arrives</a> appeared first on <a href="https://example.com">Example</a>.</p>';
    const r = cleanChecked(html);
    expect(r.text).toBe('Tokens unlocked on Friday.');
    const plain = cleanChecked('Rates held. This post Rates Hold Steady first appeared on MarketWire .');
    expect(plain.text).toBe('Rates held.');
  });
});
