/**
 * Readability resolves relative links against `document.baseURI` and leaves `#fragment` links alone when
 * `baseURI == documentURI`. linkedom sets neither, so both factories give every document the same two
 * properties: the page URL, and that URL resolved through the page's own `<base href>` when it has one.
 */
export function setDocumentUrls(doc: Document, url: string | undefined): void {
  if (url) setDocumentUrlsWithBase(doc, url, doc.querySelector('base[href]')?.getAttribute('href'));
}

/** The same, where the caller already knows the first `<base href>`'s value (null when the page has none): a
 * selector query walks the whole document. */
export function setDocumentUrlsWithBase(doc: Document, url: string | undefined, href: string | null | undefined): void {
  if (!url) return;
  let base = url;
  if (href) {
    try {
      base = new URL(href, url).href;
    } catch {
      // a malformed <base href> is ignored by browsers too: links resolve against the page URL
    }
  }
  Object.defineProperty(doc, 'documentURI', { value: url, configurable: true });
  Object.defineProperty(doc, 'baseURI', { value: base, configurable: true });
}
