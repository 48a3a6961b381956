/**
 * Anchors: what ties a story to one matter rather than to a topic. The names it gives (people, organisations,
 * products: names.ts) and the large figures it quotes ("$105 million", "61,000 BTC"), each weighed by its
 * same-event feature weight (prominence in the story times rarity in the rolling document frequency), so a name
 * every outlet writes about this week ("SEC") weighs little and a rare one ("Zashi") much.
 *
 * Coins are not anchors: a week of bitcoin stories is a topic, not a matter. Years, percentages and prices in
 * thousands are not either: they recur across unrelated stories.
 */
import { normaliseAmount } from '../fingerprint/event-terms.ts';
import type { NameToken } from './names.ts';

export interface Anchor {
  key: string; // the same-event feature it comes from: 'w:zashi', 'n:$105m', 'n:61k btc'
  group: string; // anchors of one name share it ('Electric Coin Company' is one name, three keys); a figure is its own
  weight: number; // the feature's weight in this story (unit-length feature vector)
}

/** Enough for a story's distinct actors and sums; a short list keeps the stored rows and the lookup small. */
export const ANCHORS_KEPT = 10;

/** A sum of money of a million or more ('n:$105m', 'n:$105m ether'), or a count of a thousand or more of something ('n:61k btc'). */
const FIGURE = /^n:(?:[$€£][\d.]+[mbt](?: \S+)?|[\d.]+[kmbt] \S+)$/;

export function storyAnchors(names: NameToken[], features: ReadonlyMap<string, number>, keep: number = ANCHORS_KEPT): Anchor[] {
  const out: Anchor[] = [];
  for (const n of names) {
    const weight = features.get(`w:${n.token}`);
    if (weight) out.push({ key: `w:${n.token}`, group: `g${n.group}`, weight });
  }
  for (const [key, weight] of features) {
    // "n:$105m" and "n:$105m ether" are one figure
    if (FIGURE.test(key)) out.push({ key, group: key.split(' ')[0], weight });
  }
  return out.sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1)).slice(0, keep);
}

export interface Overlap {
  keys: string[]; // shared anchor keys, heaviest first
  things: number; // distinct names and figures shared (counted on the side that has fewer)
  weight: number; // sum over shared keys of the smaller weight
}

/** What two stories' anchors share. */
export function anchorOverlap(a: readonly Anchor[], b: readonly Anchor[]): Overlap {
  const by = new Map(b.map((x) => [x.key, x]));
  const shared = a.filter((x) => by.has(x.key));
  const groupsA = new Set(shared.map((x) => x.group));
  const groupsB = new Set(shared.map((x) => by.get(x.key)!.group));
  return {
    keys: shared.map((x) => x.key),
    things: Math.min(groupsA.size, groupsB.size),
    weight: round(shared.reduce((s, x) => s + Math.min(x.weight, by.get(x.key)!.weight), 0)),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A headline's words and figures, spelled as anchor keys spell them ('w:powell', 'w:trump-powell', 'n:$25m'). */
export function headlineKeys(title: string): Set<string> {
  const out = new Set<string>();
  for (const m of title.matchAll(HEADLINE_TOKEN)) {
    const tok = m[0];
    if (/^[$€£\d]/.test(tok)) {
      const amount = normaliseAmount(tok.replace(/\s+/g, ''));
      if (amount) out.add(`n:${amount}`);
      continue;
    }
    const word = tok.toLowerCase().replace(/['’](s)?$/, '');
    out.add(`w:${word}`);
    // "Trump-Powell" names Powell too
    if (word.includes('-')) for (const part of word.split('-')) if (part) out.add(`w:${part}`);
  }
  return out;
}

const HEADLINE_TOKEN = /[$€£]?\d[\d,]*(?:\.\d+)?\s?(?:[kmbt]\b|(?:thousand|million|billion|trillion)\b)?|[\p{L}][\p{L}\p{N}'’-]*/giu;

/** Whether a headline names one of these anchors: a figure by its amount ('n:$105m ether' is named by '$105M'). */
export function headlineNames(headline: ReadonlySet<string>, keys: readonly string[]): boolean {
  return keys.some((k) => headline.has(k.split(' ')[0]));
}
