import { describe, expect, it } from 'vitest';
import { placeStory, type StoryInput } from '../../../src/pipeline/cluster/place-story.ts';
import { MemoryStore } from '../../../src/pipeline/cluster/memory-store.ts';
import type { ClusterConfig } from '../../../src/pipeline/cluster/config.ts';
import {
  at,
  BACKGROUND,
  BTC_DOWN,
  BTC_FORECAST,
  BTC_MOVE_A,
  BTC_MOVE_B,
  BTC_NEXT_DAY,
  BTC_OTHER_LEVEL,
  ETH_MOVE,
  HACK_REPORT_A,
  HACK_REPORT_B,
  MINER_SALE_COPY,
  MINER_SALE_ORIGINAL,
  SOLANA_ETF,
  SOLANA_OUTAGE,
} from './fixtures.ts';

const ALL = [...BACKGROUND, HACK_REPORT_A, HACK_REPORT_B, MINER_SALE_ORIGINAL, MINER_SALE_COPY, SOLANA_OUTAGE, SOLANA_ETF];

async function placeAll(stories: StoryInput[], config: Partial<ClusterConfig> = {}) {
  const store = new MemoryStore();
  const placements = new Map<string, Awaited<ReturnType<typeof placeStory>>>();
  for (const s of stories) placements.set(s.id, await placeStory(s, store, config));
  return { store, placements };
}

