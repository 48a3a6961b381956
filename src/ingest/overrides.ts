/**
 * Editorial overrides as changes to the stored stories: record one (POST /admin/overrides), undo one (DELETE), import
 * an export into another database. What an override means is decided in src/pipeline/cluster/overrides.ts, and
 * placement applies it to every story placed from then on (apply-overrides.ts); this file makes the stories already
 * placed agree with it at once.
 *
 * Each change is worked out in memory from the members of the clusters it touches, then written in one D1 batch with
 * the override itself: moved items, and every touched cluster recomputed from its members the way placement computes
 * it (canonical with the editor's pin, size, times, hidden, the text it shows). An emptied cluster is marked merged into
 * the one its members went to, so its id still resolves, and its storyline goes with them.
 *
 * Operations act on items, not on story ids, so the same code serves an override just made and one imported into a
 * database whose stories were placed without it (their ids may differ there; the items' do not).
 */
import { bumpServingVersion } from '../db/serving-version.ts';
import { chooseCanonical } from '../pipeline/choose-canonical.ts';
import { chooseText } from '../pipeline/choose-text.ts';
import { OverrideRules, splitStoryId, type OverrideAction, type OverrideRole } from '../pipeline/cluster/overrides.ts';
import { liveClusters } from '../pipeline/cluster/place-story.ts';
import type { StoredCluster, StoredStory } from '../pipeline/cluster/store.ts';
import { cosine, decodeFingerprint, jaccard, type Fingerprint } from '../pipeline/fingerprint/index.ts';
import { itemId as itemIdOf } from '../pipeline/ids.ts';
import { joinStorylines } from '../pipeline/storyline/link-storyline.ts';
import { D1ClusterStore, clusterWrites } from '../db/cluster-store.ts';
import { storyTextWrite, textCandidates } from '../db/story-text.ts';
import { D1StorylineStore, storylineWrites } from '../db/storyline-store.ts';
import { deleteOverride, getOverride, insertOverride, overridesNaming, type OverrideTarget, type StoredOverride } from '../db/queries/overrides.ts';

/** An editor's note is a sentence or two of plain text: enough to say why, short enough to show on every page. */
export const NOTE_MAX_CHARS = 500;

/** Why an override was refused, with the status and code the admin route answers. */
export class OverrideRefused extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface OverrideRequest {
  action: OverrideAction;
  story?: string; // merge, pin, hide
  into?: string; // merge (required), split (optional)
  item?: string; // split, pin
  note: string;
}

export interface OverrideResult {
  override: StoredOverride;
  story: string; // the story to look at afterwards: merge the one kept, split the item's new one, pin and hide the story
}

/** Records an editor's override and makes the stored stories agree with it, in one batch. */
export async function recordOverride(d1: D1Database, req: OverrideRequest, opts: { id: string; now: number }): Promise<OverrideResult> {
  const edit = new Edit(d1);
  const o: StoredOverride = { id: opts.id, action: req.action, createdAt: opts.now, item: null, story: [], into: [], storyId: '', intoId: null, note: req.note };
  const targets: OverrideTarget[] = [];
  const name = (role: OverrideRole, members: StoredStory[]) => {
    for (const m of members) targets.push({ role, itemId: m.id, sourceId: m.sourceId, url: m.url ?? '' });
    return members.map((m) => m.id);
  };
  if (req.action === 'merge') {
    const from = await edit.story(req.story!);
    const into = await edit.story(req.into!);
    if (from === into) throw new OverrideRefused(409, 'same_story', `${req.story} and ${req.into} are already one story (${into})`);
    Object.assign(o, { storyId: from, intoId: into, story: name('story', edit.membersOf(from)), into: name('into', edit.membersOf(into)) });
  } else if (req.action === 'split') {
    const item = await edit.item(req.item!);
    const at = item.clusterId;
    const into = req.into ? await edit.story(req.into) : null;
    if (into === at) throw new OverrideRefused(409, 'already_there', `item ${item.id} is already in story ${at}`);
    if (!into && edit.membersOf(at).length === 1) throw new OverrideRefused(409, 'only_member', `item ${item.id} is the only member of story ${at}: there is nothing to split it from`);
    o.item = name('item', [item])[0];
    Object.assign(o, { storyId: at, intoId: into, story: name('story', edit.membersOf(at).filter((m) => m.id !== item.id)), into: into ? name('into', edit.membersOf(into)) : [] });
  } else if (req.action === 'pin') {
    const story = await edit.story(req.story!);
    const item = await edit.item(req.item!);
    if (item.clusterId !== story) throw new OverrideRefused(409, 'not_a_member', `item ${item.id} is not a member of story ${story} (it is in ${item.clusterId})`);
    o.item = name('item', [item])[0];
    o.storyId = story;
  } else {
    const story = await edit.story(req.story!);
    if (edit.row(story)?.hidden) throw new OverrideRefused(409, 'already_hidden', `story ${story} is already hidden`);
    Object.assign(o, { storyId: story, story: name('story', edit.membersOf(story)) });
  }
  const story = await enact(edit, o);
  await d1.batch([...insertOverride(d1, o, targets), ...(await edit.writes({ add: o, now: opts.now }))]);
  await bumpServingVersion(d1);
  return { override: o, story };
}

