/**
 * Editorial overrides as data: what an editor decided about stories, in terms of items, and the rules that say what
 * those decisions mean for a set of items. Pure: placement (apply-overrides.ts), the admin routes that record an
 * override and the pages that show one all read these rules, so a decision means the same wherever stories are
 * placed or read.
 *
 * Why items and not story ids: a story id is the id of whichever item founded the cluster, which depends on what
 * arrived first; an item's id is the hash of its source and URL, the same in every database that reads the same
 * feeds. An override therefore names the items it is about (the members of each story it names, as they were when it
 * was made), and applies again when those items are placed again: a later arrival, a replay into a fresh database.
 *
 * What each action means, item by item (a later override wins over an earlier one about the same items):
 *   merge {story, into}   every member of both stories belongs together
 *   split {item, into?}   the item is kept apart from the other members of its story; with `into`, it belongs with the
 *                         members of that story, else it founds a story of its own
 *   pin   {story, item}   the item is its story's canonical (the latest pin among a story's members wins) until a later
 *                         split takes it out
 *   hide  {story}         a story holding any of the hidden story's members is hidden (so it stays hidden when new
 *                         members join or it is merged on) unless a later split took that member out
 */
import { stableId } from '../ids.ts';

export const OVERRIDE_ACTIONS = ['merge', 'split', 'pin', 'hide'] as const;
export type OverrideAction = (typeof OVERRIDE_ACTIONS)[number];
export type OverrideRole = 'item' | 'story' | 'into';

export interface OverrideRecord {
  id: string;
  action: OverrideAction;
  createdAt: number; // ms since epoch: the order in which decisions apply
  item: string | null; // split, pin: the item
  story: string[]; // the members of the named story when the override was made (split: without the item)
  into: string[]; // merge, split into: the members of the story joined
}

export type Relation = 'together' | 'apart';

/** Ordered oldest first, ties by id, so "the latest wins" is the same everywhere. */
export function byTime(a: OverrideRecord, b: OverrideRecord): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The story id of an item an editor split into a story of its own. Derived from the item, so it is the same in every
 * database and never collides with the story the item left (whose id may be the item's own, when it founded it).
 */
export function splitStoryId(itemId: string): string {
  return stableId(`split\n${itemId}`);
}

/** A record's item lists as sets: a story's members may number hundreds, and pairs are asked about often. */
interface Indexed {
  r: OverrideRecord;
  story: Set<string>;
  into: Set<string>;
}

/** What one override says about two items, if anything. */
function relationIn(x: Indexed, a: string, b: string): Relation | null {
  const r = x.r;
  if (r.action === 'merge') {
    const inA = x.story.has(a) || x.into.has(a);
    const inB = x.story.has(b) || x.into.has(b);
    return inA && inB ? 'together' : null;
  }
  if (r.action === 'split') {
    const other = r.item === a ? b : r.item === b ? a : null;
    if (other == null) return null;
    if (x.into.has(other)) return 'together';
    if (x.story.has(other)) return 'apart';
  }
  return null;
}

/**
 * The rules over a set of overrides, indexed by item. Built once per placement or page from the overrides that name
 * any of the items concerned (the caller loads them; see ClusterStore.overridesFor).
 */
export class OverrideRules {
  readonly records: OverrideRecord[]; // oldest first
  private readonly byItem = new Map<string, Indexed[]>();

  constructor(records: OverrideRecord[]) {
    this.records = [...new Map(records.map((r) => [r.id, r])).values()].sort(byTime);
    for (const r of this.records) {
      const x: Indexed = { r, story: new Set(r.story), into: new Set(r.into) };
      for (const id of new Set([...(r.item ? [r.item] : []), ...r.story, ...r.into])) {
        const list = this.byItem.get(id) ?? [];
        list.push(x);
        this.byItem.set(id, list);
      }
    }
  }

  get empty(): boolean {
    return this.records.length === 0;
  }

  /** Whether any override names this item. */
  names(itemId: string): boolean {
    return this.byItem.has(itemId);
  }

  /** Overrides naming the item, oldest first. */
  of(itemId: string): OverrideRecord[] {
    return (this.byItem.get(itemId) ?? []).map((x) => x.r);
  }

  /** The latest override's word on two items: together, apart, or nothing. */
  relation(a: string, b: string): Relation | null {
    return this.decision(a, b)?.relation ?? null;
  }

  /** The override that has the last word on two items, and what it says. */
  decision(a: string, b: string): { relation: Relation; by: OverrideRecord } | null {
    if (a === b) return null;
    const ofA = this.byItem.get(a);
    if (!ofA || !this.byItem.has(b)) return null;
    for (let i = ofA.length - 1; i >= 0; i--) {
      const rel = relationIn(ofA[i], a, b);
      if (rel) return { relation: rel, by: ofA[i].r };
    }
    return null;
  }

  /** Items an override ties this one to (the latest word on the pair is "together"). */
  peers(itemId: string): string[] {
    const out = new Set<string>();
    for (const r of this.of(itemId)) {
      for (const other of [...(r.item ? [r.item] : []), ...r.story, ...r.into]) {
        if (other !== itemId && !out.has(other) && this.relation(itemId, other) === 'together') out.add(other);
      }
    }
    return [...out];
  }

  /**
   * The split that sent this item to a story of its own, when that is the latest word on where it belongs (a later
   * merge naming it, or a split into another story, replaces it).
   */
  ownStory(itemId: string): OverrideRecord | null {
    const placing = this.of(itemId).filter((r) => r.action === 'merge' || (r.action === 'split' && r.item === itemId));
    const last = placing[placing.length - 1];
    return last && last.action === 'split' && last.into.length === 0 ? last : null;
  }

  /** Whether a split of this item came after the given override (it takes the item out of pins and hides). */
  private splitAfter(itemId: string, r: OverrideRecord): boolean {
    return this.of(itemId).some((s) => s.action === 'split' && s.item === itemId && byTime(s, r) > 0);
  }

  /** The pin that decides a story of these members' canonical: the latest pin still in force among them. */
  pinnedIn(memberIds: Iterable<string>): OverrideRecord | null {
    const members = new Set(memberIds);
    let best: OverrideRecord | null = null;
    for (const r of this.records) {
      if (r.action === 'pin' && r.item && members.has(r.item) && !this.splitAfter(r.item, r)) best = r;
    }
    return best;
  }

  /** The hide that keeps a story of these members hidden, if any (the earliest still in force). */
  hiddenBy(memberIds: Iterable<string>): OverrideRecord | null {
    const members = [...memberIds];
    for (const r of this.records) {
      if (r.action !== 'hide') continue;
      const story = new Set(r.story);
      if (members.some((m) => story.has(m) && !this.splitAfter(m, r))) return r;
    }
    return null;
  }

  /** The override keeping a pair of these two sets of items apart, if any: then they may not share a story. */
  keepsApart(a: Iterable<string>, b: Iterable<string>): OverrideRecord | null {
    const named = [...a].filter((id) => this.byItem.has(id));
    if (!named.length) return null;
    const others = [...b].filter((id) => this.byItem.has(id));
    for (const x of named) {
      for (const y of others) {
        const d = this.decision(x, y);
        if (d?.relation === 'apart') return d.by;
      }
    }
    return null;
  }
}