/** The partition as a sorted list of sorted member lists: comparable whatever the cluster ids. */
function partition(assign: Map<string, string>): string[][] {
  const groups = new Map<string, string[]>();
  for (const [id, c] of assign) groups.set(c, [...(groups.get(c) ?? []), id]);
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

describe('placeStory', () => {
  const URL_TAKEN = 'https://harbor.example/2026/03/lendvault';
  const LISTING: StoryInput = {
    id: 'claimer',
    title: 'Mischief Daily exclusive: our readers pick their favourite wallet colours',
    text: 'Readers of Mischief Daily voted on wallet colours this week. Teal won with a large share of the votes, ahead of coral and slate.',
    coins: [],
    publishedAt: at(340),
    sourceId: 'mischief',
    tier: 'original',
    url: URL_TAKEN,
    ownsUrl: false,
  };

  it('puts the same article URL from two sources into one story, whatever each says, the owner canonical', async () => {
    const own: StoryInput = { ...HACK_REPORT_A, id: 'owner', sourceId: 'harbor', tier: 'aggregator', publishedAt: at(400), url: URL_TAKEN, ownsUrl: true };
    const { store, placements } = await placeAll([...BACKGROUND, LISTING, own]);
    expect(store.assignments().get('owner')).toBe(store.assignments().get('claimer'));
    expect(placements.get('owner')!.canonicalId).toBe('owner');
    expect(placements.get('owner')!.why).toMatch(/same article URL as claimer/);
  });

  it("never lets a listing drag the URL's owner into a story the listing joined by its own words", async () => {
    const listing: StoryInput = { ...SOLANA_ETF, id: 'claimer', sourceId: 'mischief', url: URL_TAKEN, ownsUrl: false };
    const copyOfEtf: StoryInput = { ...SOLANA_ETF, id: 'etf-copy', sourceId: 'relay', publishedAt: SOLANA_ETF.publishedAt + 60_000 };
    const own: StoryInput = { ...HACK_REPORT_A, id: 'owner', sourceId: 'harbor', publishedAt: at(400), url: URL_TAKEN, ownsUrl: true };
    const { store } = await placeAll([...BACKGROUND, copyOfEtf, listing, own]);
    const assign = store.assignments();
    expect(assign.get('claimer')).toBe(assign.get('etf-copy'));
    expect(assign.get('owner')).not.toBe(assign.get('claimer'));
  });

  it('groups two write-ups of one event in different words, with one canonical', async () => {
    const { store, placements } = await placeAll(ALL);
    const assign = store.assignments();
    expect(assign.get('hack-b')).toBe(assign.get('hack-a'));
    const p = placements.get('hack-b')!;
    expect(p.canonicalId).toBe('hack-a'); // first report, original tier
    expect(p.why).toMatch(/same event as hack-a/);
    expect(p.similarity).toBeGreaterThan(0);
    const [cluster] = await store.clusters([assign.get('hack-a')!]);
    expect(cluster.canonicalId).toBe('hack-a');
    expect(cluster.size).toBe(2);
  });

  it('groups a syndicated copy with different boilerplate with its original', async () => {
    const { store, placements } = await placeAll(ALL);
    expect(store.assignments().get('miner-sale-copy')).toBe(store.assignments().get('miner-sale'));
    expect(placements.get('miner-sale-copy')!.why).toMatch(/copy of miner-sale/);
    expect(placements.get('miner-sale-copy')!.canonicalId).toBe('miner-sale');
  });

  it('keeps two different events about the same coin on the same day apart', async () => {
    const { store } = await placeAll(ALL);
    expect(store.assignments().get('sol-etf')).not.toBe(store.assignments().get('sol-outage'));
  });

  it('groups two write-ups of one price move that explain it differently; a forecast, another day, level, coin or direction stays apart', async () => {
    const moves = [BTC_MOVE_A, ETH_MOVE, BTC_MOVE_B, BTC_FORECAST, BTC_OTHER_LEVEL, BTC_DOWN, BTC_NEXT_DAY];
    const { store, placements } = await placeAll([...BACKGROUND, ...moves]);
    const assign = store.assignments();
    expect(assign.get('btc-move-b')).toBe(assign.get('btc-move-a'));
    expect(placements.get('btc-move-b')!.why).toMatch(/same price move as btc-move-a/);
    const others = moves.filter((s) => s !== BTC_MOVE_A && s !== BTC_MOVE_B).map((s) => assign.get(s.id));
    expect(new Set([assign.get('btc-move-a'), ...others]).size).toBe(others.length + 1);
    // whatever the arrival order
    const reversed = (await placeAll([...BACKGROUND, ...moves].reverse())).store.assignments();
    expect(reversed.get('btc-move-b')).toBe(reversed.get('btc-move-a'));
    expect(new Set(moves.map((s) => reversed.get(s.id))).size).toBe(moves.length - 1);
  });

  it('does not group the two write-ups of a price move on text alone (the move is what joins them)', async () => {
    const store = new MemoryStore();
    for (const s of BACKGROUND) await placeStory(s, store, { moveKinds: [] });
    await placeStory(BTC_MOVE_A, store, { moveKinds: [] });
    const b = await placeStory(BTC_MOVE_B, store, { moveKinds: [] });
    expect(b.clusterId).not.toBe(store.assignments().get('btc-move-a'));
  });

  it('leaves unrelated background stories alone', async () => {
    const { store } = await placeAll(ALL);
    const assign = store.assignments();
    const clusters = new Set(BACKGROUND.map((s) => assign.get(s.id)));
    expect(clusters.size).toBe(BACKGROUND.length);
  });

  it('finds the same partition whatever the arrival order', async () => {
    const expected = partition((await placeAll(ALL)).store.assignments());
    const orders = [[...ALL].reverse(), rotate(ALL, 5), interleave(ALL)];
    for (const order of orders) expect(partition((await placeAll(order)).store.assignments())).toEqual(expected);
  });

  it('makes a late-arriving original the canonical when it scores best, and keeps the cluster id', async () => {
    const store = new MemoryStore();
    for (const s of BACKGROUND) await placeStory(s, store);
    const first = await placeStory(MINER_SALE_COPY, store);
    expect(first.canonicalId).toBe('miner-sale-copy');
    const late = await placeStory(MINER_SALE_ORIGINAL, store); // published earlier, arrives later
    expect(late.clusterId).toBe(first.clusterId);
    expect(late.canonicalId).toBe('miner-sale');
    const winner = late.canonical.members[0];
    expect(winner.parts.tier).toBeGreaterThan(late.canonical.members[1].parts.tier);
  });

  it('merges two clusters a bridging story matches, and the old id still resolves', async () => {
    const store = new MemoryStore();
    for (const s of BACKGROUND) await placeStory(s, store);
    const a = await placeStory(HACK_REPORT_A, store);
    const b = await placeStory(MINER_SALE_ORIGINAL, store);
    expect(b.clusterId).not.toBe(a.clusterId);
    const bridge: StoryInput = {
      id: 'bridge',
      title: `${HACK_REPORT_A.title}; ${MINER_SALE_ORIGINAL.title}`,
      text: `${HACK_REPORT_A.text}\n\n${MINER_SALE_ORIGINAL.text}`,
      coins: ['BTC'],
      publishedAt: at(400),
      sourceId: 'digestdaily',
    };
    const p = await placeStory(bridge, store);
    const survivor = HACK_REPORT_A.publishedAt < MINER_SALE_ORIGINAL.publishedAt ? a.clusterId : b.clusterId;
    const gone = survivor === a.clusterId ? b.clusterId : a.clusterId;
    expect(p.clusterId).toBe(survivor); // the cluster first published keeps its id
    expect(p.merged).toEqual([gone]);
    expect(p.why).toMatch(/merged/);
    expect(store.resolve(gone)).toBe(survivor);
    const [old] = await store.clusters([gone]);
    expect(old.mergedInto).toBe(survivor);
    expect(store.assignments().get(MINER_SALE_ORIGINAL.id)).toBe(survivor);
    expect(store.assignments().get(HACK_REPORT_A.id)).toBe(survivor);
  });

  it('does not merge two stories of one outlet that only share a template', async () => {
    const store = new MemoryStore();
    const alert = (id: string, company: string, minutes: number): StoryInput => ({
      id,
      title: `${company} investor alert: deadline approaches for shareholders with losses`,
      text: `Shareholders of ${company} who lost money may contact the firm before the lead plaintiff deadline. The complaint alleges ${company} misled investors about its outlook. Contact our investor relations team for a free case evaluation and details on your rights.`,
      coins: [],
      publishedAt: at(minutes),
      sourceId: 'wirepress',
    });
    await placeStory(alert('alert-1', 'Harbor Logistics', 0), store);
    await placeStory(alert('alert-2', 'Quill Pharmaceuticals', 30), store);
    expect(store.assignments().get('alert-2')).not.toBe(store.assignments().get('alert-1'));
  });

  it('keeps two advertorials for one presale apart unless one republishes the other at once', async () => {
    const store = new MemoryStore();
    for (const s of BACKGROUND) await placeStory(s, store);
    const AD = 'Zentrix presale stage 9 is almost sold out at $0.0042 per ZTX token, with early buyers eyeing a 40x return once Zentrix lists. Holders of older meme coins are moving into the Zentrix presale before the price rises.';
    const OTHER_AD = 'Analysts name Zentrix among the presale tokens to watch: ZTX costs $0.0042 in stage 9 and early buyers eye a 40x return when Zentrix lists, while meme coin holders rotate into it.';
    const ad = (id: string, title: string, minutes: number, sourceId: string, text = AD): StoryInput => ({
      id,
      title,
      text,
      coins: [],
      kind: 'sponsored',
      publishedAt: at(minutes),
      sourceId,
    });
    await placeStory(ad('ad-1', 'Zentrix presale nears sell-out as meme coin holders rotate', 200, 'adwire'), store);
    const copy = await placeStory(ad('ad-1-copy', 'Why meme coin holders are rotating into Zentrix', 201, 'adsyndicate'), store);
    const later = await placeStory(ad('ad-2', 'Top crypto to buy now: Zentrix presale stage 9', 500, 'promodaily', OTHER_AD), store);
    expect(copy.clusterId).toBe(store.assignments().get('ad-1'));
    expect(later.clusterId).not.toBe(store.assignments().get('ad-1'));
  });

  it("groups a rewrite mill's second news paraphrase of one happening, published minutes after its first", async () => {
    const store = new MemoryStore();
    for (const s of BACKGROUND) await placeStory(s, store);
    const take = (id: string, title: string, text: string, minutes: number): StoryInput => ({
      id, title, text, coins: [], kind: 'news', publishedAt: at(200 + minutes), sourceId: 'rewritemill',
    });
    await placeStory(take('mill-1', 'Regulator Velmora opens sandbox for tokenised deposits at Orlen Bank', 'The Velmora Financial Authority admitted Orlen Bank to its sandbox for tokenised deposits, with a pilot capped at 40 clients.', 0), store);
    const second = await placeStory(take('mill-2', 'Orlen Bank gets Velmora sandbox slot for tokenised deposit pilot', 'Orlen Bank will pilot tokenised deposits with 40 clients after the Velmora Financial Authority admitted it to its sandbox.', 12), store);
    expect(second.clusterId).toBe(store.assignments().get('mill-1'));
  });
});

function rotate<T>(xs: T[], k: number): T[] {
  return [...xs.slice(k), ...xs.slice(0, k)];
}

function interleave<T>(xs: T[]): T[] {
  return [...xs.filter((_, i) => i % 2 === 1), ...xs.filter((_, i) => i % 2 === 0)];
}

describe('placeStory on a D1-shaped store', () => {
  it('costs a few indexed reads and one batch of writes per story, never a scan', async () => {
    const store = new MemoryStore();
    const calls: string[] = [];
    const counted = new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function'
          ? (...args: unknown[]) => {
              calls.push(String(prop));
              return value.apply(target, args);
            }
          : value;
      },
    });
    for (const s of ALL) {
      calls.length = 0;
      await placeStory(s, counted);
      expect(calls.filter((c) => c === 'commit')).toHaveLength(1);
      expect(calls.filter((c) => c !== 'commit').length).toBeLessThanOrEqual(7);
      expect(calls).not.toContain('assignments'); // the whole-store listing is for the eval only
    }
  });

  it('stores band keys and the fingerprint compactly: under 70 LSH rows and 2,000 characters a story', async () => {
    const store = new MemoryStore();
    const writes: { keys: number; chars: number }[] = [];
    const spy = Object.assign(Object.create(store), {
      commit: (w: Parameters<MemoryStore['commit']>[0]) => {
        writes.push({ keys: w.keys.length, chars: w.story.fingerprint.length });
        return store.commit(w);
      },
    });
    for (const s of ALL) await placeStory(s, spy);
    for (const w of writes) {
      expect(w.keys).toBeLessThan(70);
      expect(w.chars).toBeLessThan(2000);
    }
  });
});

