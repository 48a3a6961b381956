import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('share-bar', () => {
  it('drops a glued share widget and the section label before it', () => {
    const r = cleanChecked('MarketsShareShare this articleCopy linkLinkedInX iconEmailFacebookMiners sold 2,000 BTC in June, data showed.');
    expect(removedBy(r, 'share-bar')).toEqual(['ShareShare this articleCopy linkLinkedInX iconEmailFacebook']);
    expect(r.text).toBe('Miners sold 2,000 BTC in June, data showed.');
  });

  it('drops "Share on …" runs, keeps networks named in a sentence', () => {
    const r = cleanChecked('Share on TwitterShare on EmailShare on Linkedin\nThe project posted the update on Twitter, Facebook and Telegram.');
    expect(r.text).toBe('The project posted the update on Twitter, Facebook and Telegram.');
  });

  it("drops an embedded post's action bar and keeps the post and a reply mentioned in prose", () => {
    const text =
      'Ether rose 4% on Friday. Example Desk @exampledesk JUST IN: ether tops $4,500. 10:06 PM · Oct 3, 2025 884 Reply Copy link Read 73 replies ' +
      'The move came after the upgrade. The team said it would reply to the audit next week.';
    const r = cleanChecked(text);
    expect(removedBy(r, 'share-bar')).toEqual(['884 Reply Copy link Read 73 replies']);
    expect(r.text).toContain('JUST IN: ether tops $4,500.');
    expect(r.text).toContain('The team said it would reply to the audit next week.');
  });
});
