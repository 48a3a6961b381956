/**
 * A learned segment classifier, run after the rules on the text they keep (issue 8, item 2). The rules name one kind
 * of noise each and fire on its words; what they miss on pages of outlets nobody tuned on is furniture of a familiar
 * FORM in unfamiliar words: a menu, a caption, a credit, a link row. This stage cuts the kept text into segments by
 * form (lines, sentences, and in flattened page text the blocks glued at a capital), describes each by form only
 * (position, length, stops, capitals, figures, link marks, overlap with the headline and with the story's own names,
 * its neighbours), and removes those a logistic regression scores as noise above a threshold chosen for precision.
 *
 * The weights are data (segment-weights.ts), made by scripts/train-segment-model.ts from the tune sets; the
 * features are named so each removal says which of them weighed most (the span's `why`, shown by the inspector and
 * the API). Pure and DOM-free; one pass over each segment's characters.
 */
import { isAsciiDigit, isAsciiLower, isAsciiUpper, isRegexSpace } from './ascii.ts';
import { gaps } from './gaps.ts';
import { shapes } from './literals.ts';
import { outletNamePattern } from './outlet-name.ts';
import { matches, type Hit, type RuleContext } from './rule.ts';
import { isClosing, isStop, sentenceEndAmong } from './sentences.ts';
import { WEIGHTS } from './segment-weights.ts';

/** A glued piece this short and without a stop is a menu item or a label: runs of them are read as one segment (characters). */
const SHORT_PIECE_CHARS = 40;
/** Segments shorter than this are never removed: a word or two cut from a sentence harms more than it cleans (characters). */
export const MIN_REMOVE_CHARS = 12;
/** Where the outlet names itself in the text: one scan of the text, not one a segment. */
function outletMentions(text: string, source: string | null | undefined): number[] {
  const re = outletNamePattern(source);
  if (!re) return [];
  const out: number[] = [];
  for (const m of matches(text, re)) out.push(m.index);
  return out;
}

/** Neighbours this long that end in a stop read as running prose (words). */
const PROSE_MIN_WORDS = 8;
/** Segments this far from the edge of their stretch count as deep inside it (segments). */
const EDGE_SEGMENTS = 4;
/** How many features a removal names as its evidence. */
const WHY_FEATURES = 3;

/** The features, in the order of the weights; each with the words a removal's explanation uses. */
export const FEATURES = [
  ['position', 'late in the text'],
  ['log_length', 'long'],
  ['short', 'short (under 60 characters)'],
  ['ends_in_stop', 'ends in a stop'],
  ['title_case_share', 'mostly capitalised words'],
  ['caps_word_share', 'words in capitals'],
  ['digit_share', 'figures'],
  ['link_marks', 'URLs, handles, @ or #'],
  ['label_colon', 'opens with a label and a colon'],
  ['pipes_bullets', 'pipes or bullets'],
  ['headline_overlap', 'repeats the headline'],
  ['story_names', "shares the story's names and figures"],
  ['function_word_share', 'function words of running prose'],
  ['second_person', 'speaks to the reader'],
  ['imperative_start', 'opens with an imperative verb'],
  ['promo_words', 'promotion or account words'],
  ['media_words', 'photo, video or credit words'],
  ['social_words', 'social network or sharing words'],
  ['nav_words', 'navigation words'],
  ['outlet_name', "names the outlet"],
  ['trailing_source', 'ends in a parenthesised source'],
  ['glued_capitals', 'words glued together'],
  ['starts_glued', 'glued onto what precedes it'],
  ['prev_removed', 'follows removed noise'],
  ['next_removed', 'precedes removed noise'],
  ['prev_prose', 'follows running prose'],
  ['next_prose', 'precedes running prose'],
  ['flattened', 'in flattened page text'],
  ['mean_word_length', 'long words'],
  ['quotes', 'quotation marks'],
  ['gap_share', 'in a large stretch of kept text'],
  ['largest_gap', 'in the largest stretch of kept text'],
  ['edge_distance', 'far from the stretch edges'],
  ['stretch_prose', 'in a stretch of running prose'],
] as const;
export type FeatureName = (typeof FEATURES)[number][0];
export const FEATURE_COUNT = FEATURES.length;

export interface SegmentWeights {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Probability of noise at or above which a segment is removed. */
  threshold: number;
  /** A lower probability at which a neighbour of a removed segment in the same stretch goes too (noise comes in runs). */
  neighbourThreshold: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Began at a capital glued onto a lower-case letter (a block boundary of flattened page text). */
  glued: boolean;
  /** A removed span touches it on that side (only white space between). */
  prevRemoved: boolean;
  nextRemoved: boolean;
  /** Which stretch of kept text (between removed blocks) it lies in, counted from 0. */
  gap: number;
}