describe('placeStory timing evidence', () => {
  const source: StoryInput = {
    id: 'arbor',
    title: 'Lending protocol Arbor pauses markets after oracle glitch',
    text: 'Arbor, a lending protocol on Ethereum, paused all of its markets on Wednesday after a faulty price oracle let a trader borrow against inflated collateral. The team said losses were contained to about $3.1 million and that deposits are safe. An audit firm is reviewing the oracle code.',
    coins: ['ETH'],
    publishedAt: at(500),
    sourceId: 'defidesk',
  };
  const rewrite = (minutesLater: number): StoryInput => ({
    id: 'arbor-rewrite',
    title: 'Arbor halts lending as oracle error exposes protocol',
    text: 'DeFi lender Arbor has frozen its pools. A broken oracle priced some collateral far too high, and one borrower took advantage, according to the developers, who put the damage near $3.1 million. Users are told their funds remain secure while auditors go through the code.',
    coins: ['ETH'],
    publishedAt: at(500 + minutesLater),
    sourceId: 'rewritemill',
  });
  // A demanding bar (a crowded news day), so the loosely worded rewrite sits just under it.
  const strict = { eventJoin: 0.28, eventJoinPerLog: 0.035 };

  async function place(minutesLater: number) {
    const store = new MemoryStore();
    for (const s of [...BACKGROUND, source]) await placeStory(s, store, strict);
    return placeStory(rewrite(minutesLater), store, strict);
  }

  it('accepts a looser rewrite published minutes after its source, not the same text ten hours later', async () => {
    const prompt = await place(3);
    const late = await place(600);
    expect(prompt.clusterId).toBe('arbor');
    expect(prompt.why).toMatch(/same event as arbor \(cosine [\d.]+ >= bar [\d.]+\)/);
    expect(late.clusterId).toBe('arbor-rewrite');
    expect(late.why).toMatch(/new cluster/);
  });
});

