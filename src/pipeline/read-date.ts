/**
 * read-date: a feed's date string -> epoch milliseconds, or null when it cannot be read.
 * W3C-DTF / ISO 8601 (Atom, dc:date, dcterms:*; also the basic form 20040101T194821Z, and 2004/01/01 as some
 * feeds write it) and RFC 822 (RSS pubDate).
 * A date without a zone is UTC, never the reading machine's local time.
 */

const W3CDTF = /^(\d{4})(?:[-/]?(\d{2})(?:[-/]?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
/** An RFC 822 date ends in a zone: a name, a military letter, or an offset. */
const HAS_ZONE = /(?:\b(?:GMT|UTC?|[ECMP][SD]T|Z|[A-IK-Y])|[+-]\d{2}:?\d{2}|\([A-Z]{2,5}\))\s*$/i;

const MONTH = /(?:^|[^a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

const MAX_DATE_CHARS = 100; // the longest real date string is ~40 characters; longer is text, not a date

export function readDate(value: string | null | undefined): number | null {
  const v = value?.trim();
  if (!v || v.length > MAX_DATE_CHARS) return null;
  const iso = W3CDTF.exec(v);
  if (iso) {
    const [, y, mo = '01', d = '01', h = '00', mi = '00', sec = '00', frac = '', zone = 'Z'] = iso;
    const ms = frac ? Math.round(Number('0.' + frac) * 1000) : 0;
    let t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec, ms);
    if (new Date(t).getUTCDate() !== +d || +h > 24 || +mi > 59 || +sec > 60) return null; // 30 February is not a day
    const off = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (off) t -= (off[1] === '-' ? -1 : 1) * (+off[2] * 60 + +(off[3] ?? 0)) * 60_000;
    return t;
  }
  // RFC 822 and its variants: the engine's parser reads them, but takes a date without a zone as local time, and
  // makes a date of nearly anything ("Mon 5" is May 2001): a month's name and a year or time must be there.
  if (!MONTH.test(v) || !/\d{2}/.test(v)) return null;
  const t = Date.parse(HAS_ZONE.test(v) ? v : `${v} GMT`);
  return Number.isNaN(t) ? null : t;
}
