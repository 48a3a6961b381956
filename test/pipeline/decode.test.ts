import { describe, expect, it } from 'vitest';
import { decodeFeed, detectCharset } from '../../src/pipeline/decode.ts';

const utf16 = (s: string, little: boolean) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out.set(little ? [s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8] : [s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff], i * 2);
  return out;
};
const utf32 = (s: string, little: boolean) => {
  const cps = [...s].map((c) => c.codePointAt(0)!);
  const out = new Uint8Array(cps.length * 4);
  const view = new DataView(out.buffer);
  cps.forEach((cp, i) => view.setUint32(i * 4, cp, little));
  return out;
};
const DOC = '<?xml version="1.0"?><rss><title>Ünïcode ✓ 𝔘</title></rss>';

describe('detectCharset', () => {
  it('knows UTF-16 and UTF-32 by their byte pattern when there is no byte-order mark', () => {
    expect(detectCharset(null, utf16(DOC, true))).toBe('utf-16le');
    expect(detectCharset(null, utf16(DOC, false))).toBe('utf-16be');
    expect(detectCharset(null, utf32(DOC, true))).toBe('utf-32le');
    expect(detectCharset(null, utf32(DOC, false))).toBe('utf-32be');
  });
  it('tells a UTF-32LE byte-order mark from the UTF-16LE one it starts with', () => {
    expect(detectCharset(null, new Uint8Array([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0]))).toBe('utf-32le');
    expect(detectCharset(null, new Uint8Array([0xff, 0xfe, 0x3c, 0]))).toBe('utf-16le');
  });
  it('trusts the byte pattern over a header that names another charset', () => {
    expect(detectCharset('text/xml; charset=utf-8', utf16(DOC, true))).toBe('utf-16le');
  });
});

describe('decodeFeed', () => {
  it('decodes UTF-16 and UTF-32 without a byte-order mark, astral characters included, and says it had to guess', () => {
    for (const [bytes, charset] of [
      [utf16(DOC, true), 'utf-16le'],
      [utf32(DOC, false), 'utf-32be'],
      [utf32(DOC, true), 'utf-32le'],
    ] as const) {
      const d = decodeFeed(bytes, null);
      expect(d.text).toBe(DOC);
      expect(d.charset).toBe(charset);
      expect(d.recoveries).toEqual([`${charset.toUpperCase()} without a byte-order mark`]);
    }
  });
  it('drops a byte-order mark from the text', () => {
    expect(decodeFeed(new Uint8Array([0xff, 0xfe, 0, 0, ...utf32(DOC, true)]), null).text).toBe(DOC);
    expect(decodeFeed(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(DOC)]), null).text).toBe(DOC);
  });
  it('keeps a declared charset and UTF-8 that is valid, with nothing to report', () => {
    const latin = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="iso-8859-1"?><t>caf'), 0xe9, ...new TextEncoder().encode('</t>')]);
    expect(decodeFeed(latin, null)).toEqual({ text: '<?xml version="1.0" encoding="iso-8859-1"?><t>café</t>', charset: 'windows-1252', recoveries: [] });
    expect(decodeFeed(new TextEncoder().encode(DOC), 'application/rss+xml')).toEqual({ text: DOC, charset: 'utf-8', recoveries: [] });
  });
  it('reads bytes that are not the UTF-8 they are declared as by what they are, and says so', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="utf-8"?><t>'), 0x93, 0x4f, 0x4b, 0x94, ...new TextEncoder().encode('</t>')]);
    const d = decodeFeed(bytes, null);
    expect(d.text).toContain('“OK”');
    expect(d.charset).toBe('windows-1252');
    expect(d.recoveries).toEqual(['declared UTF-8 and the bytes are not UTF-8: read as windows-1252']);
  });
  it('reads a charset it does not know as UTF-8 and says so', () => {
    const d = decodeFeed(new TextEncoder().encode('<t>ok</t>'), 'text/xml; charset=x-klingon');
    expect(d).toEqual({ text: '<t>ok</t>', charset: 'utf-8', recoveries: ['unknown charset "x-klingon": read as UTF-8'] });
  });
});
