/**
 * The DOM factory for the Worker (and Node): linkedom parses about ten times faster than jsdom and runs in workerd.
 */
import { parseHTML } from 'linkedom';
import type { ParseHTML } from '../pipeline/types.ts';
import { setDocumentUrls } from './document-urls.ts';

// linkedom builds a broken tree from markup without <html> (the <head> and <body> end up inside the first element,
// or the body stays empty), so a fragment such as a feed's `content:encoded` is wrapped in a document first.
const HAS_HTML = /<html[\s>]/i;
const HAS_BODY = /<body[\s>]/i;

export const parseWithLinkedom: ParseHTML = (html, url) => {
  const source = HAS_HTML.test(html)
    ? html
    : `<!DOCTYPE html><html>${HAS_BODY.test(html) ? html : `<head></head><body>${html}</body>`}</html>`;
  const doc = parseHTML(source).document as unknown as Document;
  setDocumentUrls(doc, url);
  return doc;
};
