import { readFileSync } from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);

// About 150 KB of invented Next.js page data: the kind of inline blob that dominates parse time on real pages.
function nextData(): string {
  const related = Array.from({ length: 900 }, (_, i) => ({
    id: i,
    slug: `markets/altcoin-roundup-${i}`,
    headline: `Altcoin roundup ${i}: SOL, XRP and DOGE trade sideways as funding rates cool`,
  }));
  return JSON.stringify({ props: { pageProps: { related } }, page: '/[...slug]', buildId: 'b7Xq2' });
}

export function fixture(name: string): string {
  return readFileSync(path.join(here, 'fixtures', name), 'utf8').replace('%NEXT_DATA%', nextData());
}

export const FIXTURES = ['exchange-hack-news.html', 'etf-flows-jsonld.html', 'teaser-jsonld.html', 'video-only.html'];