/** Removes an override and reverses what it did to the items it named; items that arrived since stay where they are. */
export async function undoOverride(d1: D1Database, id: string, now: number): Promise<OverrideResult> {
  const o = await getOverride(d1, id);
  if (!o) throw new OverrideRefused(404, 'unknown_override', `no override with id ${JSON.stringify(id)}`);
  const edit = new Edit(d1);
  const story = await reverse(edit, o);
  await d1.batch([...deleteOverride(d1, id), ...(await edit.writes({ drop: id, now }))]);
  await bumpServingVersion(d1);
  return { override: o, story };
}

/** An exported override (GET /admin/overrides), to be carried into another database. */
export interface ImportedOverride {
  id: string;
  action: OverrideAction;
  storyId: string;
  intoId: string | null;
  note: string;
  createdAt: number;
  targets: { role: OverrideRole; sourceId: string; url: string }[];
}

/**
 * Stores overrides exported from another database and applies each, oldest first, to whatever of their items is placed
 * here already; the rest apply as the items are placed (a replay after the import). Items are found by source and URL
 * (a row stored before ids hashed the source keeps its own id). An override already here is left as it is.
 */
export async function importOverrides(d1: D1Database, list: ImportedOverride[], now: number): Promise<{ imported: number; known: number }> {
  let imported = 0;
  for (const x of [...list].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))) {
    if (await getOverride(d1, x.id)) continue;
    const targets: OverrideTarget[] = [];
    for (const t of x.targets) targets.push({ ...t, itemId: await localItemId(d1, t.sourceId, t.url) });
    const of = (role: OverrideRole) => targets.filter((t) => t.role === role).map((t) => t.itemId);
    const o: StoredOverride = { id: x.id, action: x.action, createdAt: x.createdAt, item: of('item')[0] ?? null, story: of('story'), into: of('into'), storyId: x.storyId, intoId: x.intoId, note: x.note };
    const edit = new Edit(d1);
    await enact(edit, o);
    await d1.batch([...insertOverride(d1, o, targets), ...(await edit.writes({ add: o, now }))]);
    imported++;
  }
  if (imported) await bumpServingVersion(d1);
  return { imported, known: list.length - imported };
}

async function localItemId(d1: D1Database, sourceId: string, url: string): Promise<string> {
  const row = await d1.prepare(`SELECT id FROM items WHERE source_id = ?1 AND url = ?2`).bind(sourceId, url).first<{ id: string }>();
  return row?.id ?? itemIdOf(sourceId, url);
}

/** Makes the placed items agree with an override. Returns the story to look at afterwards. */
async function enact(edit: Edit, o: StoredOverride): Promise<string> {
  if (o.action === 'merge') {
    const where = await edit.clustersOf([...o.into, ...o.story]);
    const into = unique(o.into.map((i) => where.get(i)));
    const from = unique(o.story.map((i) => where.get(i)));
    const survivor = prefer(into, await edit.live(o.intoId)) ?? from[0];
    if (!survivor) return o.intoId ?? o.storyId;
    for (const c of unique([...into, ...from])) if (c !== survivor) edit.absorb(c, survivor);
    return survivor;
  }
  if (o.action === 'split') {
    const at = (await edit.clustersOf([o.item!])).get(o.item!);
    if (!at) return splitStoryId(o.item!);
    let target = splitStoryId(o.item!);
    if (o.into.length) {
      const where = await edit.clustersOf(o.into);
      const into = prefer(unique(o.into.map((i) => where.get(i))), await edit.live(o.intoId));
      if (!into) return at;
      target = into;
    }
    if (target !== at) await edit.move(o.item!, at, target);
    return target;
  }
  if (o.action === 'pin') {
    const at = (await edit.clustersOf([o.item!])).get(o.item!);
    return at ?? o.storyId;
  }
  const where = await edit.clustersOf(o.story);
  const stories = unique(o.story.map((i) => where.get(i)));
  return prefer(stories, await edit.live(o.storyId)) ?? o.storyId;
}

