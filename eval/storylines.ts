/**
 * The storyline level of `eval grouping`. There is no storyline gold: what is measured is
 *   - how many storylines, how many events each, and what share of the events are in one;
 *   - gold events whose members all land in one event, or in one storyline when the events split them;
 *   - the pairs of gold events a storyline links, looked up in eval/data/storyline-judgments.jsonl: pairs of
 *     different gold events read by us and judged one matter or not (and, if not, related by topic or not). They
 *     start from the hard negatives of the gold READMEs (events that look alike but were kept apart) and grow with
 *     every pair a storyline linked that we read; pairs not judged yet are counted, so a change shows what to read.
 * Each runs twice: on the events placeStory makes, and on the gold events themselves (the stories placed, their
 * events forced to the gold's), which measures the storyline level alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { placeStory, type StoryInput } from '../src/pipeline/cluster/place-story.ts';
import { MemoryStore } from '../src/pipeline/cluster/memory-store.ts';
import type { ClusterStore, PlacementWrite } from '../src/pipeline/cluster/store.ts';
import { linkStoryline } from '../src/pipeline/storyline/link-storyline.ts';
import { MemoryStorylineStore } from '../src/pipeline/storyline/memory-store.ts';
import type { StorylineConfig } from '../src/pipeline/storyline/config.ts';
import type { LinkWhy } from '../src/pipeline/storyline/store.ts';

export interface Judgment {
  set: string;
  a: string; // a member of one gold event
  b: string; // a member of another
  matter: 'same' | 'different' | 'unsure';
  topic: 'related' | 'unrelated';
  note: string;
}

export function loadJudgments(set: string): Judgment[] {
  const file = path.join(import.meta.dirname, 'data', 'storyline-judgments.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Judgment)
    .filter((j) => j.set === set);
}

export interface StorylineRun {
  eventOf: Map<string, string>; // story id -> its live event
  lineOf: Map<string, string>; // live event -> its storyline (events in none are left out)
  why: (eventId: string) => LinkWhy | null;
  msPerStory: number; // linkStoryline alone
}

/**
 * Every story placed in publication order, then linked. `events: 'gold'` forces each story's event to its gold event
 * (placeStory still computes and stores its fingerprint and the term counts, as in the Worker).
 */
export async function runStorylines(
  stories: StoryInput[],
  gold: Map<string, string>,
  events: 'ours' | 'gold',
  config: Partial<StorylineConfig> = {},
): Promise<StorylineRun> {
  const memory = new MemoryStore();
  const store: ClusterStore = events === 'ours' ? memory : goldEvents(memory, gold);
  const lines = new MemoryStorylineStore(memory);
  let ms = 0;
  for (const s of stories) {
    const placed = await placeStory(s, store);
    const t0 = performance.now();
    const clusterId = events === 'ours' ? placed.clusterId : goldEventId(gold, s.id);
    await linkStoryline(
      { id: s.id, title: s.title, text: s.text, kind: s.kind ?? null, sourceId: s.sourceId, publishedAt: s.publishedAt, clusterId, merged: events === 'ours' ? placed.merged : [] },
      lines,
      config,
    );
    ms += performance.now() - t0;
  }
  return { eventOf: memory.assignments(), lineOf: lines.assignments(), why: (c) => lines.why(c), msPerStory: ms / (stories.length || 1) };
}

const goldEventId = (gold: Map<string, string>, id: string) => `gold-${gold.get(id) ?? id}`;

/** A ClusterStore whose writes put every story into its gold event: events exactly as the gold defines them. */
function goldEvents(memory: MemoryStore, gold: Map<string, string>): ClusterStore {
  return new Proxy(memory, {
    get(target, prop, receiver) {
      if (prop !== 'commit') return Reflect.get(target, prop, receiver);
      return (w: PlacementWrite) => {
        const clusterId = goldEventId(gold, w.story.id);
        const [cluster] = w.clusters;
        return target.commit({ ...w, story: { ...w.story, clusterId }, clusters: [{ ...cluster, id: clusterId, mergedInto: null }], moves: [] });
      };
    },
  });
}

export interface StorylineFigures {
  storylines: number; // with two events or more (what is shown)
  eventsInStorylines: number;
  events: number;
  eventsPerStoryline: number;
  largest: number; // events in the largest storyline
  goldEvents: number; // gold events of two stories or more
  goldWhole: number; // ...whose stories are all in one event
  goldWholeOrLinked: number; // ...or all in one storyline
  linkedPairs: [string, string][]; // pairs of gold events a storyline links across events (gold labels)
  sameLinked: number; // judged one matter: linked (or in one event)
  same: number;
  differentLinked: number; // judged different matters: linked anyway (by a storyline, across events)
  different: number;
  unrelatedLinked: number; // ...of which unrelated by topic
  storylinesWithUnrelated: number; // storylines linking a pair judged unrelated by topic
  unjudged: [string, string][]; // linked pairs nobody has judged yet
}

