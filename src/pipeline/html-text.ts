/**
 * Tag stripping and entity decoding for short feed fields (titles, authors, summaries): no DOM needed.
 * Article bodies go through extract's DOM-based `htmlToText` instead.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™',
  euro: '€', pound: '£', yen: '¥', cent: '¢', middot: '·', bull: '•', times: '×', deg: '°', shy: '',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // NUL, surrogates and out-of-range code points are not characters: drop them (HTML maps them to U+FFFD).
      if (!code || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
      return String.fromCodePoint(code);
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

/** Elements whose content is never text a reader should see. Unclosed, they run to the end, as in a browser. */
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe']);
/** Elements whose content is dropped with them when closed; unclosed, only their tag goes (an object's fallback
 *  content is shown in a browser): "fines <object data=x> three brokers" keeps its last words. */
const INVISIBLE_OPEN = /<(script|style|noscript|template|iframe|object|svg|math)\b/gi;
/** Tags that end a line of text. */
const BLOCK_TAG = /^<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|tr|section|article|figure|figcaption|pre)\b/i;

/** HTML fragment -> plain text: invisible elements dropped with their content, blocks become line breaks. */
export function stripTags(html: string): string {
  return decodeEntities(
    dropTags(dropInvisible(html.replace(/<!--[\s\S]*?(?:-->|$)/g, ''))),
  );
}

/**
 * Removes tags, block tags becoming line breaks. A tag opens only at '<' followed by a letter, '/' and a letter, '!'
 * or '?' ("fees < 1% and > 0" is text) and ends at the next '>'; one pass, where a regex (`<[a-z][^>]*>`) rescans to
 * the end of the text from every '<' that never closes (80 KB of "<p" took 3 s).
 */
function dropTags(html: string): string {
  const parts: string[] = [];
  let at = 0;
  for (let lt = html.indexOf('<'); lt >= 0; lt = html.indexOf('<', lt + 1)) {
    if (lt < at) continue;
    const c = html.charCodeAt(lt + 1);
    const letter = (x: number) => (x >= 97 && x <= 122) || (x >= 65 && x <= 90);
    if (!(letter(c) || c === 33 || c === 63 || (c === 47 && letter(html.charCodeAt(lt + 2))))) continue;
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break; // no '>' after this one: no tag can close from here on
    parts.push(html.slice(at, lt), BLOCK_TAG.test(html.slice(lt, lt + 16)) ? '\n' : '');
    at = gt + 1;
  }
  parts.push(html.slice(at));
  return parts.join('');
}

/** Removes invisible elements with their content; one pass, each closing tag looked for once (hostile input is long). */
function dropInvisible(html: string): string {
  if (!html.includes('<')) return html;
  const lower = html.toLowerCase();
  const noCloseAfter = new Map<string, number>(); // `</name` was not found from this position on
  let out = '';
  let at = 0;
  INVISIBLE_OPEN.lastIndex = 0;
  for (let m = INVISIBLE_OPEN.exec(html); m; m = INVISIBLE_OPEN.exec(html)) {
    if (m.index < at) continue; // inside an element already dropped
    const name = m[1].toLowerCase();
    let close = m.index >= (noCloseAfter.get(name) ?? Infinity) ? -1 : lower.indexOf(`</${name}`, m.index);
    if (close < 0) noCloseAfter.set(name, Math.min(noCloseAfter.get(name) ?? Infinity, m.index));
    out += html.slice(at, m.index) + ' ';
    if (close >= 0) {
      const gt = html.indexOf('>', close);
      at = gt < 0 ? html.length : gt + 1;
    } else if (RAW_TEXT.has(name)) {
      at = html.length;
    } else {
      const gt = html.indexOf('>', m.index);
      at = gt < 0 ? html.length : gt + 1;
    }
    INVISIBLE_OPEN.lastIndex = Math.max(INVISIBLE_OPEN.lastIndex, at);
  }
  return out + html.slice(at);
}

/** One line of plain text: tags and entities gone, white space folded. */
export function plainLine(htmlOrText: string): string {
  // Entities decode to '<' only after stripping, so a second pass removes markup smuggled as &lt;script&gt;.
  return stripTags(stripTags(htmlOrText)).replace(/\s+/g, ' ').trim();
}

/** Paragraph text: white space folded within lines, blank-line separated paragraphs. */
export function plainParagraphs(htmlOrText: string): string {
  return stripTags(htmlOrText)
    .split(/\n\s*\n|\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
