import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/pipeline/extract/index.ts';
import { parseWithLinkedom } from '../../../src/dom/linkedom.ts';
import { parseWithJsdom } from '../../../src/dom/jsdom.ts';
import { parseLight } from '../../../src/dom/light.ts';
import { FIXTURES, fixture } from './helpers.ts';

describe('DOM parity', () => {
  for (const name of FIXTURES) {
    it(`extracts the same text, title and method on linkedom as on jsdom (${name})`, () => {
      const html = fixture(name);
      const url = 'https://news.example/2026/03/story';
      const onLinkedom = extract(html, { parseHTML: parseWithLinkedom, url });
      const onJsdom = extract(html, { parseHTML: parseWithJsdom, url });
      expect(onLinkedom).not.toBeNull();
      expect(onLinkedom).toEqual(onJsdom);
    });

    it(`extracts the same with the light DOM for the first look as with linkedom alone (${name})`, () => {
      const html = fixture(name);
      const url = 'https://news.example/2026/03/story';
      expect(extract(html, { parseHTML: parseWithLinkedom, parseLight, url })).toEqual(extract(html, { parseHTML: parseWithLinkedom, url }));
    });
  }
});