export function storylineFigures(run: StorylineRun, gold: Map<string, string>, judgments: Judgment[]): StorylineFigures {
  const eventsOf = (line: string) => [...run.lineOf].filter(([, l]) => l === line).map(([e]) => e);
  const byLine = new Map<string, string[]>();
  for (const [e, l] of run.lineOf) byLine.set(l, [...(byLine.get(l) ?? []), e]);
  const shown = [...byLine].filter(([, es]) => es.length >= 2);
  const liveEvents = new Set(run.eventOf.values());
  const top = (id: string) => {
    const e = run.eventOf.get(id)!;
    return run.lineOf.get(e) ?? e;
  };
  // gold events: whole in one event, or in one storyline
  const goldMembers = new Map<string, string[]>();
  for (const [id, g] of gold) goldMembers.set(g, [...(goldMembers.get(g) ?? []), id]);
  let goldEvents = 0;
  let whole = 0;
  let linked = 0;
  for (const ids of goldMembers.values()) {
    if (ids.length < 2) continue;
    goldEvents++;
    if (new Set(ids.map((i) => run.eventOf.get(i))).size === 1) whole++;
    if (new Set(ids.map(top)).size === 1) linked++;
  }
  // pairs of gold events a storyline brings together (across its events, not inside one)
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const pairs = new Map<string, string>(); // pair -> storyline
  for (const [line, es] of shown) {
    const goldOf = new Map<string, Set<string>>(); // event -> its gold events
    for (const [id, e] of run.eventOf) if (es.includes(e)) goldOf.set(e, new Set([...(goldOf.get(e) ?? []), gold.get(id) ?? id]));
    const list = [...goldOf];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        for (const a of list[i][1]) for (const b of list[j][1]) if (a !== b) pairs.set(pairKey(a, b), line);
      }
    }
  }
  const judged = new Map(judgments.map((j) => [pairKey(gold.get(j.a) ?? j.a, gold.get(j.b) ?? j.b), j]));
  const together = (j: Judgment) => top(j.a) === top(j.b);
  // linked by a storyline, not put into one event by the event level
  const linkedApart = (j: Judgment) => together(j) && run.eventOf.get(j.a) !== run.eventOf.get(j.b);
  const same = judgments.filter((j) => j.matter === 'same');
  const different = judgments.filter((j) => j.matter === 'different');
  const unrelatedLines = new Set([...pairs].filter(([p]) => judged.get(p)?.matter === 'different' && judged.get(p)?.topic === 'unrelated').map(([, l]) => l));
  return {
    storylines: shown.length,
    eventsInStorylines: shown.reduce((n, [, es]) => n + es.length, 0),
    events: liveEvents.size,
    eventsPerStoryline: shown.length ? shown.reduce((n, [, es]) => n + es.length, 0) / shown.length : 0,
    largest: Math.max(0, ...shown.map(([line]) => eventsOf(line).length)),
    goldEvents,
    goldWhole: whole,
    goldWholeOrLinked: linked,
    linkedPairs: [...pairs.keys()].map((p) => p.split('|') as [string, string]),
    sameLinked: same.filter(together).length,
    same: same.length,
    differentLinked: different.filter(linkedApart).length,
    different: different.length,
    unrelatedLinked: different.filter((j) => j.topic === 'unrelated' && linkedApart(j)).length,
    storylinesWithUnrelated: unrelatedLines.size,
    unjudged: [...pairs.keys()].filter((p) => !judged.has(p)).map((p) => p.split('|') as [string, string]),
  };
}

/** The storylines, one line per event in time order, for reading: what they link and why. */
export function describeStorylines(run: StorylineRun, stories: StoryInput[], gold: Map<string, string>): string[] {
  const byId = new Map(stories.map((s) => [s.id, s]));
  const members = new Map<string, StoryInput[]>();
  for (const [id, e] of run.eventOf) members.set(e, [...(members.get(e) ?? []), byId.get(id)!]);
  const byLine = new Map<string, string[]>();
  for (const [e, l] of run.lineOf) byLine.set(l, [...(byLine.get(l) ?? []), e]);
  const out: string[] = [];
  for (const [line, es] of byLine) {
    if (es.length < 2) continue;
    const first = (e: string) => Math.min(...members.get(e)!.map((m) => m.publishedAt));
    out.push(`storyline ${line}: ${es.length} events`);
    for (const e of es.sort((a, b) => first(a) - first(b))) {
      const ms = members.get(e)!.sort((a, b) => a.publishedAt - b.publishedAt);
      const why = run.why(e);
      const golds = [...new Set(ms.map((m) => gold.get(m.id)))].join(',');
      out.push(`  ${new Date(first(e)).toISOString().slice(0, 16)} ${ms.length} stor${ms.length === 1 ? 'y' : 'ies'}, gold ${golds}: ${ms[0].sourceId}: ${ms[0].title}`);
      if (why) out.push(`      linked: cosine ${why.event} >= ${why.bar}, shares ${why.shared.map((k) => k.slice(2)).join(', ')}`);
    }
  }
  return out;
}