/** Small word classes that hold across outlets, as bits of one lookup a word (one Map read, not one per class). */
const FUNCTION = 1;
const SECOND_PERSON = 2;
const IMPERATIVE = 4;
const PROMO = 8;
const MEDIA = 16;
const SOCIAL = 32;
const NAV = 64;
const WORD_CLASS = new Map<string, number>();
function addClass(bit: number, words: string): void {
  for (const w of words.split(' ')) WORD_CLASS.set(w, (WORD_CLASS.get(w) ?? 0) | bit);
}
addClass(FUNCTION, 'the a an of to in on for and or but that this with from by as at is are was were be been has have had it its he she they their his her which who said says will would could not than also after over about into');
addClass(SECOND_PERSON, "you your you're yours we our us");
addClass(IMPERATIVE, 'click tap subscribe sign follow read share join download get watch listen learn see visit contact register buy try discover explore check find continue view start claim stay like comment send email log create save shop book order enter support donate');
addClass(PROMO, 'newsletter newsletters subscribe subscribers subscription sponsored advertisement advertising advertise ad ads cookies cookie privacy terms copyright reserved login account offer deal deals discount premium bonus promo affiliate commission partner partners register app');
addClass(MEDIA, 'photo photos image images picture pictures video videos getty shutterstock reuters afp ap courtesy credit illustration podcast gallery caption file');
addClass(SOCIAL, 'facebook twitter linkedin instagram telegram whatsapp email reddit youtube tiktok pinterest share shares comments comment print');
addClass(NAV, 'home menu search more related trending popular latest next previous back top sections topics news sports business opinion weather');

const isLetterOrDigit = (c: number) => isAsciiLower(c) || isAsciiUpper(c) || isAsciiDigit(c) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !isRegexSpace(c) && !(c >= 0x2000 && c <= 0x206f));
const isWordJoiner = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2d; // ' ’ -

/**
 * The kept text cut into segments: each stretch between removed blocks by sentences (a line break ends one too), each
 * sentence at its glued capitals; adjacent glued pieces that are all short and stop-less (a menu: "HomeNewsSports")
 * are joined back into one segment.
 */
export function segmentsOf(text: string, removed: readonly Hit[]): Segment[] {
  const out: Segment[] = [];
  // the one walk of the text (literals.ts) lists its glued capitals and every place a sentence may end: no walk here
  const { gluedCapitals: glued, unitEnds } = shapes(text);
  const cursor = { at: 0 };
  const blocks = removed.filter((r) => !r.inline);
  gaps(text, blocks).forEach((g, gap) => {
    const first = out.length;
    for (let at = g.start; at < g.end; ) {
      const end = Math.max(sentenceEndAmong(text, at, g.end, unitEnds, cursor), at + 1);
      // glued capitals strictly inside [at, end)
      let k = indexAfter(glued, at);
      let from = at;
      for (; k < glued.length && glued[k] < end; k++) {
        const cut = glued[k];
        if (cut <= from) continue;
        push(out, text, from, cut, from !== at, gap);
        from = cut;
      }
      push(out, text, from, end, from !== at, gap);
      at = end;
    }
    if (out.length > first) {
      out[first].prevRemoved = g.before;
      out[out.length - 1].nextRemoved = g.after;
    }
  });
  return out;
}

