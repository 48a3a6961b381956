/**
 * The DOM factory for the Worker (and Node): linkedom parses about ten times faster than jsdom and runs in workerd.
 */
import { parseHTML } from 'linkedom';
import type { ParseHTML } from '../pipeline/types.ts';
import { setDocumentUrls } from './document-urls.ts';
import { asWholeDocument } from './whole-document.ts';

export const parseWithLinkedom: ParseHTML = (html, url) => {
  const doc = parseHTML(asWholeDocument(html)).document as unknown as Document;
  setDocumentUrls(doc, url);
  return doc;
};