/** The reverse of enact, for an undo: what the override moved goes back; the rest is recomputed without it. */
async function reverse(edit: Edit, o: StoredOverride): Promise<string> {
  if (o.action === 'merge') {
    const where = await edit.clustersOf([...o.into, ...o.story]);
    const kept = prefer(unique(o.into.map((i) => where.get(i))), await edit.live(o.intoId));
    if (!kept) return o.intoId ?? o.storyId;
    // The merged-away story's members still in the kept story go back to its id; if placement gave the kept story
    // that very id (an imported merge), the other side moves out instead.
    const [movers, home] = kept === o.storyId ? [o.into, o.intoId!] : [o.story, o.storyId];
    const moving = movers.filter((i) => where.get(i) === kept);
    for (const i of moving) await edit.move(i, kept, home);
    await edit.carryFollowers(kept, home, moving, [...o.story, ...o.into]);
    return kept;
  }
  if (o.action === 'split') {
    const at = (await edit.clustersOf([o.item!])).get(o.item!);
    if (!at) return o.storyId;
    const where = await edit.clustersOf(o.story);
    const back = mostCommon(o.story.map((i) => where.get(i)).filter((c) => c && c !== at) as string[]);
    if (back) {
      await edit.move(o.item!, at, back);
      await edit.carryFollowers(at, back, [o.item!], [o.item!, ...o.into]);
    }
    return back ?? at;
  }
  return enact(edit, o); // pin, hide: nothing moved; the clusters are recomputed without the override
}

/**
 * The clusters one change touches: loaded once, changed in memory, written in one batch. Members are StoredStory rows
 * (what placement reads), so a cluster is recomputed here exactly as placement computes it.
 */
class Edit {
  private readonly store: D1ClusterStore;
  private readonly rows = new Map<string, StoredCluster | null>(); // null: no row yet (a story an editor creates)
  private readonly members = new Map<string, StoredStory[]>();
  private readonly emptiedInto = new Map<string, string>(); // a cluster whose members all left -> where they went
  private readonly moved = new Set<string>();
  private readonly absorbed: { from: string; to: string }[] = [];

  constructor(private readonly d1: D1Database) {
    this.store = new D1ClusterStore(d1);
  }

  /** A story id as an editor gives it: resolved through merges to its live cluster, loaded; 404 when there is none. */
  async story(id: string): Promise<string> {
    const live = await this.live(id);
    if (!live || !this.membersOf(live).length) throw new OverrideRefused(404, 'unknown_story', `no story with id ${JSON.stringify(id)}`);
    return live;
  }

  /** A placed item by id, with its live cluster loaded; 404 when there is none. */
  async item(id: string): Promise<StoredStory> {
    const at = (await this.clustersOf([id])).get(id);
    const item = at ? this.membersOf(at).find((m) => m.id === id) : undefined;
    if (!item) throw new OverrideRefused(404, 'unknown_item', `no placed item with id ${JSON.stringify(id)}`);
    return item;
  }

  /** The live cluster an id resolves to (loaded), or null. */
  async live(id: string | null): Promise<string | null> {
    if (!id || !(await this.store.clusters([id])).length) return null;
    const live = (await liveClusters(this.store, [id])).get(id)!;
    await this.load([live]);
    return live.id;
  }

  /** Where each placed item of these is now (its live cluster, loaded); items not placed here are left out. */
  async clustersOf(itemIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const unknown = itemIds.filter((id) => {
      for (const [c, ms] of this.members) {
        if (ms.some((m) => m.id === id)) {
          out.set(id, c);
          return false;
        }
      }
      return true;
    });
    const stories = await this.store.stories([...new Set(unknown)]);
    if (!stories.length) return out;
    const live = await liveClusters(this.store, [...new Set(stories.map((s) => s.clusterId))]);
    await this.load([...live.values()]);
    for (const s of stories) out.set(s.id, live.get(s.clusterId)!.id);
    return out;
  }

