/**
 * Which of the rules' trigger literals a text holds, found in one pass. Rules skip a branch whose trigger literal a
 * text lacks (alternation.ts); asked one `includes` at a time, the ~180 literals cost ~180 scans of every text, more
 * than most rules' own reading. Here each text is walked once: every window of four code units is hashed, a bit
 * table turns away the windows no literal starts with, and the few left are compared with the literals that start
 * so. The answer is exactly `text.includes(literal)`.
 *
 * Literals are registered on first use (module load for most) and the scan covers those registered when it ran;
 * a literal registered later, or one shorter than a window, is answered by `includes`.
 */

/** Code units hashed per window: the shortest literal the scan looks for. */
const WINDOW = 4;
/** Bits of the table of window hashes some literal starts with: 64 K entries keep false hits rare for ~200 literals. */
const TABLE_BITS = 16;
/** Below this length (characters) a text is searched with `includes`: a scan would cost more than a few searches. */
const SCAN_MIN_CHARS = 256;

const ids = new Map<string, number>(); // literal -> id
const literals: string[] = [];
const byHash = new Map<number, number[]>(); // window hash -> ids of the scanned literals starting with that window
const table = new Uint8Array(1 << TABLE_BITS);

/** The id of a literal, registering it on first sight. */
export function literalId(literal: string): number {
  let id = ids.get(literal);
  if (id === undefined) {
    id = literals.length;
    literals.push(literal);
    ids.set(literal, id);
    if (literal.length >= WINDOW) {
      const h = windowHash(literal.charCodeAt(0), literal.charCodeAt(1), literal.charCodeAt(2), literal.charCodeAt(3));
      const list = byHash.get(h);
      if (list) list.push(id);
      else byHash.set(h, [id]);
      table[slot(h)] = 1;
    }
  }
  return id;
}

/** Four code units as one number: exact for ASCII (seven bits each), mixed for other characters. */
function windowHash(a: number, b: number, c: number, d: number): number {
  return ((a << 21) ^ (b << 14) ^ (c << 7) ^ d) & WINDOW_MASK;
}
/** The 28 bits four seven-bit characters fill: shifting the hash by seven and masking drops the oldest character. */
const WINDOW_MASK = (1 << 28) - 1;

function slot(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> (32 - TABLE_BITS);
}

let scannedText: string | null = null;
let scannedCount = 0; // literals registered when the text was scanned
let generation = 0;
let foundIn = new Uint32Array(64); // literal id -> the generation of the last scan that found it

/** Whether the text holds the literal with id `id`: `text.includes(literal)`, answered from one scan per text. */
export function holdsLiteral(text: string, id: number): boolean {
  const literal = literals[id];
  if (literal.length < WINDOW || text.length < SCAN_MIN_CHARS) return text.includes(literal);
  if (text !== scannedText) scan(text);
  if (id >= scannedCount) return text.includes(literal);
  return foundIn[id] === generation;
}

function scan(text: string): void {
  scannedText = text;
  scannedCount = literals.length;
  generation++;
  if (foundIn.length < scannedCount) {
    const grown = new Uint32Array(Math.max(scannedCount, foundIn.length * 2));
    grown.set(foundIn);
    foundIn = grown;
  }
  const n = text.length;
  if (n < WINDOW) return;
  // the window's hash rolled on one character at a time: windowHash of the four characters ending at i + 3
  let h = ((text.charCodeAt(0) << 14) ^ (text.charCodeAt(1) << 7) ^ text.charCodeAt(2)) & WINDOW_MASK;
  for (let i = 0; i + WINDOW <= n; i++) {
    h = ((h << 7) ^ text.charCodeAt(i + 3)) & WINDOW_MASK;
    if (table[slot(h)] === 0) continue;
    const candidates = byHash.get(h);
    if (!candidates) continue;
    for (const id of candidates) {
      if (id < scannedCount && foundIn[id] !== generation && text.startsWith(literals[id], i)) foundIn[id] = generation;
    }
  }
}
