/**
 * Turns a DOM subtree into plain text the way a reader sees it: each block element (paragraph, heading, list item,
 * quote, table row...) becomes its own paragraph, paragraphs are separated by "\n\n", runs of white space inside a
 * paragraph fold to one space, and `<br>` breaks a line. `textContent` would glue "end of one paragraph" to
 * "Start of the next"; this keeps the boundaries the clean stage works with.
 */

// Elements that start and end a paragraph of their own (HTML's block-level and table elements).
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption',
]);

// Elements whose content is never read as text.
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'title', 'select', 'button', 'textarea']);

// Table cells sit side by side on one line: a space keeps "Price" and "$60,000" apart.
const CELL = new Set(['td', 'th']);
const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const WHITE_SPACE_RUN = /\s+/g;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export interface Paragraph {
  text: string;
  linkChars: number; // characters of the text that sit inside <a> elements
  heading: boolean; // the paragraph is a heading (h1-h6)
}

export interface TextOptions {
  skip?: ReadonlySet<string>; // more element names whose text is left out (e.g. figcaption for article bodies)
  skipElement?: (el: Element) => boolean; // and particular elements whose text is left out
}

export function elementToParagraphs(root: Node, opts: TextOptions = {}): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lines: string[] = []; // finished lines of the current paragraph
  let line = ''; // the line being written, white space already folded
  // whether `line` ends in a space, kept aside: asking the string would flatten it on every append, and a long
  // paragraph of many inline elements would cost time quadratic in its length
  let endsInSpace = false;
  let linkChars = 0;
  let heading = false;
  let inLink = 0;

  const endLine = () => {
    const t = line.trim();
    if (t) lines.push(t);
    line = '';
    endsInSpace = false;
  };
  const endParagraph = () => {
    endLine();
    if (lines.length) paragraphs.push({ text: lines.join('\n'), linkChars, heading });
    lines = [];
    linkChars = 0;
    heading = false;
  };
  const append = (s: string) => {
    const folded = s.replace(WHITE_SPACE_RUN, ' ');
    if (folded === ' ' && (line === '' || endsInSpace)) return;
    const add = endsInSpace && folded.startsWith(' ') ? folded.slice(1) : folded;
    if (!add) return;
    line += add;
    endsInSpace = add.endsWith(' ');
    if (inLink) linkChars += add.trim().length;
  };

  const walk = (node: Node, pre: boolean) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const data = child.nodeValue ?? '';
        if (!pre) append(data);
        else
          data.split('\n').forEach((part, i) => {
            if (i > 0) endLine();
            line += part;
            if (part) endsInSpace = part.endsWith(' ');
          });
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const name = (child as Element).localName;
      if (SKIP.has(name) || opts.skip?.has(name) || opts.skipElement?.(child as Element)) continue;
      if (name === 'br') {
        // <br><br> is how many sites separate paragraphs: a blank line ends the paragraph
        if (line.trim() === '' && lines.length) endParagraph();
        else endLine();
        continue;
      }
      if (CELL.has(name)) {
        append(' ');
        walk(child, pre);
        append(' ');
        continue;
      }
      if (BLOCK.has(name)) {
        endParagraph();
        heading = HEADING.has(name);
        walk(child, pre || name === 'pre');
        endParagraph();
        continue;
      }
      if (name === 'a') {
        inLink++;
        walk(child, pre);
        inLink--;
        continue;
      }
      walk(child, pre);
    }
  };

  walk(root, false);
  endParagraph();
  return paragraphs;
}

export function elementToText(root: Node, opts: TextOptions = {}): string {
  return elementToParagraphs(root, opts)
    .map((p) => p.text)
    .join('\n\n');
}
