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
});
