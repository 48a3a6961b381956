import { describe, expect, it } from 'vitest';
import { decodeBytes, detectCharset } from '../../src/ingest/fetch-politely.ts';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('charset detection and decoding', () => {
  it('prefers the header, then the XML declaration, then a meta tag, else UTF-8', () => {
    expect(detectCharset('application/xml; charset=ISO-8859-1', bytes('<?xml version="1.0" encoding="utf-8"?>'))).toBe('windows-1252');
    expect(detectCharset('application/xml', bytes('<?xml version="1.0" encoding="windows-1252"?><rss/>'))).toBe('windows-1252');
    expect(detectCharset('text/html', bytes('<html><head><meta charset="shift_jis">'))).toBe('shift_jis');
    expect(detectCharset(null, bytes('<rss/>'))).toBe('utf-8');
    expect(detectCharset('text/xml; charset=utf-8', new Uint8Array([0xff, 0xfe, 0x3c, 0x00]))).toBe('utf-16le');
  });
  it("decodes windows-1252's curly quotes and euro sign, which Latin-1 lacks", () => {
    expect(decodeBytes(new Uint8Array([0x93, 0x80, 0x35, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x92, 0x73]), 'windows-1252')).toBe('“€5” café’s');
  });
  it('never throws on an unknown label: UTF-8 with replacement characters', () => {
    expect(decodeBytes(new Uint8Array([0x68, 0x69, 0xff]), 'x-klingon')).toBe('hi\ufffd');
  });
});