describe('placeStory: follow-ups, newsletters and series stay apart', () => {
  const HOUR = 3600_000;

  it('keeps a later development apart when the headlines report different sums, a pair the plain bar would join', async () => {
    const update: StoryInput = {
      ...HACK_REPORT_B,
      id: 'hack-update',
      title: 'North Korean crypto thefts reach $2.1 billion as UN experts add new heists',
      text: 'Investigators now put the total stolen by the hackers at $2.1 billion after 12 new intrusions since the last count, the largest a bridge hack in March.',
      publishedAt: HACK_REPORT_A.publishedAt + 30 * HOUR,
    };
    const ruled = (await placeAll([...BACKGROUND, HACK_REPORT_A, update])).store.assignments();
    expect(ruled.get('hack-update')).not.toBe(ruled.get('hack-a'));
    const plain = (await placeAll([...BACKGROUND, HACK_REPORT_A, update], { developmentBarFactor: 1 })).store.assignments();
    expect(plain.get('hack-update')).toBe(plain.get('hack-a'));
  });

  it('keeps a teaser with a new count a day later apart when only the ledes give figures, and joins a rewrite of the first count', async () => {
    const teaser = (id: string, title: string, text: string, hours: number, sourceId: string): StoryInput => ({ id, title, text, coins: [], publishedAt: at(200) + hours * HOUR, sourceId, tier: 'original', kind: 'news' });
    const first = teaser('bridge-a', 'Attackers drain Quillstone bridge in overnight exploit', 'Attackers drained 14,200 ETH from the Quillstone bridge on Sunday night after a signing key leaked, the team said. Deposits are paused while auditors from Ferrow Labs review the contracts.', 0, 'ledgerwire');
    const update = teaser('bridge-update', 'Quillstone bridge exploit losses grow as auditors find second contract', 'The Quillstone team now puts the losses at 19,800 ETH after auditors from Ferrow Labs found a second drained contract. Deposits stay paused.', 30, 'coinherald');
    const rewrite = teaser('bridge-rewrite', 'Quillstone bridge hacked, auditors from Ferrow Labs called in', 'The Quillstone bridge lost 14,200 ETH to attackers who used a leaked signing key. Ferrow Labs auditors are reviewing the contracts and deposits are paused.', 4, 'chainpulse');
    const bar = { eventJoin: 0.3 }; // a crowded week's bar, which the update clears on its own (cosine ~0.45)
    const ruled = (await placeAll([...BACKGROUND, first, rewrite, update], bar)).store.assignments();
    expect(ruled.get('bridge-update')).not.toBe(ruled.get('bridge-a'));
    expect(ruled.get('bridge-rewrite')).toBe(ruled.get('bridge-a'));
    const plain = (await placeAll([...BACKGROUND, first, update], { ...bar, developmentBarFactor: 1 })).store.assignments();
    expect(plain.get('bridge-update')).toBe(plain.get('bridge-a'));
    const headlinesOnly = (await placeAll([...BACKGROUND, first, update], { ...bar, developmentLede: false })).store.assignments(); // the ablation switch
    expect(headlinesOnly.get('bridge-update')).toBe(headlinesOnly.get('bridge-a'));
  });

  it("keeps a day-later update with a new count out of the first day's cluster at the cluster level too, and lets a later rewrite of the first count in", async () => {
    const teaser = (id: string, title: string, text: string, hours: number, sourceId: string): StoryInput => ({ id, title, text, coins: [], publishedAt: at(200) + hours * HOUR, sourceId, tier: 'original', kind: 'news' });
    const day0 = [
      teaser('q1', 'Attackers drain Quillstone bridge of 14,200 ETH', 'Attackers drained 14,200 ETH from the Quillstone bridge on Sunday night after a signing key leaked. Deposits are paused.', 0, 'ledgerwire'),
      teaser('q2', 'Quillstone bridge exploited, Ferrow Labs investigating', 'Ferrow Labs is investigating an exploit of the Quillstone bridge that cost 14,200 ETH. The team blamed a leaked signing key.', 1, 'coinherald'),
      teaser('q3', 'Quillstone halts deposits after bridge hack', 'Quillstone halted deposits after hackers took 14,200 ETH through its bridge, a loss its validators traced to one leaked key.', 2, 'chainpulse'),
      teaser('q4', 'Bridge operator Quillstone loses 14,200 ETH in key compromise', 'A compromised signing key let attackers move 14,200 ETH out of the Quillstone bridge; Ferrow Labs auditors and validators are reviewing it.', 3, 'hashdesk'),
    ];
    const update = teaser('q-update', 'Quillstone bridge losses climb as validators find second drained contract', 'Quillstone validators and Ferrow Labs auditors now count 19,800 ETH lost after a second drained contract was found; deposits stay halted.', 30, 'mintreport');
    const rewrite = teaser('q-late', 'Quillstone bridge hack: validators still tracing the stolen 14,200 ETH', 'Quillstone validators and Ferrow Labs auditors are still tracing the 14,200 ETH lost through the bridge; deposits stay halted.', 14, 'policyblock');
    const bar = { eventJoin: 0.23, centroidMin: 4 }; // no single write-up of the first day clears it with the update (cosines ~0.25), their centroid does
    const ruled = await placeAll([...BACKGROUND, ...day0, update], bar);
    expect(ruled.store.assignments().get('q-update')).not.toBe(ruled.store.assignments().get('q1'));
    const plain = await placeAll([...BACKGROUND, ...day0, update], { ...bar, developmentBarFactor: 1 });
    expect(plain.store.assignments().get('q-update')).toBe(plain.store.assignments().get('q1'));
    expect(plain.placements.get('q-update')!.why).toMatch(/same event as the cluster of/);
    const later = (await placeAll([...BACKGROUND, ...day0, rewrite], bar)).store.assignments();
    expect(later.get('q-late')).toBe(later.get('q1'));
  });

  it('matches a cluster by the centroid of its candidates only from five of them: four write-ups give no centroid', async () => {
    const teaser = (id: string, title: string, text: string, hours: number, sourceId: string): StoryInput => ({ id, title, text, coins: [], publishedAt: at(200) + hours * HOUR, sourceId, tier: 'original', kind: 'news' });
    const day0 = [
      teaser('q1', 'Attackers drain Quillstone bridge of 14,200 ETH', 'Attackers drained 14,200 ETH from the Quillstone bridge on Sunday night after a signing key leaked. Deposits are paused.', 0, 'ledgerwire'),
      teaser('q2', 'Quillstone bridge exploited, Ferrow Labs investigating', 'Ferrow Labs is investigating an exploit of the Quillstone bridge that cost 14,200 ETH. The team blamed a leaked signing key.', 1, 'coinherald'),
      teaser('q3', 'Quillstone halts deposits after bridge hack', 'Quillstone halted deposits after hackers took 14,200 ETH through its bridge, a loss its validators traced to one leaked key.', 2, 'chainpulse'),
      teaser('q4', 'Bridge operator Quillstone loses 14,200 ETH in key compromise', 'A compromised signing key let attackers move 14,200 ETH out of the Quillstone bridge; Ferrow Labs auditors and validators are reviewing it.', 3, 'hashdesk'),
    ];
    const fifth = teaser('q5', 'Quillstone bridge hack blamed on one leaked signing key', 'One leaked signing key let attackers take 14,200 ETH from the Quillstone bridge on Sunday, its team said.', 4, 'policyblock');
    const update = teaser('q-update', 'Quillstone bridge losses climb as validators find second drained contract', 'Quillstone validators and Ferrow Labs auditors now count 19,800 ETH lost after a second drained contract was found; deposits stay halted.', 30, 'mintreport');
    const bar = { eventJoin: 0.23, developmentBarFactor: 1 }; // no single write-up clears it with the update, a centroid can
    const four = await placeAll([...BACKGROUND, ...day0, update], bar);
    expect(four.store.assignments().get('q-update')).not.toBe(four.store.assignments().get('q1'));
    const five = await placeAll([...BACKGROUND, ...day0, fifth, update], bar);
    expect(five.store.assignments().get('q-update')).toBe(five.store.assignments().get('q1'));
    expect(five.placements.get('q-update')!.why).toMatch(/same event as the cluster of/);
  });

  it('takes a headline sum as two outlets round it ("$41 million", "$40M") for one figure, and a sum 15 % off for another', async () => {
    const flows = (id: string, title: string, text: string, minutes: number, sourceId: string): StoryInput => ({ id, title, text, coins: [], publishedAt: at(minutes), sourceId, tier: 'original', kind: 'news' });
    const a = flows('flows-a', 'Spot Quillcoin funds see first net outflows since debut, worth $41 million', 'Spot Quillcoin exchange-traded funds recorded net outflows on Wednesday, ending a run of inflows that began with their launch in November.', 200, 'ledgerwire');
    const rounded = flows('flows-b', 'Quillcoin ETFs see $40M of outflows after eight-week run', 'Investors pulled money from the Quillcoin products for the first time, according to data from Farline, as the token slid.', 500, 'coinherald');
    const other = flows('flows-c', 'Quillcoin ETFs see $48M of outflows after eight-week run', 'Holders took money out of the Quillcoin products for a first week, figures from Farline show, while the token slid.', 500, 'chainpulse');
    const bar = { eventJoin: 0.33 }; // a bar the pair's words alone (cosine ~0.3) do not clear
    const joined = (await placeAll([...BACKGROUND, a, rounded], bar)).store.assignments();
    expect(joined.get('flows-b')).toBe(joined.get('flows-a'));
    const apart = (await placeAll([...BACKGROUND, a, other], bar)).store.assignments();
    expect(apart.get('flows-c')).not.toBe(apart.get('flows-a'));
  });

  it('compares two issues of one series by what follows their label: boilerplate under "Morning Tape: …" twice a day is no copy', async () => {
    const body = 'Morning Tape is our short markets newsletter: the moves, the filings and the one chart worth your time, in your inbox before the open. Sign up free.';
    const issue = (id: string, title: string, hours: number): StoryInput => ({ id, title, text: body, coins: [], publishedAt: at(0) + hours * HOUR, sourceId: 'tapedesk', tier: 'original', kind: 'news' });
    const { store } = await placeAll([issue('tape-1', 'Morning Tape: Quillcoin rallies', 0), issue('tape-2', 'Morning Tape: Harbor sued', 8), issue('tape-3', 'Morning Tape: Ferrow delists', 24), issue('tape-3b', 'Morning Tape: Ferrow delists three tokens', 25)]);
    const assign = store.assignments();
    expect(new Set(['tape-1', 'tape-2', 'tape-3'].map((id) => assign.get(id))).size).toBe(3);
    expect(assign.get('tape-3b')).toBe(assign.get('tape-3')); // the same issue, reposted under a longer headline
    const unlabelled = (await placeAll([issue('tape-1', 'Morning Tape: Quillcoin rallies', 0), issue('tape-2', 'Morning Tape: Harbor sued', 8)], { seriesLabels: false })).store.assignments(); // the ablation switch
    expect(unlabelled.get('tape-2')).toBe(unlabelled.get('tape-1'));
  });

  it("does not take a newsletter's boilerplate teaser, repeated under each day's headline, for copies of one event", async () => {
    const body = 'The Daily brings you the most important crypto news of the day, with analysis from our newsroom, charts and the headlines you need before the markets open. Sign up to get it in your inbox every weekday.';
    const issue = (id: string, title: string, hours: number): StoryInput => ({ id, title, text: body, coins: [], publishedAt: at(0) + hours * HOUR, sourceId: 'blockdaily', tier: 'original', kind: 'news' });
    const { store } = await placeAll([issue('daily-8', 'The Daily: Zcash developers quit, XRP funds see outflows', 0), issue('daily-9', 'The Daily: Ripple wins UK approval, bitcoin slips below $90,000', 24), issue('daily-9b', 'The Daily: Ripple wins UK approval, bitcoin slips below $90K', 26)]);
    const assign = store.assignments();
    expect(assign.get('daily-9')).not.toBe(assign.get('daily-8'));
    expect(assign.get('daily-9b')).toBe(assign.get('daily-9')); // a retitled repost within hours is the same issue
  });

  it("keeps one outlet's series of profiles apart, published together and written alike", async () => {
    const SERIES = 'The interview is part of our series on the builders of crypto infrastructure, published this week with portraits by our photo desk.';
    const profile = (id: string, title: string, body: string): StoryInput => ({ id, title, text: `${body} ${SERIES}`, coins: [], publishedAt: at(500) + Number(id.slice(-1)) * 60_000, sourceId: 'ledgerwire', tier: 'original', kind: 'news' });
    const { store } = await placeAll([
      ...BACKGROUND,
      profile('p1', 'Ana Ruiz wants banks to settle payments in stablecoins', 'Ana Ruiz, who founded Northvault in Madrid, says banks will settle card payments in stablecoins within five years and that regulators in Europe are readier than they look.'),
      profile('p2', "Keyrail's Tom Okafor bets on custody for pension funds", 'Tom Okafor left an investment bank to build Keyrail, a custody firm in Lagos that now holds digital assets for three pension funds and hires engineers across West Africa.'),
      profile('p3', 'Why Mia Chen moved Ledgerbridge out of Singapore', 'Mia Chen moved Ledgerbridge to Dubai last year after licensing in Singapore stalled, and says the bridge now settles most of its volume for market makers in Asia.'),
    ]);
    const assign = store.assignments();
    expect(new Set(['p1', 'p2', 'p3'].map((id) => assign.get(id))).size).toBe(3);
  });
});

