/**
 * decode: response bytes -> text. The charset comes, in order, from a byte-order mark, the byte pattern of a document
 * that starts with '<' in UTF-16 or UTF-32 (XML 1.0 appendix F), the Content-Type header, an XML declaration, an HTML
 * meta tag; else UTF-8. Bytes that are not UTF-8 where UTF-8 was declared or assumed are detected (chardet) rather
 * than turned into U+FFFD, and that is said in `recoveries`. Never throws.
 */
import chardet from 'chardet';

const SNIFF_BYTES = 2048; // where a charset declaration must appear, per the HTML spec's prescan
/** chardet reads this much: enough text to tell KOI8-R from windows-1251, cheap on a 5 MB feed. */
const DETECT_BYTES = 64 * 1024;

export interface Decoded {
  text: string;
  charset: string; // the WHATWG name the text was decoded with, e.g. 'utf-8', 'windows-1252', 'koi8-r', 'utf-32be'
  recoveries: string[]; // what was not as declared, e.g. 'no charset declared and the bytes are not UTF-8: read as koi8-r'
}

/** Charset from, in order: a byte-order mark, a UTF-16/32 byte pattern, the Content-Type header, an XML declaration, an HTML meta tag. */
export function detectCharset(contentType: string | null, bytes: Uint8Array): string {
  return bomCharset(bytes) ?? patternCharset(bytes) ?? declaredCharset(contentType, bytes) ?? 'utf-8';
}

function bomCharset(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'utf-32le'; // before UTF-16LE, whose BOM it starts with
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'utf-32be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** A document without a BOM that starts with '<' (or white space) shows its code unit width in its zero bytes. */
function patternCharset(b: Uint8Array): string | null {
  if (b.length < 4) return null;
  const ascii = (x: number) => x === 0x3c || x === 0x20 || x === 0x0a || x === 0x0d || x === 0x09;
  if (b[0] === 0 && b[1] === 0 && b[2] === 0 && ascii(b[3])) return 'utf-32be';
  if (ascii(b[0]) && b[1] === 0 && b[2] === 0 && b[3] === 0) return 'utf-32le';
  if (b[0] === 0 && ascii(b[1]) && b[2] === 0 && b[3] !== 0) return 'utf-16be';
  if (ascii(b[0]) && b[1] === 0 && b[2] !== 0 && b[3] === 0) return 'utf-16le';
  return null;
}

function declaredCharset(contentType: string | null, bytes: Uint8Array): string | null {
  const fromHeader = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
  if (fromHeader) return normalizeLabel(fromHeader);
  const head = latin1(bytes.subarray(0, SNIFF_BYTES));
  const fromXml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i)?.[1];
  if (fromXml) return normalizeLabel(fromXml);
  const fromMeta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
  if (fromMeta) return normalizeLabel(fromMeta);
  return null;
}

function normalizeLabel(label: string): string {
  const l = label.trim().toLowerCase();
  // WHATWG: these labels all mean windows-1252.
  if (['latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'ascii', 'us-ascii', 'cp1252', 'windows-1252', 'x-cp1252'].includes(l)) {
    return 'windows-1252';
  }
  if (l === 'utf8') return 'utf-8';
  if (l === 'utf-32' || l === 'ucs-4' || l === 'iso-10646-ucs-4') return 'utf-32be'; // without a BOM, big-endian
  return l;
}

/** windows-1252's 0x80-0x9F block; the rest of the byte range is Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeBytes(bytes: Uint8Array, charset: string): string {
  if (charset === 'windows-1252') {
    // Decoded by table: not every runtime's TextDecoder knows legacy single-byte encodings.
    let out = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      const part = bytes.subarray(i, i + 8192);
      out += String.fromCharCode(...part.map((b) => b));
    }
    return out.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
  if (charset === 'utf-32le' || charset === 'utf-32be') return decodeUtf32(bytes, charset === 'utf-32le');
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // unknown label: UTF-8 with replacement characters, never a throw
  }
}

/** UTF-32 is not in the WHATWG Encoding Standard, so no TextDecoder has it. A BOM is dropped; bad code points become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, little: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, little);
    if (i === 0 && cp === 0xfeff) continue;
    chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** Charsets a document can be decoded with here: every WHATWG label TextDecoder knows, and UTF-32. */
function decodable(charset: string): boolean {
  if (charset === 'utf-32le' || charset === 'utf-32be' || charset === 'windows-1252') return true;
  try {
    new TextDecoder(charset);
    return true;
  } catch {
    return false;
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * A feed's bytes as text. Where the charset is UTF-8 (declared, or assumed for want of a declaration) but the bytes
 * are not, the charset is detected from the bytes; a detected name this runtime cannot decode falls back to
 * windows-1252, which maps every byte to a character, as browsers do for undeclared legacy pages.
 */
export function decodeFeed(bytes: Uint8Array, contentType: string | null): Decoded {
  const recoveries: string[] = [];
  const bom = bomCharset(bytes);
  const pattern = bom ? null : patternCharset(bytes);
  const declared = bom || pattern ? null : declaredCharset(contentType, bytes);
  let charset = bom ?? pattern ?? declared ?? 'utf-8';
  if (pattern) recoveries.push(`${charset.toUpperCase()} without a byte-order mark`);
  if (!bom && !pattern && charset !== 'utf-8' && !decodable(charset)) {
    recoveries.push(`unknown charset ${JSON.stringify(charset)}: read as UTF-8`);
    charset = 'utf-8';
  }
  if (charset === 'utf-8' && !isUtf8(bytes)) {
    const guess = detectLegacy(bytes);
    recoveries.push(`${declared ? 'declared UTF-8' : 'no charset declared'} and the bytes are not UTF-8: read as ${guess}`);
    charset = guess;
  }
  let text = decodeBytes(bytes, charset);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is not content (TextDecoder keeps it for non-UTF-8 labels)
  return { text, charset, recoveries };
}

function detectLegacy(bytes: Uint8Array): string {
  const name = chardet.detect(bytes.subarray(0, DETECT_BYTES));
  const label = name ? normalizeLabel(name) : 'windows-1252';
  return label !== 'utf-8' && decodable(label) ? label : 'windows-1252';
}

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}
