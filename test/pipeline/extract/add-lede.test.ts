import { describe, expect, it } from 'vitest';
import { addLede } from '../../../src/pipeline/extract/add-lede.ts';

const LEDE = 'The token unlock adds 4% to circulating supply, and traders have been shorting ahead of it all week.';
const BODY = 'Arbitrum will release 92 million ARB to early backers on Saturday, its largest unlock since March.';

describe('addLede', () => {
  it('puts the standfirst shown on the page in front of a body that lacks it', () => {
    const html = `<html><head></head><body><p class="standfirst">${LEDE}</p><div>${BODY}</div></body></html>`;
    expect(addLede(BODY, LEDE, html)).toBe(`${LEDE}\n\n${BODY}`);
  });

  it('leaves the text alone when the description exists only in <head>', () => {
    const html = `<html><head><meta name="description" content="${LEDE}"></head><body><p>${BODY}</p></body></html>`;
    expect(addLede(BODY, LEDE, html)).toBe(BODY);
  });

  it('does not repeat a standfirst the text already holds', () => {
    const html = `<body><p>${LEDE}</p><p>${BODY}</p></body>`;
    expect(addLede(`${LEDE}\n\n${BODY}`, LEDE, html)).toBe(`${LEDE}\n\n${BODY}`);
  });

  it('ignores a short tagline', () => {
    expect(addLede(BODY, 'Crypto news, daily.', '<body>Crypto news, daily.</body>')).toBe(BODY);
  });
});
