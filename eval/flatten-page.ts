/**
 * A whole web page flattened to one line of text, without cleaning: the form of the flattened page texts in
 * ../shared/data/gold/noise-dev and noise-dev-2 (menus, share bars, captions and link lists run together with the story,
 * cut at a fixed length). noise-dev-10 labels offsets into this text of pages of ../shared/data/extraction-dev's
 * trafilatura-eval, so the text must come out the same on every run: parse with linkedom, drop what a browser does not
 * show as text, fold the white space inside each text node and strip it at both ends, join the nodes with nothing
 * between them (noise-dev's README: "tags stripped, whitespace between blocks removed"; menus run together, and so do
 * inline links with their words), cut. The upstream quirk of those texts that also dropped `$ % ’` is not copied.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { parseWithLinkedom } from '../src/dom/linkedom.ts';
import { decodePage } from './sections/extraction.ts';

/** The flattened texts of noise-dev's page origin stop at 5,000 characters; so do these. */
export const FLAT_PAGE_CHARS = 5000;
const UNSHOWN = 'script, style, noscript, template, svg, iframe, head';

export interface FlatPage {
  key: string; // the page's key in trafilatura-eval's evaldata.json (its url), or readability-test-pages/<folder>
  title: string | null;
  input: string;
}

function strippedTexts(node: Node, out: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out.push((child.nodeValue ?? '').replace(/\s+/g, ' ').trim());
    else if (child.nodeType === 1) strippedTexts(child, out);
  }
}

export function flattenPage(html: string): { title: string | null; text: string } {
  const doc = parseWithLinkedom(html);
  const meta = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  const h1 = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  const titleTag = doc.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  for (const el of Array.from(doc.querySelectorAll(UNSHOWN))) el.remove();
  const out: string[] = [];
  strippedTexts(doc.body ?? doc.documentElement, out);
  const text = out.join('').slice(0, FLAT_PAGE_CHARS);
  return { title: meta || h1 || titleTag || null, text };
}

const evaldataByDir = new Map<string, Record<string, { file: string }>>();

/** Keys of pages from readability-test-pages (noise-dev-13) name the page's folder there; every other key is a url of
 *  trafilatura-eval's evaldata.json. */
const READABILITY_PAGES = 'readability-test-pages/';

export function loadFlatPage(dataDir: string, key: string): FlatPage {
  if (key.startsWith(READABILITY_PAGES)) {
    const slug = key.slice(READABILITY_PAGES.length);
    if (!/^[\w-]+$/.test(slug)) throw new Error(`readability-test-pages has no page ${slug}`);
    const html = decodePage(readFileSync(path.join(dataDir, 'extraction-dev', 'readability-test-pages', 'pages', slug, 'source.html')));
    const { title, text } = flattenPage(html);
    return { key, title, input: text };
  }
  const benchDir = path.join(dataDir, 'extraction-dev', 'trafilatura-eval');
  let evaldata = evaldataByDir.get(benchDir);
  if (!evaldata) {
    evaldata = JSON.parse(readFileSync(path.join(benchDir, 'evaldata.json'), 'utf8')) as Record<string, { file: string }>;
    evaldataByDir.set(benchDir, evaldata);
  }
  const entry = evaldata[key];
  if (!entry) throw new Error(`trafilatura-eval has no page ${key}`);
  const html = decodePage(gunzipSync(readFileSync(path.join(benchDir, 'html', entry.file + '.gz'))));
  const { title, text } = flattenPage(html);
  return { key, title, input: text };
}
