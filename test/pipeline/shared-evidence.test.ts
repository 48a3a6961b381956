import { describe, expect, it } from 'vitest';
import { anchorSurface, highlights, sharedEvidence } from '../../src/pipeline/shared-evidence.ts';

const A = {
  title: 'Tidewell bridge drained of $31 million',
  text: 'Attackers took $31 million in ether from the Quillstone bridge, founder Mira Okafor said. The team paused 14,200 ETH of deposits in 2026.',
  coins: ['ETH'],
};
const B = {
  title: 'Hackers steal $31M from Quillstone',
  text: 'The bridge lost 31 million dollars, said Okafor. Security firm Brackenhall froze 14,200 ETH. In 2026, 3 exchanges helped.',
  coins: ['ETH', 'USDT'],
};

describe('sharedEvidence', () => {
  it('lists the names, figures and coins both stories give, as the first writes them', () => {
    const ev = sharedEvidence(A, B);
    expect(ev.names.sort()).toEqual(['Okafor', 'Quillstone']);
    expect(ev.figures).toEqual(['$31 million', '14,200']);
    expect(ev.coins).toEqual(['ETH']);
  });

  it('finds one figure however its unit is spelled ("40 percent" and "40%", "$2bn" and "$2 billion")', () => {
    const x = { title: 'Fenwater cuts fees by 40 percent', text: 'The exchange holds $2bn of deposits.', coins: [] };
    const y = { title: 'Fenwater fees fall 40%', text: 'Deposits stand at $2 billion.', coins: [] };
    expect(sharedEvidence(x, y).figures).toEqual(['40 percent', '$2bn']);
  });

  it('leaves out years and small counts, which every story has', () => {
    const ev = sharedEvidence(A, B);
    expect(ev.amounts).not.toContain('2026');
    expect(ev.figures.join(' ')).not.toMatch(/\b3\b/);
  });

  it('marks each shared name, figure and coin where it stands in a text, in order, without overlaps', () => {
    const ev = sharedEvidence(A, B);
    const marks = highlights(B.text, ev).map((h) => [h.kind, B.text.slice(h.start, h.end)]);
    expect(marks).toEqual([
      ['name', 'Okafor'],
      ['figure', '14,200'],
      ['coin', 'ETH'],
    ]);
    expect(highlights(A.title + '\n' + A.text, ev).map((h) => h.kind)).toEqual(['figure', 'figure', 'coin', 'name', 'name', 'figure', 'coin']);
  });

  it('writes a storyline anchor key as the text does, or as the key when the text lacks it', () => {
    const text = `${A.title}\n${A.text}`;
    expect(anchorSurface('w:quillstone', text)).toBe('Quillstone');
    expect(anchorSurface('n:$31m', text)).toBe('$31 million');
    expect(anchorSurface('w:brackenhall', text)).toBe('brackenhall');
  });
});