  membersOf(clusterId: string): StoredStory[] {
    return this.members.get(clusterId) ?? [];
  }

  row(clusterId: string): StoredCluster | null {
    return this.rows.get(clusterId) ?? null;
  }

  /** Moves one item; the destination is loaded (or created: a story of its own, a merged-away story brought back). */
  async move(itemId: string, from: string, to: string): Promise<void> {
    if (!this.rows.has(to)) {
      const [row] = await this.store.clusters([to]);
      this.rows.set(to, row ?? null);
      this.members.set(to, row ? await this.store.members([to]) : []);
    }
    const list = this.membersOf(from);
    const i = list.findIndex((m) => m.id === itemId);
    if (i < 0) return;
    const [m] = list.splice(i, 1);
    this.membersOf(to).push({ ...m, clusterId: to });
    this.moved.add(itemId);
    if (!list.length) this.emptiedInto.set(from, to);
  }

  /**
   * After an undo moved items back, the items that arrived since and joined `from` because they matched one of the
   * moved items best (their recorded placement says so) follow them: where a replay without the override would put
   * them. Items the override named stay where its reversal left them.
   */
  async carryFollowers(from: string, to: string, moved: string[], named: string[]): Promise<void> {
    const { results } = await this.d1
      .prepare(`SELECT id, json_extract(placement, '$.matches[0].itemId') AS best FROM items WHERE cluster_id = ?1`)
      .bind(from)
      .all<{ id: string; best: string | null }>();
    const gone = new Set(moved);
    const fixed = new Set(named);
    for (let changed = true; changed; ) {
      changed = false;
      for (const r of results) {
        if (gone.has(r.id) || fixed.has(r.id) || !r.best || !gone.has(r.best)) continue;
        await this.move(r.id, from, to);
        gone.add(r.id);
        changed = true;
      }
    }
  }

  /** Every member of one loaded cluster into another; the first keeps its row, merged into the second. */
  absorb(from: string, to: string): void {
    for (const m of this.membersOf(from)) {
      this.membersOf(to).push({ ...m, clusterId: to });
      this.moved.add(m.id);
    }
    this.members.set(from, []);
    this.emptiedInto.set(from, to);
    this.absorbed.push({ from, to });
  }

  /**
   * The statements that write the change: moved items, and each touched cluster recomputed under the overrides naming
   * its members (with the one being added, or without the one being removed).
   */
  async writes(change: { add?: StoredOverride; drop?: string; now: number }): Promise<D1PreparedStatement[]> {
    const all = [...this.members.values()].flat();
    const named = (await overridesNaming(this.d1, all.map((m) => m.id))).filter((r) => r.id !== change.drop && r.id !== change.add?.id);
    const rules = new OverrideRules(change.add ? [...named, change.add] : named);
    const clusters: StoredCluster[] = [];
    const stmts: D1PreparedStatement[] = [];
    for (const [id, ms] of this.members) {
      const row = this.rows.get(id);
      if (!ms.length) {
        if (row) clusters.push({ ...row, mergedInto: this.emptiedInto.get(id) ?? row.mergedInto });
        continue;
      }
      const fps = new Map<string, Fingerprint>(ms.map((m) => [m.id, decodeFingerprint(m.fingerprint)]));
      const pin = rules.pinnedIn(ms.map((m) => m.id));
      const canonical = chooseCanonical(
        ms.map((m) => ({ id: m.id, publishedAt: m.publishedAt, tier: m.tier, kind: m.kind, words: fps.get(m.id)!.words, url: m.url, ownsUrl: m.ownsUrl })),
        pin && { itemId: pin.item!, overrideId: pin.id },
      );
      const times = ms.map((m) => m.publishedAt);
      clusters.push({
        id,
        canonicalId: canonical.canonicalId,
        mergedInto: null,
        firstPublishedAt: Math.min(...times),
        lastPublishedAt: Math.max(...times),
        size: ms.length,
        canonical,
        hidden: !!rules.hiddenBy(ms.map((m) => m.id)),
      });
      // Similarity to the canonical, as placement stores it, for members that moved or whose canonical changed.
      const top = fps.get(canonical.canonicalId)!;
      for (const m of ms) {
        if (!this.moved.has(m.id) && row?.canonicalId === canonical.canonicalId) continue;
        const fp = fps.get(m.id)!;
        const similarity = m.id === canonical.canonicalId ? 1 : Math.max(jaccard(fp.signature, top.signature), cosine(fp.features, top.features));
        stmts.push(
          this.d1
            .prepare(`UPDATE items SET cluster_id = ?2, similarity_permille = ?3, updated_at = ?4 WHERE id = ?1`)
            .bind(m.id, id, Math.round(similarity * 1000), change.now),
        );
      }
    }
    // A story absorbed whole moves by its cluster id, as placement's merges do: a member placed into it while this
    // change was worked out (the article queue runs beside /admin) follows it instead of staying in a merged cluster.
    const absorbs = this.absorbed.map((a) => this.d1.prepare(`UPDATE items SET cluster_id = ?2, updated_at = ?3 WHERE cluster_id = ?1`).bind(a.from, a.to, change.now));
    // then what placement settles after the clustering: the text each story shows (clusterWrites has just copied the
    // canonical's summary) and the storylines of stories merged away
    const live = clusters.filter((c) => !c.mergedInto && this.membersOf(c.id).length);
    const texts = await textCandidates(this.d1, live.flatMap((c) => this.membersOf(c.id).map((m) => m.id)));
    const textWrites = live.map((c) =>
      storyTextWrite(this.d1, c.id, chooseText(c.canonicalId, this.membersOf(c.id).map((m) => texts.get(m.id) ?? { id: m.id, chars: 0, kind: m.kind }))),
    );
    // an undone override no longer holds a story in the storyline it took with a merge (see storylineWrites)
    const released = change.drop
      ? [
          this.d1
            .prepare(`UPDATE clusters SET storyline_id = NULL, storyline_why = NULL, updated_at = ?2 WHERE json_extract(storyline_why, '$.override') = ?1`)
            .bind(change.drop, change.now),
        ]
      : [];
    const storylines = await this.storylineWrites(change.add?.id ?? null, change.now);
    return [...absorbs, ...stmts, ...clusterWrites(this.d1, clusters, change.now), ...textWrites, ...released, ...storylines];
  }

