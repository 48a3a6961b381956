import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanChecked } from './helpers.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const fixture = (name: string) => readFileSync(path.join(here, 'fixtures', name), 'utf8');

describe('clean on seed-like pages', () => {
  it('keeps the article sentences of a page with a hashtag line and a ticker strip, drops the page furniture', () => {
    const { text, removed } = cleanChecked(fixture('hashtag-ticker-page.txt'));
    expect(text).toContain('On Tuesday, blockchain investigators said wallets tied to the Lazarus Group');
    expect(text).toContain('Bitcoin rose 3% to $64,000 on Monday while the transfers were still under way');
    expect(text).not.toMatch(/top of page|bottom of page/);
    expect(text).not.toContain('#bridgehack');
    expect(text).not.toContain('bitcoinBitcoin$64,012.33');
    expect(text).not.toContain('solanaSolana');
    expect(text).not.toContain('Lazarus-linked wallets move $40 million through a cross-chain bridge');
    expect(removed.map((s) => s.category)).toEqual(expect.arrayContaining(['site_chrome', 'duplicate_title', 'hashtags', 'ticker']));
  });

  it('drops a headline repeated at the top, the author blurb and "Leave a Comment", keeps the body', () => {
    const { text } = cleanChecked(fixture('repeated-headline-blurb.txt'));
    expect(text.startsWith('Data from on-chain analytics firms showed')).toBe(true);
    expect(text).not.toContain('Exchange outflows hit a six-month high');
    expect(text).not.toContain('is a freelance journalist');
    expect(text).not.toContain('Leave a Comment');
    expect(text).not.toContain('ethereumEthereum');
    expect(text).toContain('a pattern usually linked to self-custody.');
  });

  it('cleans the two real seed articles from ../shared/seeds the same way', () => {
    const dir = path.resolve(repoRoot, '..', 'shared', 'seeds');
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    expect(files.length).toBe(2);
    const [first, second] = files.map((f) => cleanChecked(readFileSync(path.join(dir, f), 'utf8')));

    expect(first.text).toContain('a confidential U.N. report stated that North Korea has earned');
    expect(first.text).toContain('stolen nearly $88,000 worth of bitcoin between the year of 2013 and 2015.');
    expect(first.text).not.toMatch(/top of page|bottom of page|#cryptocurrency|#northkorea/);
    expect(first.text).not.toContain('North Korea funds weapons programs from the $2 billion through cyberattacks');

    expect(second.text).toContain('U.N. Security Council has reported that there have been highly sophisticated');
    expect(second.text).toContain('however it has not happened.');
    expect(second.text).not.toContain('North Korea uses cyber-attacks to fund its missile programs.');
    expect(second.text).not.toMatch(/bitcoinBitcoin|ethereumEthereum|bitcoin-cashBitcoin Cash/);
    expect(second.text).not.toContain('is a freelance journalist');
    expect(second.text).not.toContain('Leave a Comment');
  });
});
