/**
 * applyOverrides: an editor's overrides (overrides.ts) applied to one placement, after the clustering has decided
 * which clusters the arriving story matches and before anything is written. The clustering's decisions are its own
 * (place-story.ts); this step only
 *   - sends an item an editor split into a story of its own to that story (it joins nothing when placed),
 *   - adds the clusters holding items an override ties the story to (a merge, a split into another story), so a
 *     group the editor made is made again when its items are placed again,
 *   - drops clusters an override keeps apart from the story or from a cluster joined before them (a split item stays
 *     out of its old story even when it matches it; a story matching both never bridges them),
 * and hands back the rules, from which the placement takes the pinned canonical and whether the story is hidden.
 * With no override naming the story or the members it would join, it costs one indexed query and changes nothing.
 */
import { OverrideRules, splitStoryId } from './overrides.ts';
import type { ClusterStore, StoredCluster, StoredStory } from './store.ts';

export interface EditorialPlacement {
  joined: StoredCluster[]; // the clusters the story joins, in the placement's survivor order (first published, id)
  pool: StoredStory[]; // their members
  ownId: string | null; // the id of the cluster the story founds, when an editor gave it one
  rules: OverrideRules; // every override naming the story or a member: the canonical pin and the hide come from them
  note: string; // what the overrides changed, for the placement's `why` ('' when nothing)
}

const NO_RULES = new OverrideRules([]);

export async function applyOverrides(
  storyId: string,
  joined: StoredCluster[],
  pool: StoredStory[],
  order: string[], // the joined clusters' ids, best match first: who wins when two may not share a story
  store: ClusterStore,
  live: (ids: string[]) => Promise<Map<string, StoredCluster>>, // cluster ids -> their live clusters (merges followed)
): Promise<EditorialPlacement> {
  const unchanged: EditorialPlacement = { joined, pool, ownId: null, rules: NO_RULES, note: '' };
  if (!store.overridesFor) return unchanged;
  let rules = new OverrideRules(await store.overridesFor([storyId, ...pool.map((m) => m.id)]));
  if (rules.empty) return unchanged;

  const own = rules.ownStory(storyId);
  if (own) return { joined: [], pool: [], ownId: splitStoryId(storyId), rules, note: `an editor split it into a story of its own (override ${own.id})` };

  // Clusters holding items an override ties this story to, whether or not the story matched them.
  const clusters = new Map(joined.map((c) => [c.id, c]));
  const members = [...pool];
  const peers = rules.peers(storyId);
  const tied: string[] = [];
  if (peers.length) {
    const placed = (await store.stories(peers)).filter((s) => s.id !== storyId);
    const liveOf = await live([...new Set(placed.map((s) => s.clusterId))]);
    const extra = [...new Map([...liveOf.values()].filter((c) => !clusters.has(c.id)).map((c) => [c.id, c])).values()];
    for (const c of liveOf.values()) if (!tied.includes(c.id)) tied.push(c.id);
    if (extra.length) {
      for (const c of extra) clusters.set(c.id, c);
      const known = new Set(members.map((m) => m.id));
      const more = (await store.members(extra.map((c) => c.id))).filter((m) => !known.has(m.id));
      members.push(...more);
      rules = new OverrideRules([...rules.records, ...(await store.overridesFor(more.map((m) => m.id)))]);
    }
  }

  // Tied clusters first, then the matched ones best first; each is taken unless an override keeps it apart.
  const itemsOf = new Map<string, string[]>();
  for (const m of members) itemsOf.set(m.clusterId, [...(itemsOf.get(m.clusterId) ?? []), m.id]);
  const taken: StoredCluster[] = [];
  const takenItems = [storyId];
  const notes: string[] = [];
  for (const id of [...new Set([...tied, ...order])]) {
    const c = clusters.get(id);
    if (!c) continue;
    const items = itemsOf.get(id) ?? [];
    const apart = rules.keepsApart(items, takenItems);
    if (apart) {
      notes.push(`kept out of ${id} by an editor's ${apart.action} (override ${apart.id})`);
      continue;
    }
    if (tied.includes(id) && !order.includes(id)) notes.push(`joined ${id} as an editor's override tied it there`);
    taken.push(c);
    takenItems.push(...items);
  }
  taken.sort((a, b) => a.firstPublishedAt - b.firstPublishedAt || (a.id < b.id ? -1 : 1));
  const takenIds = new Set(taken.map((c) => c.id));
  return { joined: taken, pool: members.filter((m) => takenIds.has(m.clusterId)), ownId: null, rules, note: notes.join('; ') };
}
