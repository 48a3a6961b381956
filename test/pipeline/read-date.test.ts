import { describe, expect, it } from 'vitest';
import { readDate } from '../../src/pipeline/read-date.ts';

const iso = (s: string) => {
  const t = readDate(s);
  return t === null ? null : new Date(t).toISOString();
};

describe('readDate', () => {
  it('reads W3C-DTF and ISO 8601, basic and partial forms, a date without a zone as UTC', () => {
    expect(iso('2003-12-31T10:14:55-08:00')).toBe('2003-12-31T18:14:55.000Z');
    expect(iso('2003-12-31T10:14:55.25Z')).toBe('2003-12-31T10:14:55.250Z');
    expect(iso('20031231T101455Z')).toBe('2003-12-31T10:14:55.000Z');
    expect(iso('2004-01-01 19:48:21')).toBe('2004-01-01T19:48:21.000Z');
    expect(iso('2003-12')).toBe('2003-12-01T00:00:00.000Z');
    expect(iso('2026/03/10 08:15:00')).toBe('2026-03-10T08:15:00.000Z');
  });
  it('reads RFC 822 with offsets, zone names, two-digit years, and none (UTC)', () => {
    expect(iso('Thu, 01 Jan 2004 19:48:21 +0100')).toBe('2004-01-01T18:48:21.000Z');
    expect(iso('Thu, 01 Jan 2004 19:48:21 EST')).toBe('2004-01-02T00:48:21.000Z');
    expect(iso('Thu, 01 Jan 04 19:48:21 GMT')).toBe('2004-01-01T19:48:21.000Z');
    expect(iso('Thu, 01 Jan 2004 19:48:21')).toBe('2004-01-01T19:48:21.000Z');
  });
  it('reads no date into what is not one: words, a weekday and a number, 30 February', () => {
    for (const s of ['the tenth of March, around lunch', 'Mon 5', '2004-02-30', '', 'soon']) expect(iso(s), s).toBeNull();
  });
});
