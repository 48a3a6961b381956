import { describe, expect, it } from 'vitest';
import { placeStory, type StoryInput } from '../../../src/pipeline/cluster/place-story.ts';
import { MemoryStore } from '../../../src/pipeline/cluster/memory-store.ts';
import type { PlacementWrite } from '../../../src/pipeline/cluster/store.ts';
import { linkStoryline, type StorylineLink } from '../../../src/pipeline/storyline/link-storyline.ts';
import { MemoryStorylineStore } from '../../../src/pipeline/storyline/memory-store.ts';
import { BACKGROUND } from '../cluster/fixtures.ts';
import { ARREST, EXPLOIT_A, EXPLOIT_B, HALT, HOOK_AD, LATE_ARREST, REFUND_PLAN, RESIGNATION, SAME_FOUNDER_OTHER_MATTER } from './fixtures.ts';

/**
 * Stories placed through placeStory (fingerprints, term counts), their events given by the test: the storyline level
 * is tested on its own, whatever the event level decides (its rules are another module's).
 */
function world() {
  const memory = new MemoryStore();
  const lines = new MemoryStorylineStore(memory);
  let forced: { event: string; merged: string[] } = { event: '', merged: [] };
  const forcing = new Proxy(memory, {
    get(target, prop, receiver) {
      if (prop !== 'commit') return Reflect.get(target, prop, receiver);
      return (w: PlacementWrite) =>
        target.commit({
          ...w,
          story: { ...w.story, clusterId: forced.event },
          clusters: [{ ...w.clusters[0], id: forced.event, mergedInto: null }, ...forced.merged.map((id) => ({ ...w.clusters[0], id, mergedInto: forced.event }))],
          moves: forced.merged.map((from) => ({ from, to: forced.event })),
        });
    },
  });
  async function place(s: StoryInput, event: string = s.id, merged: string[] = []): Promise<StorylineLink> {
    forced = { event, merged };
    await placeStory(s, forcing);
    return linkStoryline({ id: s.id, title: s.title, text: s.text, kind: s.kind ?? null, sourceId: s.sourceId, publishedAt: s.publishedAt, clusterId: event, merged }, lines);
  }
  return { memory, lines, place };
}

async function withBackground() {
  const w = world();
  for (const s of BACKGROUND) await w.place(s);
  return w;
}

