import type { NoiseCategory, RemovedSpan } from '../../types.ts';

/** One article, prepared once for all kind rules: the parts each rule reads, precomputed. */
export interface KindInput {
  title: string;
  text: string; // the body as published, noise and all: disclaimers are signals
  url?: string | null;
  source?: string | null;
  removed?: RemovedSpan[]; // what the cleaner cut from `text`: its disclaimers are read wherever they stand
}

export interface KindDoc {
  title: string;
  text: string;
  head: string; // the opening of the body: datelines and appositives live here
  tail: string; // the close of the body: disclaimers, contact blocks, project links live here
  notices: string; // the disclaimers and ads the cleaner found, joined: a disclosure mid-page is still a disclosure
  host: string; // lower-case host name, '' when there is no usable URL
  path: string; // lower-case URL path
  slug: string; // the path's last segment as words ("xrp price prediction 2025"): the headline as first published
  source: string;
}

// The cleaner's categories that hold a publisher's statements about the piece.
const NOTICE_CATEGORIES: ReadonlySet<NoiseCategory> = new Set(['disclaimer', 'advertisement']);

// Wide enough to hold a dateline after a standfirst and a subtitle.
const HEAD_CHARS = 600;
/** The opening a teaser feed keeps (title aside): about the first two or three sentences of the body. */
export const OPENING_CHARS = 600;
// Wide enough for an "About X" paragraph, a contact block and a disclaimer together.
const TAIL_CHARS = 1_800;

export function prepare(input: KindInput): KindDoc {
  const text = input.text ?? '';
  let host = '';
  let path = '';
  if (input.url) {
    try {
      const u = new URL(input.url);
      host = u.hostname.toLowerCase();
      path = u.pathname.toLowerCase();
    } catch {
      // an unparsable URL is no evidence either way
    }
  }
  return {
    title: input.title ?? '',
    text,
    head: text.slice(0, HEAD_CHARS),
    tail: text.slice(-TAIL_CHARS),
    notices: (input.removed ?? [])
      .filter((r) => NOTICE_CATEGORIES.has(r.category))
      .map((r) => r.text)
      .join('\n'),
    host,
    path,
    slug: slugWords(path),
    source: input.source ?? '',
  };
}

/** "/news/xrp-price-prediction-2025.html" -> "xrp price prediction 2025". */
function slugWords(path: string): string {
  const last = path.split('/').filter(Boolean).pop() ?? '';
  return last.replace(/\.[a-z]{2,5}$/, '').replace(/[-_+]+/g, ' ').trim();
}

/** A named signal: `test` returns the matched evidence, or null. Weights add up; a kind needs `KIND_SCORE`. */
export interface Signal {
  name: string;
  weight: number;
  test: (doc: KindDoc) => string | null;
  opening?: true; // the evidence stands in the headline or the first lines: it speaks for the piece, not a plug at its close
  learned?: true; // its weights were fitted on gold data (form-score.ts): left out when the rules alone are measured
}

/** Two points: one strong signal, or two weak ones that agree. */
export const KIND_SCORE = 2;

export function firstMatch(re: RegExp, text: string): string | null {
  const m = re.exec(text);
  return m ? m[0].trim().slice(0, 80) : null;
}

// Page text scraped with its scripts can hold a site's templates ("isSponsored ? ` Disclosure: ...` : ..."):
// a disclosure inside code is a template for some other article, not a statement about this one.
const CODE_NEAR_RE = /[`{}]|=>|\$\{/;
const CODE_WINDOW_CHARS = 80;

/** Like `firstMatch`, but skips matches with code just before them. `re` must be global. */
export function firstProseMatch(re: RegExp, text: string): string | null {
  for (const m of text.matchAll(re)) {
    if (!CODE_NEAR_RE.test(text.slice(Math.max(0, m.index - CODE_WINDOW_CHARS), m.index))) return m[0].trim().slice(0, 80);
  }
  return null;
}

/** Every distinct match of a global `re` in `text`, trimmed: a count of different pieces of evidence. */
export function distinctMatches(re: RegExp, text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(re)) seen.add(m[0].trim().slice(0, 60));
  return [...seen];
}

/** Runs signals and returns the reasons that fired, their total weight and the part of it found in the opening. */
export function score(signals: Signal[], doc: KindDoc): { total: number; strongest: number; opening: number; reasons: string[] } {
  let total = 0;
  let strongest = 0;
  let opening = 0;
  const reasons: string[] = [];
  for (const s of signals) {
    const hit = s.test(doc);
    if (hit === null) continue;
    total += s.weight;
    if (s.opening) opening += s.weight;
    strongest = Math.max(strongest, s.weight);
    reasons.push(`${s.name}: "${hit}"`);
  }
  return { total, strongest, opening, reasons };
}
