import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('byline', () => {
  it('drops a glued byline with editor and update stamps', () => {
    const text = 'Lenders pulled back as funding rates turned negative.ByMaria OkaforEdited byTom HaleUpdatedMar 3, 2026, 4:10 p.m.PublishedMar 3, 2026, 3:55 p.m.What to know:Funding turned negative.';
    const r = cleanChecked(text);
    expect(removedBy(r, 'byline')).toEqual(['ByMaria OkaforEdited byTom HaleUpdatedMar 3, 2026, 4:10 p.m.PublishedMar 3, 2026, 3:55 p.m.']);
    expect(r.text).toContain('What to know:Funding turned negative.');
  });

  it('drops a source line with a date and reading time', () => {
    const r = cleanChecked('Gold edges higher as the dollar slipsReutersJohn SmithTue, Mar 3, 2026, 9:12 AM3 min readGold rose on Tuesday.', 'Gold edges higher as the dollar slips');
    expect(r.text).toBe('Gold rose on Tuesday.');
  });

  it('drops a lower-case "by" credit with a date but keeps "by" inside a sentence', () => {
    const r = cleanChecked('by Editorial Team Mar. 3, 2026\nThe fund was launched by Grayscale on Monday.');
    expect(r.text).toBe('The fund was launched by Grayscale on Monday.');
  });

  it('drops agency credits and editor disclosures', () => {
    const r = cleanChecked(
      'Prices held steady.(Reporting by Ann Lee; Editing by Bo Chan)\nDisclosure: This article was edited by Sam Ortiz. For more information on our editing process, see our Editorial Standards .',
    );
    expect(r.text).toBe('Prices held steady.');
    expect(r.removed.every((s) => s.category === 'byline')).toBe(true);
  });
});

describe('byline: an author line of any site, alone on its line', () => {
  const A = 'Solvane shares rose 4% on Tuesday after the lender reported record deposits.';
  const B = 'The bank said inflows came mostly from asset managers in Europe.';

  it('drops a labelled name, a reporting credit, a name with a staff title, a name with its date and reading time', () => {
    for (const line of ['Author: Jane Roe', 'Reported by Jane Roe in Lisbon', 'Written by Jane Roe | Edited by John Doe', 'Jane Roe, Senior Reporter', 'Jane Roe · Oct 3, 2025 · 4 min read']) {
      const r = cleanChecked(`${A}\n${line}\n${B}`);
      expect(r.text).toBe(`${A}\n\n${B}`);
      expect(removedBy(r, 'byline').map((x) => x.trim())).toEqual([line]);
    }
  });

  it('keeps a line that goes on after the name, and a name with a title inside a sentence', () => {
    for (const prose of ['Reported by Jane Roe in Lisbon, the deal was signed on Friday.', 'Jane Roe, Senior Reporter at the bank, said the vault opened late.']) {
      expect(cleanChecked(`${A}\n${prose}\n${B}`).text).toContain(prose);
    }
  });
});