describe("placeStory: an outlet's second piece on one happening", () => {
  const HOUR = 3600_000;
  /** ledgerwire's own second piece on the UN report it already covered (hack-a), written three hours later. */
  const SECOND_TAKE: StoryInput = {
    id: 'hack-a-analysis',
    title: 'How North Korea’s Lazarus Group laundered $1.4 billion of crypto through Cambodia brokers',
    text: 'The United Nations investigators behind the report on North Korean crypto heists traced the $1.4 billion the Lazarus Group stole in 47 intrusions into exchanges and bridges to over-the-counter brokers in Cambodia, who swapped it for cash that funded missiles.',
    coins: [],
    kind: 'analysis',
    publishedAt: HACK_REPORT_A.publishedAt + 3 * HOUR,
    sourceId: 'ledgerwire',
    tier: 'original',
  };

  it("joins the cluster holding the outlet's first piece when it matches another outlet's write-up far above the bar", async () => {
    const { store, placements } = await placeAll([...BACKGROUND, HACK_REPORT_A, HACK_REPORT_B, SECOND_TAKE]);
    const assign = store.assignments();
    expect(assign.get('hack-b')).toBe(assign.get('hack-a'));
    const best = placements.get('hack-a-analysis')!.matches.find((m) => m.itemId === 'hack-b');
    expect(best && best.event / best.bar).toBeGreaterThanOrEqual(2);
    expect(assign.get('hack-a-analysis')).toBe(assign.get('hack-a'));
  });

  it('stays out of that cluster when its match falls short of outletSecondFactor times the bar, or the factor is off', async () => {
    const off = (await placeAll([...BACKGROUND, HACK_REPORT_A, HACK_REPORT_B, SECOND_TAKE], { outletSecondFactor: Infinity })).store.assignments();
    expect(off.get('hack-a-analysis')).not.toBe(off.get('hack-a'));
    // the same match, asked for more than it reaches: the outlet's rule holds
    const high = (await placeAll([...BACKGROUND, HACK_REPORT_A, HACK_REPORT_B, SECOND_TAKE], { outletSecondFactor: 50 })).store.assignments();
    expect(high.get('hack-a-analysis')).not.toBe(high.get('hack-a'));
  });
});