function indexAfter(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds text[from, to) trimmed as a segment, joined onto the previous one when both are short glued pieces. */
function push(out: Segment[], text: string, from: number, to: number, glued: boolean, gap: number): void {
  while (from < to && isRegexSpace(text.charCodeAt(from))) from++;
  while (to > from && isRegexSpace(text.charCodeAt(to - 1))) to--;
  if (to <= from) return;
  const last = out[out.length - 1];
  if (glued && last && last.end === from && isShortPiece(text, last.start, last.end) && isShortPiece(text, from, to)) {
    last.end = to;
    return;
  }
  out.push({ start: from, end: to, glued, prevRemoved: false, nextRemoved: false, gap });
}

function isShortPiece(text: string, start: number, end: number): boolean {
  return end - start < SHORT_PIECE_CHARS && !isStop(text.charCodeAt(end - 1));
}

/** What one pass over a segment's characters counts. */
interface Words {
  words: number;
  title: number; // words that start with a capital
  caps: number; // words all in capitals
  functionWords: number;
  content: number; // words that are not function words
  headline: number; // content words that stand in the headline
  classes: Int32Array; // words of each WORD_CLASS bit, by bit position
  firstClass: number; // the first word's classes
  names: string[]; // capitalised words and figures (lower case): the story's entities
  digits: number;
  links: number;
  pipes: number;
  gluedCaps: number;
  quotes: number;
  letters: number;
}

/**
 * The words of text[start, end): one pass over its characters, one slice and one class lookup a word. `lower` is the
 * text in lower case (same length) or null, when lower-casing changed its length and each word is lowered alone.
 */
function wordsOf(text: string, lower: string | null, start: number, end: number, titleWords: ReadonlySet<string>): Words {
  const w: Words = { words: 0, title: 0, caps: 0, functionWords: 0, content: 0, headline: 0, classes: new Int32Array(7), firstClass: 0, names: [], digits: 0, links: 0, pipes: 0, gluedCaps: 0, quotes: 0, letters: 0 };
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (!isLetterOrDigit(c)) {
      if (c === 0x40 || c === 0x23) w.links++; // @ #
      else if (c === 0x7c || c === 0x2022 || c === 0xb7 || c === 0x203a || c === 0xbb || c === 0x25b6) w.pipes++; // | • · › » ▶
      else if (c === 0x22 || c === 0x201c || c === 0x201d) w.quotes++;
      else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) w.links++; // //
      i++;
      continue;
    }
    const s = i;
    let upper = 0;
    let lowerCount = 0;
    let digit = 0;
    let prevLower = false;
    while (i < end) {
      const d = text.charCodeAt(i);
      if (isLetterOrDigit(d)) {
        if (isAsciiUpper(d)) {
          upper++;
          if (prevLower) w.gluedCaps++;
          prevLower = false;
        } else if (isAsciiDigit(d)) {
          digit++;
          prevLower = false;
        } else {
          lowerCount++;
          prevLower = true;
        }
        i++;
      } else if (isWordJoiner(d) && i + 1 < end && isLetterOrDigit(text.charCodeAt(i + 1))) i++;
      else if (d === 0x2e && i + 1 < end && isAsciiLower(text.charCodeAt(i + 1))) {
        w.links++; // a dot inside a word: a domain name
        i++;
      } else break;
    }
    const low = lower ? lower.slice(s, i) : text.slice(s, i).toLowerCase();
    const cls = WORD_CLASS.get(low) ?? 0;
    if (w.words === 0) w.firstClass = cls;
    w.words++;
    w.digits += digit;
    w.letters += upper + lowerCount;
    for (let b = 0; b < 7; b++) if (cls & (1 << b)) w.classes[b]++;
    const first = text.charCodeAt(s);
    if (isAsciiUpper(first) || (first >= 0xc0 && upper > 0)) {
      w.title++;
      if (upper >= 2 && lowerCount === 0) w.caps++;
    }
    if (cls & FUNCTION) w.functionWords++;
    else {
      w.content++;
      if (titleWords.has(low)) w.headline++;
    }
    if ((isAsciiUpper(first) && !(cls & FUNCTION) && i - s >= 2) || digit >= 2) w.names.push(low);
  }
  return w;
}

const NO_WORDS: ReadonlySet<string> = new Set();
/** Position of each class bit in Words.classes. */
const bit = (b: number) => 31 - Math.clz32(b);