describe('linkStoryline', () => {
  it('links an exploit, its refund plan and an arrest ten days later into one storyline', async () => {
    const w = await withBackground();
    await w.place(EXPLOIT_A, 'exploit');
    await w.place(EXPLOIT_B, 'exploit');
    const refund = await w.place(REFUND_PLAN, 'refund');
    const arrest = await w.place(ARREST, 'arrest');
    expect(refund.storylineId).not.toBeNull();
    expect(refund.why).toMatch(/^started storyline \w+; brought in the event of exploit-[ab]/);
    expect(arrest.storylineId).toBe(refund.storylineId);
    const lines = w.lines.assignments();
    expect(lines.get('exploit')).toBe(refund.storylineId);
    expect(lines.get('refund')).toBe(refund.storylineId);
    expect(lines.get('arrest')).toBe(refund.storylineId);
  });

  it('says which names and figures linked two events, and at what cosine against which bar', async () => {
    const w = await withBackground();
    await w.place(EXPLOIT_A, 'exploit');
    const refund = await w.place(REFUND_PLAN, 'refund');
    expect(refund.link).toMatchObject({ itemId: 'refund-plan', toItemId: 'exploit-a', toClusterId: 'exploit' });
    expect(refund.link!.shared).toEqual(expect.arrayContaining(['w:quillstone', 'w:okafor']));
    expect(refund.link!.things).toBeGreaterThanOrEqual(2);
    expect(refund.link!.event).toBeGreaterThanOrEqual(refund.link!.bar);
    expect(w.lines.why('exploit')).toMatchObject({ itemId: 'exploit-a', toItemId: 'refund-plan' });
  });

  it('keeps the storyline id when more events join', async () => {
    const w = await withBackground();
    await w.place(EXPLOIT_A, 'exploit');
    const first = await w.place(REFUND_PLAN, 'refund');
    await w.place(ARREST, 'arrest');
    await w.place(EXPLOIT_B, 'exploit');
    expect(new Set(w.lines.assignments().values())).toEqual(new Set([first.storylineId]));
  });

  it('keeps apart an event that shares only one actor with the matter', async () => {
    const w = await withBackground();
    await w.place(EXPLOIT_A, 'exploit');
    await w.place(REFUND_PLAN, 'refund');
    const talk = await w.place(SAME_FOUNDER_OTHER_MATTER, 'talk');
    expect(talk.storylineId).toBeNull();
    expect(w.lines.assignments().has('talk')).toBe(false);
  });

  it('never links an advertorial that uses the matter as its hook', async () => {
    const w = await withBackground();
    await w.place(EXPLOIT_A, 'exploit');
    const ad = await w.place(HOOK_AD, 'ad');
    expect(ad.storylineId).toBeNull();
    expect(ad.why).toMatch(/a sponsored story links none/);
    await w.place(REFUND_PLAN, 'refund');
    expect(w.lines.assignments().has('ad')).toBe(false);
  });

  it('links nothing across more than the 14-day window', async () => {
    const w = await withBackground();
    await w.place(EXPLOIT_A, 'exploit');
    const late = await w.place(LATE_ARREST, 'late');
    expect(late.storylineId).toBeNull();
  });

  it('keeps two matters of the same week in two storylines', async () => {
    const w = await withBackground();
    for (const [s, e] of [
      [EXPLOIT_A, 'exploit'],
      [REFUND_PLAN, 'refund'],
      [HALT, 'halt'],
      [RESIGNATION, 'resignation'],
    ] as const) {
      await w.place(s, e);
    }
    const lines = w.lines.assignments();
    expect(lines.get('exploit')).toBe(lines.get('refund'));
    expect(lines.get('halt')).toBe(lines.get('resignation'));
    expect(lines.get('exploit')).not.toBe(lines.get('halt'));
  });

  it('groups the same events into storylines whatever the arrival order', async () => {
    const stories: [StoryInput, string][] = [
      [EXPLOIT_A, 'exploit'],
      [EXPLOIT_B, 'exploit'],
      [REFUND_PLAN, 'refund'],
      [HALT, 'halt'],
      [RESIGNATION, 'resignation'],
      [ARREST, 'arrest'],
      [SAME_FOUNDER_OTHER_MATTER, 'talk'],
    ];
    const partitions: string[][][] = [];
    for (const order of [stories, [...stories].reverse()]) {
      const w = await withBackground();
      for (const [s, e] of order) await w.place(s, e);
      const groups = new Map<string, string[]>();
      for (const [e, l] of w.lines.assignments()) groups.set(l, [...(groups.get(l) ?? []), e].sort());
      partitions.push([...groups.values()].sort());
    }
    expect(partitions[0]).toEqual([['arrest', 'exploit', 'refund'], ['halt', 'resignation']]);
    expect(partitions[1]).toEqual(partitions[0]);
  });

  it('merges the storylines of two events that merge, keeping the older id; the other still resolves', async () => {
    const w = await withBackground();
    await w.place(EXPLOIT_A, 'exploit');
    const older = await w.place(REFUND_PLAN, 'refund');
    await w.place(HALT, 'halt');
    const newer = await w.place(RESIGNATION, 'resignation');
    expect(newer.storylineId).not.toBe(older.storylineId);
    // a story bridges the two matters' events: the event level merges 'halt' into 'exploit'
    const bridge = await w.place({ ...EXPLOIT_B, id: 'bridge', sourceId: 'tapewatch' }, 'exploit', ['halt']);
    expect(bridge.storylineId).toBe(older.storylineId);
    expect(bridge.merged).toEqual([newer.storylineId]);
    expect(w.lines.resolve(newer.storylineId!)).toBe(older.storylineId);
    expect(w.lines.assignments().get('resignation')).toBe(older.storylineId);
  });
});
