/**
 * The page's own metadata: title, summary and author from <meta> tags (Open Graph, Twitter cards, plain names).
 * One pass over the <meta> elements of <head>, where pages put them; a selector query per field would walk the
 * whole document each time.
 */

export interface PageMeta {
  title: string | null;
  description: string; // '' when the page has none
  descriptions: string[]; // every distinct summary the page gives, most specific first
  author: string | null;
}

// Most specific first: Open Graph is written for sharing and is usually the cleanest.
const TITLE_KEYS = ['og:title', 'twitter:title'];
const DESCRIPTION_KEYS = ['og:description', 'description', 'twitter:description'];
const AUTHOR_KEYS = ['author', 'article:author'];

export function readMeta(doc: Document): PageMeta {
  const scope = doc.head ?? doc;
  const content = new Map<string, string>();
  for (const meta of Array.from(scope.getElementsByTagName('meta'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name'))?.trim().toLowerCase();
    const value = meta.getAttribute('content')?.trim();
    if (key && value && !content.has(key)) content.set(key, value);
  }
  const first = (keys: string[]) => keys.map((k) => content.get(k)).find(Boolean) ?? null;
  return {
    title: first(TITLE_KEYS) || scope.getElementsByTagName('title')[0]?.textContent?.trim() || null,
    description: first(DESCRIPTION_KEYS) ?? '',
    descriptions: [...new Set(DESCRIPTION_KEYS.map((k) => content.get(k)).filter((d): d is string => !!d))],
    author: first(AUTHOR_KEYS),
  };
}
