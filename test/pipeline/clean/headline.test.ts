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

  it('keeps the title words when a sentence runs on from them in lower case', () => {
    const title = 'Gleamfield Wallet Launches';
    const text = 'Last spring the Gleamfield Wallet launches were delayed twice.\nThe Gleamfield Wallet Launches page lists the dates.';
    const r = cleanChecked(`Gleamfield Wallet Launches\n${text}`, title);
    expect(removedBy(r, 'duplicate-title')).toEqual(['Gleamfield Wallet Launches']);
    expect(r.text).toBe('Last spring the Gleamfield Wallet launches were delayed twice.\n\nThe Gleamfield Wallet Launches page lists the dates.');
  });

  it('keeps the title words that end a sentence begun before them', () => {
    const text = 'Heute geht es um Moos und Farne. Wer mitmachen will, meldet sich bis Freitag.';
    expect(cleanChecked(text, 'Moos und Farne').text).toBe(text);
    expect(cleanChecked(`Moos und Farne\n${text}`, 'Moos und Farne').text).toBe(text);
  });

  it('still drops a copy followed by its byline', () => {
    const r = cleanChecked('Markets Ether Climbs Past Resistance by Jo Park. Ether rose 5% on Monday.', 'Ether Climbs Past Resistance');
    expect(removedBy(r, 'duplicate-title')).toEqual(['Ether Climbs Past Resistance']);
  });

  it('finds a copy whatever the case of its first letter, after letters like it inside an entity', () => {
    const title = 'Mintbrook Opens Vaults';
    // "&mu;" holds the key's first letter; the copy after it starts with a capital, the second with a lower-case letter
    const r = cleanChecked('&mu;MINTBROOK OPENS VAULTS\nThe vaults open on Friday.\nmintbrook opens vaults', title);
    expect(removedBy(r, 'duplicate-title')).toEqual(['MINTBROOK OPENS VAULTS', 'mintbrook opens vaults']);
  });

  it('does not start a copy on a letter inside an entity', () => {
    // "&amp;" then "leforth …" would spell the title if the entity's letters counted: they do not
    const r = cleanChecked('Fees &amp;leforth ledger rises\nThe ledger rose.', 'Ampleforth Ledger Rises');
    expect(removedBy(r, 'duplicate-title')).toEqual([]);
  });

  it('reads the Kelvin sign as a "k", as lower-casing does', () => {
    const r = cleanChecked('\u212Aestrel Lists Tokens\nThe exchange lists two tokens.', 'Kestrel Lists Tokens');
    expect(removedBy(r, 'duplicate-title')).toEqual(['\u212Aestrel Lists Tokens']);
  });

  it('leaves a one-word title alone', () => {
    expect(cleanChecked('Bitcoin fell.', 'Bitcoin').text).toBe('Bitcoin fell.');
  });

  it("drops a page's headline copy when the page title carries the site's name after a bar or a spaced dash", () => {
    const body = 'The council voted on Tuesday to close the old bridge for the summer.';
    for (const title of ['Council shuts the old bridge | The Riverside Herald', 'Council shuts the old bridge - Riverside Herald | Local News, Weather']) {
      const r = cleanChecked(`Council shuts the old bridge${body}`, title);
      expect(removedBy(r, 'duplicate-title')).toEqual(['Council shuts the old bridge']);
      expect(r.text).toBe(body);
    }
  });

  it("keeps a title's first clause when what follows the dash is the headline's own second clause, or the clause is in a sentence", () => {
    const text = 'Fees rose again.Cheap altcoins under $1 drew buyers all week, and volumes doubled.';
    expect(cleanChecked(text, 'Cheap Altcoins Under $1 — Best Tokens to Buy Now With ADA and SHIB on Watchlists').text).toBe(text);
    const inSentence = 'Buyers looked for cheap altcoins under $1 . Volumes doubled.';
    expect(cleanChecked(inSentence, 'Cheap Altcoins Under $1 | Coin Ledger').text).toBe(inSentence);
  });

  it("keeps a line of the story that ends on the headline without the site's name after a word, drops the copy standing alone", () => {
    const text = 'Seven Ways to Mend a Bike\n\nMost riders can fix a chain at home.\n\nMy Seven Ways to Mend a Bike\n\n1. Carry a spare link.';
    const r = cleanChecked(text, 'Seven Ways to Mend a Bike | Riverside Cycling');
    expect(removedBy(r, 'duplicate-title')).toEqual(['Seven Ways to Mend a Bike']);
    expect(r.text).toContain('My Seven Ways to Mend a Bike');
  });

  it('drops a copy the page cut short with an ellipsis when it holds half the title or more, keeps a few first words', () => {
    const title = 'Council shuts the old bridge over the river for repairs';
    const body = 'The council voted on Tuesday to close the old bridge for the summer.';
    const r = cleanChecked(`Local News |Council shuts the old bridge over the river,…${body}`, title);
    expect(removedBy(r, 'duplicate-title')).toEqual(['Council shuts the old bridge over the river,…']);
    const short = `Council shuts the old…${body}`;
    expect(removedBy(cleanChecked(short, title), 'duplicate-title')).toEqual([]);
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

  it('with a title, keeps a first line that is the article\'s dek or dateline', () => {
    const dek = 'Die Genossenschaft plant zwei neue Windparks an der Küste';
    const text = `${dek}\nBremen, 12.03.2024 - Der Vorstand stellte die Pläne am Dienstag vor.`;
    expect(cleanChecked(text, 'Windkraft: Genossenschaft baut aus').text).toBe(`${dek}\n\nBremen, 12.03.2024 - Der Vorstand stellte die Pläne am Dienstag vor.`);
    const quote = '“We were never short of time, only of patience”';
    expect(cleanChecked(`${quote}\nThe essay opens with a line from a letter.`, 'On Patience').text).toBe(`${quote}\n\nThe essay opens with a line from a letter.`);
  });

  it('with a title, keeps a pull quote printed twice at the top', () => {
    const quote = 'Weber: “Die Gemeinden sollen als Ansprechpartner bereitstehen”';
    const r = cleanChecked(`${quote}\n${quote}\nDie Kirche lockert ihre Regeln ab Montag.`, 'Gottesdienste bleiben möglich');
    expect(removedBy(r, 'headline-line')).toEqual([]);
  });

  it('with a title, drops a first line that is a variant of it or another Title Case headline', () => {
    const variant = cleanChecked('Mehr Transparenz bei Gebühren\nBanken müssen Änderungen ankündigen.', 'Ministerium | Transparenz bei Gebühren');
    expect(removedBy(variant, 'headline-line')).toEqual(['Mehr Transparenz bei Gebühren']);
    const print = cleanChecked('Senate Weighs Stablecoin Rules Again\nWASHINGTON — The Senate took up the bill on Tuesday.', 'Lawmakers revive stablecoin bill');
    expect(removedBy(print, 'headline-line')).toEqual(['Senate Weighs Stablecoin Rules Again']);
  });

  it('leaves flattened text with no line breaks to the title rule', () => {
    const text = 'Markets barely moved after the decision, traders said.';
    expect(cleanChecked(text).text).toBe(text);
  });
});

describe('case folding beyond ASCII', () => {
  it('only the Kelvin sign lower-cases to an ASCII letter or digit (duplicate-title jumps between the ASCII cases)', () => {
    const folding: number[] = [];
    for (let c = 128; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const lower = ch.toLowerCase();
      if (/[\p{L}\p{N}]/u.test(ch) && lower.length === 1 && lower.charCodeAt(0) < 128) folding.push(c);
    }
    expect(folding).toEqual([0x212a]);
  });
});