describe('placeStory: one actor in two happenings', () => {
  const HOUR = 3600_000;
  const story = (id: string, sourceId: string, hours: number, title: string, text: string): StoryInput => ({ id, title, text, coins: [], publishedAt: at(600) + hours * HOUR, sourceId, tier: 'original', kind: 'news' });
  /** Two posts of one person a day apart: the name is all the two write-ups share. */
  const POST_UPGRADES = story('post-upgrades', 'ledgerwire', 0, 'Mira Solvang says Quillchain should slow its upgrade schedule', 'Quillchain co-founder Mira Solvang wrote on Tuesday that the network ships upgrades too often and that node operators need a year between hard forks.');
  const POST_COURT = story('post-court', 'harbor', 20, 'Mira Solvang backs jailed privacy coder in letter to appeals judge', 'In a letter filed with the appeals court, Mira Solvang asked the judge to free the author of a mixing tool, calling private payments a basic right of every citizen.');
  /** Another outlet's write-up of the first post: the name and what she said. */
  const POST_UPGRADES_B = story('post-upgrades-b', 'harbor', 3, 'Quillchain co-founder Mira Solvang wants a year between hard forks', 'Mira Solvang argued that node operators cannot keep pace with upgrades and asked Quillchain developers to leave a year between hard forks.');

  it("keeps two posts of one person apart when her name is all they share, a pair the plain bar would join", async () => {
    const ruled = (await placeAll([...BACKGROUND, POST_UPGRADES, POST_COURT])).store.assignments();
    expect(ruled.get('post-court')).not.toBe(ruled.get('post-upgrades'));
    const plain = (await placeAll([...BACKGROUND, POST_UPGRADES, POST_COURT], { actorRestShare: Infinity })).store.assignments();
    expect(plain.get('post-court')).toBe(plain.get('post-upgrades'));
  });

  it('keeps two posts of one co-founder apart when his name and his role are all they share', async () => {
    const first = story('role-1', 'ledgerwire', 0, 'Co-founder Anselm Brisk calls blockchains the plumbing of the internet', 'Blockchain co-founder Anselm Brisk told a podcast on Monday that ledgers will fade into the background of the web the way routing software did. Hosts of the show asked about fees, wallets and the years of slow growth ahead.');
    const second = story('role-2', 'harbor', 19, 'Anselm Brisk, a co-founder, urges judge to spare jailed mixer author', 'In a letter to the appeals court, co-founder Anselm Brisk asked the judge to release the author of a mixing tool, calling private payments a civil right. Prosecutors oppose any release before the sentencing hearing in May.');
    const ruled = (await placeAll([...BACKGROUND, first, second])).store.assignments();
    expect(ruled.get('role-2')).not.toBe(ruled.get('role-1'));
    const plain = (await placeAll([...BACKGROUND, first, second], { actorRestShare: Infinity })).store.assignments();
    expect(plain.get('role-2')).toBe(plain.get('role-1'));
    const roleAsRest = (await placeAll([...BACKGROUND, first, second], { actorRoles: false })).store.assignments(); // the ablation switch
    expect(roleAsRest.get('role-2')).toBe(roleAsRest.get('role-1'));
  });

  it('groups two write-ups of one post: they share what she said, not only her name', async () => {
    const { store } = await placeAll([...BACKGROUND, POST_UPGRADES, POST_UPGRADES_B, POST_COURT]);
    const assign = store.assignments();
    expect(assign.get('post-upgrades-b')).toBe(assign.get('post-upgrades'));
    expect(assign.get('post-court')).not.toBe(assign.get('post-upgrades'));
  });
});

