import { describe, expect, it } from 'vitest';
import { hoistStrayPrefix } from '../../../src/pipeline/extract/stray-prefix.ts';
import { extract } from '../../../src/pipeline/extract/index.ts';
import { parseWithLinkedom } from '../../../src/dom/linkedom.ts';

const BODY = [
  'The Ostrava city council approved a pilot that lets residents pay parking fees with a stablecoin wallet.',
  'The pilot runs for six months in two districts, and the council will publish the number of payments each month.',
  'A payment processor converts every payment into koruna the same day, so the city never holds the coins itself.',
];

// A server warning printed before the doctype, and template tags emitted before <html>.
const page = (prefix: string) => `${prefix}<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"></head>
<body><nav><a href="/">Home</a></nav><article><h1>City pilots stablecoin parking fees</h1>
${BODY.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;

describe('hoistStrayPrefix', () => {
  it('reads the article of a page with a server warning printed before its doctype', () => {
    const warning = '<br />\n<b>Warning</b>: include(cache.php): failed to open stream in <b>/srv/www/index.php</b> on line <b>12</b><br />\n';
    const got = extract(page(warning), { parseHTML: parseWithLinkedom })!;
    for (const p of BODY) expect(got.text).toContain(p);
    expect(got.text).not.toContain('failed to open stream');
  });

  it('keeps a title and description emitted before <html> as the page metadata', () => {
    const tags =
      '<title>City pilots stablecoin parking fees</title><meta name="description" content="Residents of two districts can pay for parking with a stablecoin wallet for six months.">\n';
    const got = extract(page(tags), { parseHTML: parseWithLinkedom })!;
    for (const p of BODY) expect(got.text).toContain(p);
    expect(got.title).toBe('City pilots stablecoin parking fees');
  });

  it('leaves a page that starts with its doctype, or white space, as it is', () => {
    expect(hoistStrayPrefix(page(''))).toBe(page(''));
    expect(hoistStrayPrefix(page('\n  \n'))).toBe(page('\n  \n'));
    expect(hoistStrayPrefix('<p>a fragment without a document</p>')).toBe('<p>a fragment without a document</p>');
  });
});
