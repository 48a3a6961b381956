import { describe, expect, it } from 'vitest';
import { canonicalUrl, normalizeEntry, parseDate, UnsafeUrlError } from '../../src/pipeline/normalize.ts';
import type { FeedEntry } from '../../src/pipeline/parse-feed.ts';

const entry = (over: Partial<FeedEntry>): FeedEntry => ({ guid: null, link: null, title: null, author: null, published: null, summary: null, content: null, categories: [], ...over });
const ctx = { sourceId: 'harbor-news', baseUrl: 'https://harbor-news.test/feed/', now: Date.UTC(2026, 2, 10, 12) };

describe('canonicalUrl', () => {
  it('drops tracking parameters and the fragment, lower-cases the host and sorts what is left', () => {
    expect(canonicalUrl('https://Harbor-News.TEST/a/b?utm_source=rss&z=2&fbclid=x&a=1#comments')).toBe('https://harbor-news.test/a/b?a=1&z=2');
  });
  it('resolves a relative link against the feed', () => {
    expect(canonicalUrl('../2026/story', 'https://harbor-news.test/feed/')).toBe('https://harbor-news.test/2026/story');
  });
  it('refuses javascript:, data: and other schemes', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://x.test/a', 'mailto:a@b.c']) {
      expect(() => canonicalUrl(bad)).toThrow(UnsafeUrlError);
    }
  });
});

describe('normalizeEntry', () => {
  it('gives the same id to the same article linked with different tracking', () => {
    const a = normalizeEntry(entry({ link: 'https://harbor-news.test/x?utm_medium=feed', title: 'T' }), ctx);
    const b = normalizeEntry(entry({ link: 'https://harbor-news.test/x#top', title: 'T' }), ctx);
    expect(a.ok && b.ok && a.item.id === b.item.id).toBe(true);
  });
  it('turns titles into plain text: scripts go with their content, entities are decoded', () => {
    const r = normalizeEntry(entry({ link: 'https://h.test/1', title: '<script>alert(1)</script>Ether &amp; <em>gas</em> fees fall' }), ctx);
    expect(r.ok && r.item.title).toBe('Ether & gas fees fall');
  });
  it('rejects an entry with an unsafe link, saying why', () => {
    const r = normalizeEntry(entry({ link: 'javascript:void(0)', title: 'Free coins' }), ctx);
    expect(r).toEqual({ ok: false, reason: 'refused javascript: link (only http and https are served)', title: 'Free coins' });
  });
  it('uses the guid when it is a URL and the link is missing', () => {
    const r = normalizeEntry(entry({ guid: 'https://h.test/from-guid', title: 'T' }), ctx);
    expect(r.ok && r.item.url).toBe('https://h.test/from-guid');
  });
});

describe('parseDate', () => {
  it('reads RFC 822 and ISO dates, and falls back to the fetch time for missing, broken or far-future ones', () => {
    expect(parseDate('Tue, 10 Mar 2026 08:15:00 +0000', ctx.now)).toBe(Date.UTC(2026, 2, 10, 8, 15));
    expect(parseDate('2026-03-10T08:15:00Z', ctx.now)).toBe(Date.UTC(2026, 2, 10, 8, 15));
    expect(parseDate(null, ctx.now)).toBe(ctx.now);
    expect(parseDate('someday', ctx.now)).toBe(ctx.now);
    expect(parseDate('2031-01-01T00:00:00Z', ctx.now)).toBe(ctx.now);
  });
});

describe('normalizeEntry: what the feed says about its own fields', () => {
  it('keeps "<" in a title the feed declares as text, strips one level of markup from an HTML one, two from RSS', () => {
    const title = (t: string, titleType?: 'text' | 'html') => {
      const r = normalizeEntry(entry({ link: 'https://h.test/1', title: t, titleType }), ctx);
      return r.ok ? r.item.title : null;
    };
    expect(title('History of the <blink> tag', 'text')).toBe('History of the <blink> tag');
    expect(title('History of the &lt;blink&gt; <b>tag</b>', 'html')).toBe('History of the <blink> tag');
    expect(title('History of the &lt;blink&gt; <b>tag</b>')).toBe('History of the tag');
  });
  it('does not take a guid marked as no permalink for the article link', () => {
    const r = normalizeEntry(entry({ guid: 'https://h.test/internal/1', guidIsPermaLink: false, title: 'T' }), ctx);
    expect(r).toEqual({ ok: false, reason: 'no link', title: 'T' });
  });
  it('titles an entry that has none by the first line of its summary, else of its content', () => {
    const bySummary = normalizeEntry(entry({ link: 'https://h.test/1', summary: '<p>First line.</p><p>Second.</p>' }), ctx);
    const byContent = normalizeEntry(entry({ link: 'https://h.test/2', content: '<p>Only the content says it.</p>' }), ctx);
    expect([bySummary.ok && bySummary.item.title, byContent.ok && byContent.item.title]).toEqual(['First line.', 'Only the content says it.']);
  });
  it('dates by W3C-DTF without a zone as UTC, and by basic ISO 8601', () => {
    expect(parseDate('2026-03-10T08:15:00', ctx.now)).toBe(Date.UTC(2026, 2, 10, 8, 15));
    expect(parseDate('20260310T081500Z', ctx.now)).toBe(Date.UTC(2026, 2, 10, 8, 15));
  });
});
