/**
 * chooseText: which member's cleaned text a story shows. The canonical stays the best source (choose-canonical.ts:
 * tier, first report, kind) and the story's title and link stay its own; but when the canonical is only a teaser (a
 * feed's one-line standfirst, a page that would not extract) and another member tells the event in full, the story's
 * summary and text come from that fuller member, and the story says so.
 */
import type { Kind } from './types.ts';

export interface TextCandidate {
  id: string;
  chars: number; // length of its cleaned text
  kind: Kind | null;
}

export interface TextChoice {
  itemId: string; // the member whose text the story shows
  fromCanonical: boolean;
  reason: string | null; // why not the canonical's own, in words
}

/** A cleaned text shorter than this is a teaser: about 100 words, a standfirst and a sentence or two. */
export const TEASER_CHARS = 600;
/** A fuller member must say at least this many times as much: a slightly longer teaser is no better. */
export const FULLER_RATIO = 2;
/** Kinds whose text never stands in for a news report: an advertorial or a release tells its own story. */
const NEVER_TEXT: ReadonlySet<Kind> = new Set<Kind>(['sponsored', 'press-release']);

export function chooseText(canonicalId: string, members: TextCandidate[]): TextChoice {
  const canonical = members.find((m) => m.id === canonicalId);
  const own: TextChoice = { itemId: canonicalId, fromCanonical: true, reason: null };
  if (!canonical || canonical.chars >= TEASER_CHARS) return own;
  const fullest = members
    .filter((m) => m.id !== canonicalId && !NEVER_TEXT.has(m.kind ?? 'news'))
    .sort((a, b) => b.chars - a.chars || (a.id < b.id ? -1 : 1))[0];
  if (!fullest || fullest.chars < FULLER_RATIO * Math.max(1, canonical.chars)) return own;
  return {
    itemId: fullest.id,
    fromCanonical: false,
    reason: `the canonical's text is a teaser (${canonical.chars} characters, under ${TEASER_CHARS}); summary and text come from the fullest member (${fullest.chars} characters)`,
  };
}
