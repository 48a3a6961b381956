import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('author-bio', () => {
  it('keeps a sub-heading glued to a first sentence that opens with its first word: a headline, not a name', () => {
    const text = 'Fees fell for a third week.Solana Is RecoveringSolana is trading at 180 after a weak start to the month, and volumes are rising again on the main venues.';
    const r = cleanChecked(text);
    expect(removedBy(r, 'author-bio')).toEqual([]);
    expect(r.text).toContain('trading at 180 after a weak start');
  });

  it('drops a bio box whose heading is glued to a bio opening with the same name, up to the next widget', () => {
    const text = 'The upgrade is due in May, the developers said.Lena MarshLena covers DeFi and market structure from Berlin. She holds ETH and SOL.X iconLatest Crypto NewsMiners Rally as Hashprice Jumps2 hours ago';
    const r = cleanChecked(text);
    expect(removedBy(r, 'author-bio')).toEqual(['Lena MarshLena covers DeFi and market structure from Berlin. She holds ETH and SOL.']);
    expect(r.text).toBe('The upgrade is due in May, the developers said.');
  });

  it('drops a bio box that repeats the full name or opens with a product name', () => {
    const r = cleanChecked('Volumes doubled.Desk AssistDesk Assist is an automated tool that drafts market summaries. Editors check each one.');
    expect(r.text).toBe('Volumes doubled.');
  });

  it('drops a writer-introduction paragraph, keeps a sentence quoting an analyst', () => {
    const r = cleanChecked('Arjun Mehta, who is an analyst at a trading desk, said demand was strong.\n\nPriya is a freelance journalist with a passion for markets and blockchain.');
    expect(r.text).toBe('Arjun Mehta, who is an analyst at a trading desk, said demand was strong.');
    expect(removedBy(r, 'author-blurb')).toHaveLength(1);
  });

  it('runs a bio past a piece of another rule glued onto its start, to the next block', () => {
    const page =
      'Ether rose 3% on Monday.Disclaimer: Parts of this article were generated with AI tools and reviewed by our editors. For more information, seeour AI Policy.defiTradingAda ObiAda Obi is a senior reporter covering research and policy across markets. Prior to that, she covered fintech in Lagos for a weekly. She holds ETH.X icon';
    expect(cleanChecked(page).text).toBe('Ether rose 3% on Monday.');
  });
});
