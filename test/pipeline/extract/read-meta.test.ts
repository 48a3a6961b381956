import { describe, expect, it } from 'vitest';
import { readMeta } from '../../../src/pipeline/extract/read-meta.ts';
import { parseLight } from '../../../src/dom/light.ts';

describe('readMeta', () => {
  it('lists every distinct summary the page gives, Open Graph first, and keeps the first as the description', () => {
    const html = `<html><head><meta name="description" content="The plain summary of the story.">
      <meta property="og:description" content="The summary written for sharing.">
      <meta name="twitter:description" content="The summary written for sharing."></head><body></body></html>`;
    const meta = readMeta(parseLight(html));
    expect(meta.description).toBe('The summary written for sharing.');
    expect(meta.descriptions).toEqual(['The summary written for sharing.', 'The plain summary of the story.']);
  });
});
