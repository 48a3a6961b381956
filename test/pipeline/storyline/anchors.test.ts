import { describe, expect, it } from 'vitest';
import { anchorOverlap, headlineKeys, headlineNames, storyAnchors } from '../../../src/pipeline/storyline/anchors.ts';
import { nameTokens } from '../../../src/pipeline/storyline/names.ts';

const groups = (title: string, text: string) => {
  const by = new Map<number, string[]>();
  for (const n of nameTokens(title, text)) by.set(n.group, [...(by.get(n.group) ?? []), n.token]);
  return [...by.values()].map((g) => g.sort()).sort();
};

describe('nameTokens', () => {
  it('splits a run of capitals at a role word and joins the spellings of one name', () => {
    const text = 'Staff at Quillstone Labs left on Monday, chief executive Mira Okafor said. Former Quillstone Labs CEO Mira Okafor declined to comment. Okafor said more later.';
    expect(groups('Staff leave the lab', text)).toEqual([['labs', 'quillstone'], ['mira', 'okafor']]);
  });

  it('treats an acronym as the name it abbreviates', () => {
    expect(groups('Regulator acts', 'The Financial Conduct Authority said on Monday that the FCA would open its gateway.')).toEqual([['authority', 'conduct', 'fca', 'financial']]);
  });

  it('takes a lone word opening a sentence for a name only by its shape (an acronym, an inner capital)', () => {
    expect(nameTokens('Markets slip', 'Analysts expect more. DOJ filed a motion. BitMine bought ether. Tidewell paused.').map((n) => n.token).sort()).toEqual(['bitmine', 'doj']);
  });

  it('reads a sentence-case headline, not a Title Case one', () => {
    expect(nameTokens('Traders leave as exchange Marrowgate halts withdrawals', '').map((n) => n.token)).toEqual(['marrowgate']);
    expect(nameTokens('Exchange Halts Withdrawals After Audit Delay', '')).toEqual([]);
  });

  it('tells Title Case by its content words: small words and figures do not make a sentence-case headline look styled', () => {
    // 'Hackers', 'M' (of $31M) and 'Quillstone' are three capitals of five words, but of three content words two
    expect(nameTokens('Hackers steal $31M from Quillstone', '').map((n) => n.token)).toEqual(['quillstone']);
    expect(nameTokens('Hackers Steal $31M From the Quillstone Bridge', '')).toEqual([]);
  });

  it('leaves out coins, generic acronyms and calendar words, but keeps an ambiguous coin symbol that is also a name', () => {
    const tokens = nameTokens('Funds move', 'Inflows to Bitcoin and Solana ETFs rose on Monday in January, while Donald Trump spoke about AI.').map((n) => n.token);
    expect(tokens).toEqual(expect.arrayContaining(['donald', 'trump']));
    for (const t of ['bitcoin', 'solana', 'etfs', 'monday', 'january', 'ai']) expect(tokens).not.toContain(t);
  });
});

describe('storyAnchors and anchorOverlap', () => {
  const features = new Map([
    ['w:quillstone', 0.4],
    ['w:okafor', 0.3],
    ['w:mira', 0.2],
    ['n:$31m', 0.3],
    ['n:$31m stolen', 0.25],
    ['n:2026', 0.3],
    ['n:12%', 0.3],
    ['n:$90k', 0.3],
    ['w:bridge', 0.5],
  ]);
  const names = [
    { token: 'quillstone', group: 0 },
    { token: 'mira', group: 1 },
    { token: 'okafor', group: 1 },
  ];

  it('keeps names and large figures with their feature weights; not years, percentages, price levels or common words', () => {
    const anchors = storyAnchors(names, features);
    expect(anchors.map((a) => a.key)).toEqual(['w:quillstone', 'n:$31m', 'w:okafor', 'n:$31m stolen', 'w:mira']);
    expect(anchors.find((a) => a.key === 'n:$31m stolen')!.group).toBe('n:$31m');
  });

  it('counts distinct names and figures shared, not their words', () => {
    const a = storyAnchors(names, features);
    const b = [
      { key: 'w:mira', group: 'g4', weight: 0.3 },
      { key: 'w:okafor', group: 'g4', weight: 0.3 },
      { key: 'n:$31m', group: 'n:$31m', weight: 0.1 },
    ];
    const o = anchorOverlap(a, b);
    expect(o.things).toBe(2);
    expect(o.keys.sort()).toEqual(['n:$31m', 'w:mira', 'w:okafor']);
    expect(o.weight).toBeCloseTo(0.3 + 0.2 + 0.1, 3);
  });

  it('finds a shared name or figure in a headline, a figure by its amount', () => {
    const h = headlineKeys('Trump-Powell feud: bitcoin reacts as $31 million leaves funds');
    expect(headlineNames(h, ['w:powell'])).toBe(true);
    expect(headlineNames(h, ['n:$31m stolen'])).toBe(true);
    expect(headlineNames(h, ['w:okafor', 'n:$32m'])).toBe(false);
  });
});
