import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('promo-block', () => {
  it('drops an affiliate promo block up to the next glued block', () => {
    const r = cleanChecked('Home prices fell in May.Don’t Miss:One app lets you earn yield on idle cash. Here’s how investors start.Sellers cut asking prices again in June.');
    expect(removedBy(r, 'promo-block')).toEqual(['Don’t Miss:One app lets you earn yield on idle cash. Here’s how investors start.']);
    expect(r.text).toBe('Home prices fell in May.\n\nSellers cut asking prices again in June.');
  });

  it('takes only the first sentence when no block end is near', () => {
    const r = cleanChecked('Trending: A fund doubled its gold holdings. Bitcoin miners sold 2,000 BTC in June.');
    expect(r.text).toBe('Bitcoin miners sold 2,000 BTC in June.');
  });
});

describe('photo-caption', () => {
  it('drops the caption with a one-word credit right under the byline', () => {
    const r = cleanChecked('ByLea Chu Edited byOmar Diaz Jul 9, 2026, 1:05 p.m.Stellar founder Jed McCaleb (Stellar)What to know:Stellar added a new payments partner.');
    expect(removedBy(r, 'photo-caption')).toEqual(['Stellar founder Jed McCaleb (Stellar)']);
    expect(r.text).toBe('What to know:Stellar added a new payments partner.');
  });

  it('drops a caption whose credit is a name and an agency flattened together, up to four capitalised tokens', () => {
    const r = cleanChecked('ByLea ChuEdited byOmar DiazJul 9, 2026, 1:05 p.m.Regulators met bankers in Washington on Monday. (Lea ChuNewsDesk)What to know:The agencies issued a joint statement.');
    expect(removedBy(r, 'photo-caption')).toEqual(['Regulators met bankers in Washington on Monday. (Lea ChuNewsDesk)']);
    expect(r.text).toBe('What to know:The agencies issued a joint statement.');
  });

  it('keeps a first paragraph with a ticker in parentheses after the byline', () => {
    const r = cleanChecked('ByLea ChuJul 9, 2026, 1:05 p.m.Stellar (XLM) rose 9% after the payments deal was announced.');
    expect(r.text).toBe('Stellar (XLM) rose 9% after the payments deal was announced.');
  });
});

describe('credits and media links', () => {
  it('drops an agency sign-off glued to the last sentence and a bare video link', () => {
    const r = cleanChecked('https://www.youtube.com/watch?v=aB3dE5fG7hI Oil rose 2.8 percent on Friday.burs-abc/def');
    expect(r.text).toBe('Oil rose 2.8 percent on Friday.');
  });

  it('drops a pair chart caption with its provider, keeps the sub-heading before it', () => {
    const r = cleanChecked('ADA closed the year up 40%. Cardano yearly performance ADA price history | CoinGecko Cardano launched its mainnet in 2017.');
    expect(removedBy(r, 'image-credit')).toEqual(['ADA price history | CoinGecko']);
    expect(r.text).toContain('Cardano yearly performance');
  });
});

describe('image-credit', () => {
  it('drops a photo credit line, in English or German, and a caption glued before its label', () => {
    const r = cleanChecked('The plant opens in May.\nPhoto: Jane Roe\nFees fell.\nDer Trainer am SpielfeldrandFoto: Max Muster/AFP');
    expect(removedBy(r, 'image-credit')).toEqual(['Photo: Jane Roe', 'Der Trainer am SpielfeldrandFoto: Max Muster/AFP']);
    expect(r.text).toBe('The plant opens in May.\n\nFees fell.');
  });

  it('drops a chart source label left alone between two sentences, keeps the word inside prose', () => {
    const text =
      'Net new assets reached a record in the quarter. SEC Filing The stock trades at a premium to its peers. ' +
      'That leaves room for buybacks. Author The flywheel keeps turning. The author of the report expects more inflows.';
    const r = cleanChecked(text);
    expect(removedBy(r, 'image-credit')).toEqual(['SEC Filing', 'Author']);
    expect(r.text).toContain('The author of the report expects more inflows.');
  });

  it("drops a video player's close label with the clip's title and blurb, up to the story", () => {
    const text =
      'closevideoAnalyst explains the weak dollar and summer travel Our correspondent reports on Market Hour.' +
      'The dollar has fallen this year, which makes trips abroad dearer for American tourists.';
    const r = cleanChecked(text);
    expect(removedBy(r, 'image-credit')).toEqual([
      'closevideoAnalyst explains the weak dollar and summer travel Our correspondent reports on Market Hour.',
    ]);
    expect(r.text).toBe('The dollar has fallen this year, which makes trips abroad dearer for American tourists.');
  });

  it('keeps a paragraph above a credit that stands on its own line', () => {
    const para = 'Die Regierung kündigte neue Tests an, die bis zum Herbst laufen sollen.';
    const r = cleanChecked(`${para}\n\n(Mit Material von AFP und Reuters)\nMehr folgt.`);
    expect(r.text).toContain(para);
  });

  it('keeps parentheses that only look like credits: a quoted term, an acronym, a sentence naming an agency', () => {
    const text = [
      'Firms now collect more of it („Big Data“) than they can use.',
      'The centre (RCGP RSC) publishes weekly counts, and the party congress (CC PCC) approved the plan.',
      'Eight donors backed rivals. (Six are with Biden, one with Michael Bloomberg, another with Buttigieg.)',
      'In 2016: UniCredit: Deutschland kept its rating.',
    ].join('\n');
    expect(removedBy(cleanChecked(text), 'image-credit')).toEqual([]);
  });
});

describe('presale-promo', () => {
  const story =
    'Ether options open interest hit a record on Friday, with most of the new positions in calls expiring in March. Traders said the skew points to a squeeze above $4,000 if spot demand holds. ';
  const promo =
    'Ether Traders Eye Upside While These Presale Buyers Stack Tokens Not every trade needs a year to play out. Orbitfrog ($ORBF) offers a staking game with a burn on every spin. The presale has passed $2 million. Buy $ORBF Here.';

  it('drops a token promo inserted after the story, from its heading to the closing call', () => {
    const r = cleanChecked(story + promo, 'Ether options open interest hits a record');
    expect(removedBy(r, 'presale-promo')).toEqual([promo]);
    expect(r.text).toBe(story.trim());
  });

  it('keeps the pitch when the headline names the token: the whole piece is about it', () => {
    const r = cleanChecked(story + promo, 'Orbitfrog ($ORBF) presale passes $2 million');
    expect(removedBy(r, 'presale-promo')).toEqual([]);
  });
});