  /**
   * A story whose members all went into another (a merge, or an undo that emptied it) takes its storyline along, as
   * placement's merges do: the survivor keeps its storyline, or takes the emptied one's; two merge, the older id kept.
   * A survivor that had none says which override brought it in (`storyline_why: {override, merged}`), so undoing that
   * override takes it out again; two storylines merged stay merged, as placement's do.
   */
  private async storylineWrites(overrideId: string | null, now: number): Promise<D1PreparedStatement[]> {
    const into = new Map<string, string[]>();
    for (const [from, to] of this.emptiedInto) if (this.membersOf(to).length) into.set(to, [...(into.get(to) ?? []), from]);
    if (!into.size) return [];
    const store = new D1StorylineStore(this.d1, this.store);
    const stmts: D1PreparedStatement[] = [];
    for (const [to, froms] of into) {
      const current = await store.eventStorylines([to, ...froms]);
      const ids = [...new Set([...current.values()].filter((id): id is string => id !== null))];
      if (!ids.length) continue;
      const { own, write } = joinStorylines(to, current, await store.storylines(ids));
      if (!own || !(write.links.length || write.moves.length)) continue;
      const links = write.links.map((l) => (l.clusterId === to && !current.get(to) && overrideId ? { ...l, why: { override: overrideId, merged: froms } } : l));
      stmts.push(...storylineWrites(this.d1, { ...write, links, storylines: [own, ...write.storylines] }, now));
    }
    return stmts;
  }

  private async load(clusters: StoredCluster[]): Promise<void> {
    const fresh = clusters.filter((c) => !this.rows.has(c.id));
    if (!fresh.length) return;
    const members = await this.store.members(fresh.map((c) => c.id));
    for (const c of fresh) {
      this.rows.set(c.id, c);
      this.members.set(c.id, members.filter((m) => m.clusterId === c.id));
    }
  }
}

function unique(ids: (string | undefined)[]): string[] {
  return [...new Set(ids.filter((x): x is string => !!x))];
}

/** The named story when it is among the candidates, else the first candidate. */
function prefer(candidates: string[], named: string | null): string | undefined {
  return named && candidates.includes(named) ? named : candidates[0];
}

function mostCommon(ids: string[]): string | undefined {
  const n = new Map<string, number>();
  for (const id of ids) n.set(id, (n.get(id) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}
