/**
 * linkedom builds a broken tree from markup without <html> (the <head> and <body> end up inside the first element,
 * or the body stays empty), so a fragment such as a feed's `content:encoded` is wrapped in a document first. The
 * light DOM wraps the same way, so both trees have one shape.
 */
const HAS_HTML = /<html[\s>]/i;
const HAS_BODY = /<body[\s>]/i;

/** The markup as a whole document: as it is when it has <html>, else wrapped (in a body when it has none). */
export function asWholeDocument(html: string): string {
  if (HAS_HTML.test(html)) return html;
  return `<!DOCTYPE html><html>${HAS_BODY.test(html) ? html : `<head></head><body>${html}</body>`}</html>`;
}
