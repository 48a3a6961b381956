/**
 * Moves markup that stands before a page's `<!DOCTYPE>` or `<html>` into its `<head>`. Servers print warnings
 * there ("Deprecated: ... on line 520"), and templates emit tags and `<title>` or `<meta>` before the document
 * starts. A browser repairs this; linkedom instead builds a tree whose <body> is empty, and the whole article is
 * lost. In the head the stray tags are still read as metadata, and stray text is not taken for article text.
 */

// The start of the document proper: a doctype, or the <html> tag itself.
const DOCUMENT_START = /<!doctype\b|<html[\s>]/i;
const HEAD_OPEN = /<head\b[^>]*>/i;

export function hoistStrayPrefix(html: string): string {
  const start = DOCUMENT_START.exec(html);
  if (!start || !start.index) return html;
  const prefix = html.slice(0, start.index);
  if (!prefix.trim()) return html;
  const rest = html.slice(start.index);
  const head = HEAD_OPEN.exec(rest);
  // without a <head> there is nowhere safe to put it: what stands before the document is not the article
  if (!head) return rest;
  const at = head.index + head[0].length;
  return rest.slice(0, at) + prefix + rest.slice(at);
}
