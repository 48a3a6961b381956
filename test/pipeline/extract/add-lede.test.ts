import { describe, expect, it } from 'vitest';
import { addLede, shownLede } from '../../../src/pipeline/extract/add-lede.ts';
import { parseLight } from '../../../src/dom/light.ts';

const LEDE = 'The token unlock adds 4% to circulating supply, and traders have been shorting ahead of it all week.';
const BODY = 'Arbitrum will release 92 million ARB to early backers on Saturday, its largest unlock since March.';

const shown = (html: string, description = LEDE) => shownLede([description], html, parseLight(html).body);

describe('addLede', () => {
  it('puts the standfirst shown on the page in front of a body that lacks it', () => {
    const html = `<html><head></head><body><p class="standfirst">${LEDE}</p><div>${BODY}</div></body></html>`;
    expect(addLede(BODY, shown(html))).toBe(`${LEDE}\n\n${BODY}`);
  });

  it('leaves the text alone when the description exists only in <head>', () => {
    const html = `<html><head><meta name="description" content="${LEDE}"></head><body><p>${BODY}</p></body></html>`;
    expect(shown(html)).toBeNull();
    expect(addLede(BODY, shown(html))).toBe(BODY);
  });

  it('does not repeat a standfirst the text already holds', () => {
    const html = `<body><p>${LEDE}</p><p>${BODY}</p></body>`;
    expect(addLede(`${LEDE}\n\n${BODY}`, shown(html))).toBe(`${LEDE}\n\n${BODY}`);
  });

  it('ignores a short tagline', () => {
    expect(shown('<body>Crypto news, daily.</body>', 'Crypto news, daily.')).toBeNull();
  });

  it('takes the summary the page shows when its meta descriptions differ', () => {
    const teaser = 'Everything you need to know about this weekend’s unlock, in one short read for busy traders.';
    const html = `<html><head></head><body><p class="standfirst">${LEDE}</p><div>${BODY}</div></body></html>`;
    expect(shownLede([teaser, LEDE], html, parseLight(html).body)).toBe(LEDE);
    expect(shownLede([teaser], html, parseLight(html).body)).toBeNull();
  });

  it('recognises the standfirst when the markup spells it with a line break, an entity or a bold word', () => {
    const lede = 'Zürich’s exchange lists the first tokenised bond fund, open to retail investors from Monday.';
    const html = `<html><head></head><body><p class="lead"><b>Z&uuml;rich&#8217;s</b> exchange lists the first
      tokenised bond fund, open to retail investors from Monday.</p><div>${BODY}</div></body></html>`;
    expect(html.includes(lede.slice(0, 40))).toBe(false);
    expect(addLede(BODY, shown(html, lede))).toBe(`${lede}\n\n${BODY}`);
  });
});
