import { describe, expect, it } from 'vitest';
import { chooseText, FULLER_RATIO, TEASER_CHARS } from '../../src/pipeline/choose-text.ts';

describe('chooseText', () => {
  it("keeps the canonical's own text when it is not a teaser, however long another member is", () => {
    expect(chooseText('a', [{ id: 'a', chars: TEASER_CHARS, kind: 'news' }, { id: 'b', chars: 20_000, kind: 'news' }])).toEqual({ itemId: 'a', fromCanonical: true, reason: null });
  });

  it('takes the fullest member when the canonical is a teaser, and says why', () => {
    const choice = chooseText('a', [
      { id: 'a', chars: 90, kind: 'news' },
      { id: 'b', chars: 1500, kind: 'news' },
      { id: 'c', chars: 2400, kind: 'analysis' },
    ]);
    expect(choice).toMatchObject({ itemId: 'c', fromCanonical: false });
    expect(choice.reason).toMatch(/teaser \(90 characters, under 600\).*fullest member \(2400 characters\)/);
  });

  it('keeps a teaser when the others are hardly fuller, or are advertorials and releases', () => {
    expect(chooseText('a', [{ id: 'a', chars: 300, kind: 'news' }, { id: 'b', chars: 300 * FULLER_RATIO - 1, kind: 'news' }]).fromCanonical).toBe(true);
    expect(chooseText('a', [{ id: 'a', chars: 100, kind: 'news' }, { id: 'b', chars: 5000, kind: 'sponsored' }, { id: 'c', chars: 5000, kind: 'press-release' }]).fromCanonical).toBe(true);
  });
});