describe('placeStory: the coins the headlines are about', () => {
  const HOUR = 3600_000;
  const flows = (id: string, sourceId: string, hours: number, title: string, text: string, coins: string[]): StoryInput => ({ id, title, text, coins, publishedAt: at(300) + hours * HOUR, sourceId, tier: 'original', kind: 'news' });
  const XRP = flows('xrp-flows', 'ledgerwire', 0, 'Spot XRP funds see first weekly outflows since their debut', 'Spot XRP exchange-traded funds recorded their first week of net outflows since launch, data from Farline showed, as risk appetite cooled across crypto funds.', ['XRP']);
  const BTC = flows('btc-flows', 'coinherald', 2, 'Spot bitcoin funds see weekly outflows as risk appetite cools', 'Investors pulled money from spot bitcoin exchange-traded funds for a fifth straight day, Farline figures show, with risk appetite cooling across crypto funds this week.', ['BTC']);
  const XRP_B = flows('xrp-flows-b', 'chainpulse', 3, 'XRP ETFs post first outflow week, Farline data shows', 'The XRP funds lost money for the first week since they launched, according to Farline, with risk appetite cooling.', ['XRP']);
  const quiet = BACKGROUND.filter((b) => b.id !== 'bg-etf-flows');
  const bar = { eventJoin: 0.25 }; // a crowded week's bar: the two coins' write-ups (cosine ~0.59) clear it once, not twice

  it("keeps one coin's fund outflows apart from another coin's written alike, a pair the plain bar would join", async () => {
    const ruled = (await placeAll([...quiet, XRP, BTC], bar)).store.assignments();
    expect(ruled.get('btc-flows')).not.toBe(ruled.get('xrp-flows'));
    const plain = (await placeAll([...quiet, XRP, BTC], { ...bar, otherCoinBarFactor: 1 })).store.assignments();
    expect(plain.get('btc-flows')).toBe(plain.get('xrp-flows'));
  });

  it('still groups two write-ups whose headlines name the same coin', async () => {
    const assign = (await placeAll([...quiet, XRP, BTC, XRP_B], bar)).store.assignments();
    expect(assign.get('xrp-flows-b')).toBe(assign.get('xrp-flows'));
    expect(assign.get('btc-flows')).not.toBe(assign.get('xrp-flows'));
  });
});