/** The content words of the headline, lower case. */
function headlineWords(title: string | null): Set<string> {
  const out = new Set<string>();
  if (!title) return out;
  const lower = title.toLowerCase();
  const aligned = lower.length === title.length ? lower : null;
  // the same word cutting as the segments', collecting the words themselves
  let i = 0;
  while (i < title.length) {
    if (!isLetterOrDigit(title.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    while (i < title.length) {
      const d = title.charCodeAt(i);
      if (isLetterOrDigit(d)) i++;
      else if ((isWordJoiner(d) || (d === 0x2e && isAsciiLower(title.charCodeAt(i + 1)))) && i + 1 < title.length && isLetterOrDigit(title.charCodeAt(i + 1))) i++;
      else break;
    }
    const low = aligned ? aligned.slice(s, i) : title.slice(s, i).toLowerCase();
    if (!((WORD_CLASS.get(low) ?? 0) & FUNCTION)) out.add(low);
  }
  return out;
}



/**
 * The feature vectors of the segments (FEATURES' order), read by form only. `title` is the headline; the outlet's
 * name comes from the rule context.
 */
export function featuresOf(text: string, segments: readonly Segment[], ctx: RuleContext): Float64Array[] {
  const titleWords = headlineWords(ctx.title);
  const lowered = text.toLowerCase();
  const lower = lowered.length === text.length ? lowered : null;
  const words = segments.map((s) => wordsOf(text, lower, s.start, s.end, titleWords));
  const nameCounts = new Map<string, number>();
  for (const w of words) for (const n of w.names) nameCounts.set(n, (nameCounts.get(n) ?? 0) + 1);
  const outletAt = outletMentions(text, ctx.source);
  const flattened = text.indexOf('\n') < 0 ? 1 : 0;
  const prose = segments.map((s, i) => endsInStop(text, s) && words[i].words >= PROSE_MIN_WORDS);
  // The stretches of kept text: their characters, their prose characters, and where each begins and ends in `segments`.
  const gapCount = segments.length ? segments[segments.length - 1].gap + 1 : 0;
  const gapChars = new Float64Array(gapCount);
  const gapProse = new Float64Array(gapCount);
  const gapFirst = new Int32Array(gapCount).fill(-1);
  const gapLast = new Int32Array(gapCount);
  let kept = 0;
  segments.forEach((s, i) => {
    const c = s.end - s.start;
    gapChars[s.gap] += c;
    if (prose[i]) gapProse[s.gap] += c;
    if (gapFirst[s.gap] < 0) gapFirst[s.gap] = i;
    gapLast[s.gap] = i;
    kept += c;
  });
  let largest = 0;
  for (let g = 1; g < gapCount; g++) if (gapChars[g] > gapChars[largest]) largest = g;
  return segments.map((s, i) => {
    const w = words[i];
    const n = Math.max(w.words, 1);
    const chars = s.end - s.start;
    let shared = 0;
    if (w.names.length) {
      const own = new Map<string, number>();
      for (const name of w.names) own.set(name, (own.get(name) ?? 0) + 1);
      for (const [name, k] of own) if ((nameCounts.get(name) ?? 0) > k) shared += k;
    }
    const outletHit = outletAt.some((at) => at >= s.start && at < s.end) ? 1 : 0;
    const f = new Float64Array(FEATURE_COUNT);
    let j = 0;
    f[j++] = text.length ? (s.start + s.end) / 2 / text.length : 0;
    f[j++] = Math.log1p(chars);
    f[j++] = chars < 60 ? 1 : 0;
    f[j++] = endsInStop(text, s) ? 1 : 0;
    f[j++] = w.title / n;
    f[j++] = w.caps / n;
    f[j++] = w.digits / Math.max(chars, 1);
    f[j++] = Math.min(w.links / n, 1);
    f[j++] = labelColon(text, s) ? 1 : 0;
    f[j++] = Math.min(w.pipes / n, 1);
    f[j++] = w.content ? w.headline / w.content : 0;
    f[j++] = w.names.length ? shared / w.names.length : 0;
    f[j++] = w.functionWords / n;
    f[j++] = w.classes[bit(SECOND_PERSON)] / n;
    f[j++] = w.firstClass & IMPERATIVE ? 1 : 0;
    f[j++] = Math.min(w.classes[bit(PROMO)] / n, 1);
    f[j++] = Math.min(w.classes[bit(MEDIA)] / n, 1);
    f[j++] = Math.min(w.classes[bit(SOCIAL)] / n, 1);
    f[j++] = Math.min(w.classes[bit(NAV)] / n, 1);
    f[j++] = outletHit;
    f[j++] = trailingSource(text, s) ? 1 : 0;
    f[j++] = Math.min(w.gluedCaps / n, 1);
    f[j++] = s.glued ? 1 : 0;
    f[j++] = s.prevRemoved ? 1 : 0;
    f[j++] = s.nextRemoved ? 1 : 0;
    f[j++] = i > 0 && prose[i - 1] ? 1 : 0;
    f[j++] = i + 1 < segments.length && prose[i + 1] ? 1 : 0;
    f[j++] = flattened;
    f[j++] = Math.min(w.letters / n, 20);
    f[j++] = w.quotes ? 1 : 0;
    f[j++] = kept ? gapChars[s.gap] / kept : 0;
    f[j++] = s.gap === largest ? 1 : 0;
    f[j++] = Math.min(i - gapFirst[s.gap], gapLast[s.gap] - i, EDGE_SEGMENTS) / EDGE_SEGMENTS;
    f[j++] = gapChars[s.gap] ? gapProse[s.gap] / gapChars[s.gap] : 0;
    return f;
  });
}

function endsInStop(text: string, s: Segment): boolean {
  let e = s.end - 1;
  while (e > s.start && isClosing(text.charCodeAt(e))) e--;
  return isStop(text.charCodeAt(e)) || text.charCodeAt(e) === 0x3a; // : opens a quote or list in prose
}

/** "Photo:", "Editor's note:", "READ MORE:": one to three words, then a colon. */
function labelColon(text: string, s: Segment): boolean {
  const limit = Math.min(s.end, s.start + 30);
  let spaces = 0;
  for (let i = s.start; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return i > s.start && spaces <= 2;
    if (c === 0x20) spaces++;
    else if (isStop(c)) return false;
  }
  return false;
}

/** Ends in a short aside in parentheses: "(Reuters)", "(Photo: Jane Doe/AP)". */
function trailingSource(text: string, s: Segment): boolean {
  let e = s.end - 1;
  if (isStop(text.charCodeAt(e))) e--;
  if (text.charCodeAt(e) !== 0x29) return false;
  const open = text.lastIndexOf('(', e);
  return open >= s.start && e - open <= 60;
}

/** The model's score (log-odds of noise); each feature's part in it goes into `parts` when given. */
export function score(model: SegmentWeights, f: ArrayLike<number>, parts?: number[]): number {
  let logit = model.bias;
  for (let i = 0; i < model.weights.length; i++) {
    const p = (model.weights[i] * (f[i] - model.mean[i])) / model.scale[i];
    if (parts) parts[i] = p;
    logit += p;
  }
  return logit;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The shipped model (segment-weights.ts, made by scripts/train-segment-model.ts). */
export const SEGMENT_MODEL: SegmentWeights = WEIGHTS as SegmentWeights;

/**
 * The segments of the kept text the model scores as noise, each with its evidence: the probability and the features
 * that pushed hardest towards noise.
 */
export function segmentModelHits(text: string, removed: readonly Hit[], ctx: RuleContext, model: SegmentWeights = SEGMENT_MODEL): Hit[] {
  const segs = segmentsOf(text, removed);
  if (!segs.length) return [];
  const feats = featuresOf(text, segs, ctx);
  const p = feats.map((f) => sigmoid(score(model, f)));
  const take = grow(segs, p, model.threshold, model.neighbourThreshold);
  const hits: Hit[] = [];
  segs.forEach((s, i) => {
    if (!take[i]) return;
    const parts: number[] = [];
    score(model, feats[i], parts);
    hits.push({ start: s.start, end: s.end, why: explain(model, p[i], p[i] < model.threshold, parts, feats[i]) });
  });
  return hits;
}

/**
 * Which segments go: those of MIN_REMOVE_CHARS or more scored at `high` or above, then, growing while any joins, their
 * neighbours in the same stretch scored at `low` or above (a bio's second sentence is as much noise as its first).
 * The training script chooses both thresholds on held-out outlets and reads its figures through this function.
 */
export function grow(segs: readonly Pick<Segment, 'start' | 'end' | 'gap'>[], p: readonly number[], high: number, low: number): boolean[] {
  const long = (i: number) => segs[i].end - segs[i].start >= MIN_REMOVE_CHARS;
  const take = segs.map((_, i) => long(i) && p[i] >= high);
  const queue: number[] = [];
  take.forEach((t, i) => t && queue.push(i));
  while (queue.length) {
    const i = queue.pop()!;
    for (const j of [i - 1, i + 1]) {
      if (j < 0 || j >= segs.length || take[j] || segs[j].gap !== segs[i].gap || !long(j) || p[j] < low) continue;
      take[j] = true;
      queue.push(j);
    }
  }
  return take;
}

/** "segment model p=0.97: mostly capitalised words (+1.8), not ends in a stop (+1.2), …": the strongest pushes towards noise. */
function explain(model: SegmentWeights, p: number, beside: boolean, parts: number[], f: ArrayLike<number>): string {
  const order = parts
    .map((v, i) => [v, i] as const)
    .filter(([v]) => v > 0)
    .sort((a, b) => b[0] - a[0])
    .slice(0, WHY_FEATURES);
  // A feature pushes towards noise by being above its training mean (positive weight) or below it (negative weight).
  const named = order.map(([v, i]) => `${f[i] < model.mean[i] ? 'not ' : ''}${FEATURES[i][1]} (+${v.toFixed(1)})`);
  return `segment model p=${p.toFixed(2)}${beside ? ', beside a removed segment' : ''}: ${named.join(', ')}`;
}
