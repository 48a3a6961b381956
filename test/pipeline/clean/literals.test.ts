import { describe, expect, it } from 'vitest';
import { isRegexSpace } from '../../../src/pipeline/clean/ascii.ts';
import { holdsLiteral, literalId, shapes } from '../../../src/pipeline/clean/literals.ts';
import { lastAtOrBefore, lastIndexOfAny, sentenceEnd, sentenceEndAmong } from '../../../src/pipeline/clean/sentences.ts';

/** Long enough (SCAN_MIN_CHARS) that the one-scan index answers, not `includes`. */
const filler = 'Bitcoin traded sideways through the session while volumes stayed thin. '.repeat(5);

describe('literals', () => {
  const subscribe = literalId('Subscribe to ');
  const curly = literalId('don’t miss');
  const short = literalId('By ');

  it('answers exactly as includes does for every registered literal, at the start, middle and end of a text', () => {
    const texts = [`Subscribe to ${filler}`, `${filler}Subscribe to our letter ${filler}`, `${filler}Subscribe to `, filler, `${filler}Subscribe t`];
    for (const text of texts) expect(holdsLiteral(text, subscribe)).toBe(text.includes('Subscribe to '));
  });

  it('finds literals beyond ASCII and in texts holding two-byte characters', () => {
    expect(holdsLiteral(`${filler}“Quoted” and don’t miss it`, curly)).toBe(true);
    expect(holdsLiteral(`${filler}“Quoted” and dont miss it`, curly)).toBe(false);
  });

  it('answers a literal shorter than a window, and one registered after the text was scanned', () => {
    const text = `${filler}By Jane Doe, late`;
    expect(holdsLiteral(text, short)).toBe(true);
    expect(holdsLiteral(text, subscribe)).toBe(false);
    const late = literalId('Jane Doe, late');
    expect(holdsLiteral(text, late)).toBe(true);
    expect(holdsLiteral(filler, late)).toBe(false);
  });

  it('answers short texts too (searched directly)', () => {
    expect(holdsLiteral('Subscribe to us', subscribe)).toBe(true);
    expect(holdsLiteral('Subscribe now', subscribe)).toBe(false);
  });
});

describe('lastAtOrBefore', () => {
  it('gives the last offset at or before a place, or -1, as lastIndexOf gives a character', () => {
    const text = 'a\nbc\n\nd';
    const breaks = [1, 4, 5];
    for (let at = 0; at < text.length + 2; at++) expect(lastAtOrBefore(breaks, at)).toBe(text.lastIndexOf('\n', at));
  });
});

describe('lastIndexOfAny', () => {
  it('gives the last offset in a range holding any of the characters, as the greatest lastIndexOf over them does', () => {
    const text = 'One. Two!\nThree? Four。five six';
    const chars = ['.', '!', '?', '\n', '。'];
    const codes = chars.map((c) => c.charCodeAt(0));
    for (let from = 0; from <= text.length; from++) {
      for (let to = from; to <= text.length; to++) {
        const region = text.slice(from, to);
        const last = Math.max(...chars.map((c) => region.lastIndexOf(c)));
        expect(lastIndexOfAny(text, codes, from, to)).toBe(last < 0 ? -1 : from + last);
      }
    }
  });
});

describe('isRegexSpace', () => {
  it('takes exactly the code units a regex\'s \\s takes', () => {
    for (let c = 0; c < 0x10000; c++) expect(isRegexSpace(c)).toBe(/\s/.test(String.fromCharCode(c)));
  });
});

describe('shapes of the one walk', () => {
  it('lists line breaks, stops and closing quotes as unit ends, and every code unit beyond ASCII', () => {
    const text = 'Fees rose. Why?\n“Fine,” he said! Café "ok"';
    const s = shapes(text);
    expect(s.unitEnds.map((i) => text[i])).toEqual(['.', '?', '\n', '”', '!', '"', '"']);
    expect(s.beyondAscii.map((i) => text[i])).toEqual(['“', '”', 'é']);
  });

  it('answers for a short text too, and for the next text, not the one kept', () => {
    expect(shapes('fooBar.').gluedCapitals).toEqual([3]);
    expect(shapes('foo Bar').gluedCapitals).toEqual([]);
    expect(shapes('foo Bar').unitEnds).toEqual([]);
  });
});

describe('sentenceEndAmong', () => {
  it('cuts the sentences sentenceEnd cuts, on invented texts and on random ones over the characters that end them', () => {
    const alphabet = ['a', 'B', ' ', '.', '!', '?', '\n', '"', '”', '“', ')', '(', '’', '\u00a0'];
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const texts = ['Fees rose. Why? “Fine.” He left!\nNext line.', 'U.S. rates at 0.20 held.Then "quoted." (aside.) End', 'x'.repeat(4_500) + '. Tail.'];
    for (let n = 0; n < 200; n++) texts.push(Array.from({ length: 1 + Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    for (const text of texts) {
      const marks = shapes(text).unitEnds;
      for (const to of [text.length, Math.floor(text.length / 2)]) {
        const cursor = { at: 0 };
        for (let s = 0, e = 0; s < to; s = e) {
          e = sentenceEnd(text, s, to);
          expect(sentenceEndAmong(text, s, to, marks, cursor)).toBe(e);
        }
      }
    }
  });
});