describe('placeStory: the actors the headlines open with', () => {
  const HOUR = 3600_000;
  const report = (id: string, sourceId: string, hours: number, title: string, text: string): StoryInput => ({ id, title, text, coins: ['BTC'], publishedAt: at(300) + hours * HOUR, sourceId, tier: 'original', kind: 'news' });
  const FERRO = report('ferrowatt', 'ledgerwire', 0, 'Ferrowatt lifts its bitcoin treasury after September production', 'Miner Ferrowatt mined more bitcoin in September than in any month before, its monthly production update showed, and added the coins to its treasury as hashrate across the sector climbed.');
  const DRILL = report('drillbay', 'coinherald', 2, 'Drillbay grows its bitcoin treasury on record September production', 'Miner Drillbay reported record September production in its monthly update and kept the mined bitcoin in its treasury, as hashrate across the sector climbed.');
  const FERRO_B = report('ferrowatt-b', 'chainpulse', 3, 'Ferrowatt adds September output to its treasury', 'The bitcoin miner Ferrowatt said its monthly production rose in September and that it kept every mined coin in its treasury.');
  const quiet = BACKGROUND.filter((b) => b.id !== 'bg-etf-flows');
  const bar = { eventJoin: 0.25 }; // a crowded week's bar: the two miners' reports clear it once, not twice

  it("keeps two miners' monthly reports apart though written alike, a pair the plain bar would join", async () => {
    const ruled = (await placeAll([...quiet, FERRO, DRILL], bar)).store.assignments();
    expect(ruled.get('drillbay')).not.toBe(ruled.get('ferrowatt'));
    const plain = (await placeAll([...quiet, FERRO, DRILL], { ...bar, otherActors: false })).store.assignments();
    expect(plain.get('drillbay')).toBe(plain.get('ferrowatt'));
  });

  it('still groups two write-ups whose headlines open with the same actor', async () => {
    const assign = (await placeAll([...quiet, FERRO, DRILL, FERRO_B], bar)).store.assignments();
    expect(assign.get('ferrowatt-b')).toBe(assign.get('ferrowatt'));
    expect(assign.get('drillbay')).not.toBe(assign.get('ferrowatt'));
  });
});
