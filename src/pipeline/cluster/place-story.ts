/**
 * placeStory: puts one arriving story into a cluster, incrementally, in any arrival order.
 *   1. same-event terms -> their document frequencies (one lookup) -> fingerprint
 *   2. LSH keys -> candidates within the time window (one indexed lookup)
 *   3. verify each candidate (MinHash Jaccard for copies, feature cosine for same event); the cosine bar
 *      rises with the number of stories in the window and falls for pairs published minutes apart, for two
 *      headlines reporting one price move (to nothing) or naming one sum of millions, and rises for two headlines
 *      about different coins or opening with different actors; an advertorial matches
 *      only as a copy or an immediate republication; a piece of the same outlet counts only as a copy or a
 *      prompt rewrite well above the bar; a cluster whose candidates' centroid clears the bar matches too
 *   4. join the best matching cluster; a story matching several clusters bridges them: they merge
 *   5. re-choose the canonical over the members, store everything in one batch of writes
 * Cluster ids are stable: a new cluster takes the id of the story that founded it, joining never changes
 * it, and a merge keeps the id of the cluster first published (ties: smaller id); the others keep their
 * rows with `mergedInto` set, so their ids still resolve.
 */
import type { Kind, Tier } from '../types.ts';
import { chooseCanonical, type CanonicalChoice } from '../choose-canonical.ts';
import {
  cosine,
  decodeFingerprint,
  encodeFingerprint,
  eventKeys,
  eventTerms,
  fingerprint,
  jaccard,
  lookupTerms,
  moveKeys,
  nearKeys,
  sameAmount,
  sameMove,
  type Fingerprint,
} from '../fingerprint/index.ts';
import { stableId } from '../ids.ts';
import { applyOverrides } from './apply-overrides.ts';
import { DEFAULT_CONFIG, type ClusterConfig } from './config.ts';
import { STOPWORDS } from '../fingerprint/stopwords.ts';
import { nameTokens, ROLES } from '../storyline/names.ts';
import { COIN_TABLE } from '../label/coin-table.ts';
import type { ClusterStore, StoredCluster, StoredStory } from './store.ts';

export interface StoryInput {
  id: string;
  title: string;
  text: string; // cleaned body
  coins: string[]; // coin symbols from the labeller, may be empty
  publishedAt: number; // ms since epoch
  sourceId: string;
  tier?: Tier; // default 'original'
  kind?: Kind | null;
  url?: string | null; // the same URL listed by two sources is one story: its two members
  ownsUrl?: boolean; // the URL lies on the source's own site (see choose-canonical)
}

export interface Match {
  itemId: string;
  clusterId: string;
  near: number; // estimated Jaccard of body shingles
  event: number; // cosine of same-event features
  bar: number; // the same-event bar this pair had to clear (lower when published minutes apart, or reporting one price move)
  move: boolean; // both headlines report the same price move (see ClusterConfig.moveBand)
  centroid?: boolean; // matched the centroid of its cluster's candidates; itemId is the closest of them
  sameUrl?: boolean; // another source listed the same article URL
}

export interface Placement {
  clusterId: string;
  canonicalId: string;
  similarity: number; // to the canonical: the larger of near-copy Jaccard and same-event cosine (1 for itself)
  merged: string[]; // ids of clusters merged into clusterId by this story
  matches: Match[]; // candidates that passed verification, best first
  canonical: CanonicalChoice;
  why: string;
}

/** How strongly a verified pair matches: >= 1 means it passes one of the two levels. */
function strength(m: Match, cfg: Bars): number {
  return Math.max(m.near / cfg.nearJoin, m.bar > 0 ? m.event / m.bar : 1, m.sameUrl ? 1 : 0);
}

/** The LSH-table key of an article URL: candidates listing the same URL are found by one more key. */
function urlKey(url: string): string {
  return `u:${stableId(url)}`;
}

/** Whether two stories report one price move: same coin, direction and level band, same session, news kinds. */
function oneMove(fp: Fingerprint, kind: string | null, c: StoredStory, cfp: Fingerprint, publishedAt: number, cfg: ClusterConfig): boolean {
  if (!fp.move || !cfp.move || !cfg.moveKinds.includes(kind ?? 'news') || !cfg.moveKinds.includes(c.kind ?? 'news')) return false;
  if (Math.abs(c.publishedAt - publishedAt) > cfg.moveGapMs) return false;
  if (cfg.moveSameDay && Math.floor(c.publishedAt / DAY_MS) !== Math.floor(publishedAt / DAY_MS)) return false;
  return sameMove(fp.move, cfp.move, cfg.moveBand);
}

const DAY_MS = 24 * 3600_000;

/**
 * A later development of a matter, not a rewrite of the same report: published developmentGapMs apart or more, the
 * two headlines name sums of millions and none in common (losses updated from $48M to $60M), or the two ledes give
 * figures and none in common (a teaser's "19,800 ETH" a day after "14,200 ETH"; fingerprint lede). Gold rule: a
 * follow-up with a new development is another event; the pair must clear a higher bar. Figures as outlets round
 * them count as one ("$41 million", "$40M": sameAmount).
 */
function development(a: Fingerprint, b: Fingerprint, gapMs: number, cfg: ClusterConfig): boolean {
  if (gapMs < cfg.developmentGapMs) return false;
  if (a.figures.length > 0 && b.figures.length > 0 && !sameFigure(a, b)) return true;
  return cfg.developmentLede && a.lede.length > 0 && b.lede.length > 0 && !a.lede.some((f) => b.lede.some((g) => sameAmount(f, g)));
}

/**
 * The features of each name the story gives (`w:<token>` -> the name's number: "Vitalik Buterin" is one name of two
 * tokens), read once per story from its own title and text (storyline/names.ts).
 */
function nameGroups(story: { title: string; text: string }): Map<string, number> {
  return new Map(nameTokens(story.title, story.text).map((n) => [`w:${n.token}`, n.group]));
}

/**
 * The same actor in another happening, not one happening (gold rule: same actors, another happening = another
 * event): the pair's cosine rests on one name (a person, a company, a court) and what is left once that name is
 * taken out stays under actorRestShare of the bar. Two posts of one person, two products of one company, two rulings
 * of one court share the name and little else; two write-ups of one happening share what happened too. The role both
 * give the name ("co-founder", "CEO": storyline/names.ts ROLES) is part of the name, not of the rest. (A higher rest
 * share for pairs a day apart was removed: it changed no pair of any gold set once roles counted with the name.)
 */
function oneActor(
  a: Fingerprint,
  b: Fingerprint,
  groups: ReadonlyMap<string, number>,
  titles: [string, string],
  event: number,
  bar: number,
  cfg: ClusterConfig,
): boolean {
  if (!Number.isFinite(cfg.actorRestShare) || !groups.size) return false;
  const byName = new Map<number, { share: number; tokens: string[] }>();
  for (const [f, w] of a.features) {
    const g = groups.get(f);
    const v = g === undefined ? undefined : b.features.get(f);
    if (v === undefined) continue;
    const entry = byName.get(g!) ?? { share: 0, tokens: [] };
    entry.share += w * v;
    entry.tokens.push(f.slice(2));
    byName.set(g!, entry);
  }
  if (!byName.size) return false;
  const top = [...byName.values()].reduce((x, y) => (y.share > x.share ? y : x));
  // the name is what both headlines are about: a name only the bodies share is background, not the subject
  const [ta, tb] = titles.map((t) => new Set([...headlineWords(t)].map((w) => w.replace(POSSESSIVE, ''))));
  const subject = top.tokens.some((t) => ta.has(t)) && top.tokens.some((t) => tb.has(t));
  if (!subject) return false;
  // a role both give ("co-founder Vitalik Buterin", "CEO") says who the actor is, not what happened: it is no rest
  let role = 0;
  for (const r of cfg.actorRoles ? ROLES : []) {
    const x = a.features.get(`w:${r}`);
    const y = x === undefined ? undefined : b.features.get(`w:${r}`);
    if (y !== undefined) role += x! * y;
  }
  return event - top.share - role < cfg.actorRestShare * bar;
}

/** Both headlines name the same sum of millions or more (see headlineFigures), as each outlet rounds it (sameAmount). */
function sameFigure(a: Fingerprint, b: Fingerprint): boolean {
  return a.figures.some((f) => b.figures.some((g) => sameAmount(f, g)));
}

/**
 * Advertorials report no happening (gold rules 6-7): a pair involving one matches only as a copy, or as a
 * same-event rewrite published within copyOnlyGapMs (syndication republishes a paid piece at once).
 */
function copyOnly(a: Kind | null | undefined, b: Kind | null, cfg: ClusterConfig): boolean {
  return cfg.copyOnlyKinds.includes(a ?? 'news') || cfg.copyOnlyKinds.includes(b ?? 'news');
}

const HEADLINE_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const POSSESSIVE = /['’]s?$/;
const headlineWords = (t: string) => new Set((t.toLowerCase().match(HEADLINE_WORD) ?? []).filter((w) => w.length > 2 && !STOPWORDS.has(w)));

/**
 * Whether a near-copy of one outlet's own piece is the same piece again: published within sameSourceIssueMs, or
 * under mostly the same headline. A newsletter or a template repeats its body under a new headline every day
 * ("The Daily: …" of Jan 8 and of Jan 9), and that body is no evidence that two issues report one event. Two
 * headlines under one series label ("Morning Tape: …") are compared by what follows the label, and are the same
 * issue only when that agrees, however close in time: the label and the boilerplate body are the outlet's template,
 * and a newsletter sent twice a day repeats both within hours.
 */
function sameIssue(story: { title: string; publishedAt: number }, c: { title: string; publishedAt: number }, cfg: ClusterConfig): boolean {
  const overlap = headlineOverlap(story.title, c.title, cfg.seriesLabels);
  if (cfg.seriesLabels && seriesLabel(story.title, c.title)) return overlap >= cfg.sameSourceTitle;
  return Math.abs(story.publishedAt - c.publishedAt) < cfg.sameSourceIssueMs || overlap >= cfg.sameSourceTitle;
}

/**
 * A series label: a short run before a headline's first colon ("The Daily: …") or after its last ("…: Asia Morning
 * Briefing"), at most SERIES_LABEL_WORDS words. A label is the outlet's, not the happening's.
 */
const LABEL_FIRST = /^\s*([^:]+?)\s*:\s+(.+)$/su;
const LABEL_LAST = /^(.+):\s+([^:]+?)\s*$/su;
const SERIES_LABEL_WORDS = 4;
const labelOf = (label: string) => (label.split(/\s+/).length <= SERIES_LABEL_WORDS ? label.toLowerCase() : null);

/** The two headlines without the series label they share (null when they share none). */
function seriesLabel(a: string, b: string): [string, string] | null {
  const [fa, fb] = [LABEL_FIRST.exec(a), LABEL_FIRST.exec(b)];
  if (fa && fb && labelOf(fa[1]) !== null && labelOf(fa[1]) === labelOf(fb[1])) return [fa[2], fb[2]];
  const [la, lb] = [LABEL_LAST.exec(a), LABEL_LAST.exec(b)];
  if (la && lb && labelOf(la[2]) !== null && labelOf(la[2]) === labelOf(lb[2])) return [la[1], lb[1]];
  return null;
}

/** Content-word Jaccard of two headlines, without the series label both carry (see sameIssue). */
function headlineOverlap(a: string, b: string, labels = true): number {
  const [ra, rb] = (labels && seriesLabel(a, b)) || [a, b];
  const x = headlineWords(ra);
  const y = headlineWords(rb);
  let inter = 0;
  for (const w of x) if (y.has(w)) inter++;
  return inter / (x.size + y.size - inter || 1);
}

/**
 * An outlet's second piece on a happening its cluster already holds a piece of: it may join when it matches a write-up
 * of another outlet at outletSecondFactor times the bar or more (not a price move: those match at bar 0). An outlet
 * does report one happening twice now and then (a news piece and its analysis, a morning and an afternoon update), and
 * a match that clear is evidence enough; a piece that only clears the bar stays out, so series of one outlet do not
 * chain distinct happenings together.
 */
function secondTake(m: Match, sameOutlet: ReadonlySet<string>, cfg: ClusterConfig): boolean {
  return !sameOutlet.has(m.itemId) && !m.move && m.bar > 0 && m.event >= cfg.outletSecondFactor * m.bar;
}

/**
 * The coins a headline is about, by symbol ("XRP", "BTC") or one-word name ("Bitcoin", "Cardano"); symbols that are
 * also words (ONE, LINK) and names that are plain words (Flow) are not read. Two headlines that each name coins and
 * none in common report two happenings however alike their words (XRP funds' outflows beside bitcoin funds'
 * outflows; a Shiba Inu forecast beside an Ethereum one): the pair must clear otherCoinBarFactor times its bar.
 */
function headlineCoins(title: string): Set<string> {
  const out = new Set<string>();
  for (const w of title.match(COIN_WORD) ?? []) {
    const coin = COIN_SYMBOLS.get(w) ?? COIN_NAMES.get(w.toLowerCase());
    if (coin) out.add(coin);
  }
  return out;
}
const COIN_WORD = /[\p{L}\p{N}]+/gu;
const COIN_SYMBOLS = new Map(COIN_TABLE.filter((c) => !c.ambiguous).map((c) => [c.symbol, c.symbol]));
const COIN_NAMES = new Map(
  COIN_TABLE.flatMap((c) => [...(c.nameIsWord ? [] : [c.name]), ...(c.names ?? [])].filter((n) => !/\s/.test(n)).map((n) => [n.toLowerCase(), c.symbol] as const)),
);

function otherCoins(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (!a.size || !b.size) return false;
  for (const c of a) if (b.has(c)) return false;
  return true;
}

/**
 * Two actors, not one happening: both headlines open with an actor (fingerprint/subjects.ts) and neither story names
 * the other's, in its headline or its same-event features. Gold rule: the same kind of happening by other actors is
 * another event (two miners' monthly production reports), and such pairs share the happening's words
 * ("treasury", "September", "BTC") but not who did it; two write-ups of one happening name its actor both. The pair
 * must clear otherCoinBarFactor times its bar, as two headlines about different coins do. Fingerprints stored before
 * subjects were read carry none: the rule does not fire for them.
 */
function otherActors(a: Fingerprint, b: Fingerprint, ta: string, tb: string): boolean {
  const absent = (x: Fingerprint, y: Fingerprint, ty: string) => {
    if (!x.subjects.length) return false;
    const head = new Set([...headlineWords(ty)].map((w) => w.replace(POSSESSIVE, '')));
    return x.subjects.every((t) => !y.features.has(`w:${t}`) && !head.has(t));
  };
  return absent(a, b, tb) && absent(b, a, ta);
}

/** A bar no cosine reaches (cosines are at most 1): the pair can match only as a copy. */
const NEVER = 2;

/** Kinds a rewrite mill retakes; press releases and advertorials come in templates, unlabelled stories might. */
const REWRITE_KINDS: ReadonlySet<Kind | null> = new Set<Kind | null>(['news', 'analysis', 'price-prediction', 'opinion']);

/** A rewrite mill's second take on one happening, published soon after its first (see sameSourceEvent). */
function sameOutletRewrite(m: { event: number; bar: number; move: boolean }, c: StoredStory, story: StoryInput, cfg: ClusterConfig): boolean {
  if (m.move || !REWRITE_KINDS.has(story.kind ?? null) || !REWRITE_KINDS.has(c.kind)) return false; // unlabelled: could be a template
  return Math.abs(c.publishedAt - story.publishedAt) <= cfg.sameSourceGapMs && m.event >= cfg.sameSourceEvent * m.bar && headlineOverlap(story.title, c.title) >= cfg.sameSourceRewriteTitle;
}

/**
 * The cluster level: candidates of one cluster (their stored cluster id is current, merges move members)
 * summed into a centroid. Write-ups of one event share its core terms but each adds its own background, so
 * a newcomer can resemble the cluster as a whole more than any one member; and the core terms sink in
 * document frequency as the cluster grows. A centroid of at least `centroidMin` candidates matched at
 * `centroidBar` times the bar counts as a match to the cluster (represented by its most similar member).
 */
function centroidMatches(
  fp: Fingerprint,
  story: StoryInput,
  verified: { c: StoredStory; cfp: Fingerprint; m: { itemId: string; clusterId: string; near: number; event: number } }[],
  already: Set<string>,
  bars: Bars,
  cfg: ClusterConfig,
): Match[] {
  if (!Number.isFinite(cfg.centroidBar) || copyOnly(story.kind, null, cfg)) return [];
  const groups = new Map<string, typeof verified>();
  for (const v of verified) {
    if (v.c.sourceId === story.sourceId || already.has(v.c.clusterId) || copyOnly(v.c.kind, null, cfg)) continue;
    groups.set(v.c.clusterId, [...(groups.get(v.c.clusterId) ?? []), v]);
  }
  const out: Match[] = [];
  for (const [clusterId, group] of groups) {
    if (group.length < cfg.centroidMin) continue;
    const sum = new Map<string, number>();
    for (const { cfp } of group) for (const [f, w] of cfp.features) sum.set(f, (sum.get(f) ?? 0) + w);
    const norm = Math.hypot(...sum.values()) || 1;
    for (const [f, w] of sum) sum.set(f, w / norm);
    const event = round(cosine(fp.features, sum));
    const gap = Math.min(...group.map(({ c }) => Math.abs(c.publishedAt - story.publishedAt)));
    // a later development of the cluster's happening (other figures, developmentGapMs after its nearest member) must
    // clear the same higher bar against the cluster as against any one member
    const later = group.every(({ cfp }) => development(fp, cfp, gap, cfg));
    const bar = round(bars.eventBar * cfg.centroidBar * promptness(gap, cfg) * (later ? cfg.developmentBarFactor : 1));
    if (event < bar) continue;
    const best = group.reduce((a, b) => (b.m.event > a.m.event ? b : a));
    out.push({ itemId: best.c.id, clusterId, near: best.m.near, event, bar, move: false, centroid: true });
  }
  return out;
}

/** The share of the bar a pair must reach given how far apart the two were published (1 when far apart). */
function promptness(gapMs: number, cfg: ClusterConfig): number {
  return 1 - cfg.promptBonus * Math.exp(-gapMs / cfg.promptMs);
}

interface Bars {
  nearJoin: number;
  eventBar: number; // the same-event cosine bar for this story
}

export async function placeStory(story: StoryInput, store: ClusterStore, config: Partial<ClusterConfig> = {}): Promise<Placement> {
  const cfg = { ...DEFAULT_CONFIG, ...config };
  const doc = { title: story.title, text: story.text, coins: story.coins };
  const raw = eventTerms(doc);
  const terms = lookupTerms(doc, raw);
  const span = { from: story.publishedAt - cfg.windowMs, to: story.publishedAt + cfg.windowMs };
  // asked together: a store may answer both in one round trip (D1ClusterStore does)
  const [freq, crowd] = await Promise.all([store.frequencies(terms), store.countPublished(span.from, span.to)]);
  const counted = { total: freq.total + 1, df: new Map(terms.map((t) => [t, (freq.df.get(t) ?? 0) + 1])) };
  const fp = fingerprint(doc, counted, raw, terms);
  const movePart = (query: boolean) => (fp.move ? moveKeys(fp.move, cfg.moveBand, query) : []);
  const urlPart = story.url ? [urlKey(story.url)] : [];
  const keys = [...nearKeys(fp.signature), ...eventKeys(fp.features), ...movePart(false), ...urlPart];
  const queryKeys = [...nearKeys(fp.signature), ...eventKeys(fp.features, fp.features.size), ...movePart(true), ...urlPart];

  const hits = await store.candidates(queryKeys, span.from, span.to, cfg.candidateLimit);
  const candidates = await store.stories(hits.map((h) => h.itemId).filter((id) => id !== story.id));
  const bars = { nearJoin: cfg.nearJoin, eventBar: round(cfg.eventJoin + cfg.eventJoinPerLog * Math.log(1 + crowd)) };
  // The bar a candidate pair must clear, from the gap between the two stories: a pair resting on one name must clear
  // actorBarFactor times it (oneActor); a price move is matched by its level. The story's names are read only when
  // some candidate clears its bar (most stories match none).
  let groups: Map<string, number> | null = null;
  let storyCoins: Set<string> | null = null;
  const pairBar = (c: StoredStory, cfp: Fingerprint, event: number, move: boolean): number => {
    const gap = Math.abs(c.publishedAt - story.publishedAt);
    if (copyOnly(story.kind, c.kind, cfg) && gap > cfg.copyOnlyGapMs) return NEVER;
    const share = move ? cfg.moveBarShare : sameFigure(fp, cfp) ? cfg.figureBarShare : development(fp, cfp, gap, cfg) ? cfg.developmentBarFactor : 1;
    const coins = !move && otherCoins((storyCoins ??= headlineCoins(story.title)), headlineCoins(c.title)) ? cfg.otherCoinBarFactor : 1;
    const actors = !move && coins === 1 && cfg.otherActors && otherActors(fp, cfp, story.title, c.title) ? cfg.otherCoinBarFactor : 1;
    const bar = round(bars.eventBar * promptness(gap, cfg) * share * coins * actors);
    if (move || bar <= 0 || event < bar) return bar;
    return oneActor(fp, cfp, (groups ??= nameGroups(story)), [story.title, c.title], event, bar, cfg) ? round(bar * cfg.actorBarFactor) : bar;
  };
  const verified = candidates
    .map((c) => ({ c, cfp: decodeFingerprint(c.fingerprint) }))
    .map(({ c, cfp }) => ({ c, cfp, m: { itemId: c.id, clusterId: c.clusterId, ...compare(fp, cfp) }, move: oneMove(fp, story.kind ?? null, c, cfp, story.publishedAt, cfg) }));
  const matches: Match[] = verified
    .map(({ c, cfp, m, move }) => ({
      c,
      m: {
        ...m,
        move,
        ...(story.url && c.url === story.url && c.sourceId !== story.sourceId ? { sameUrl: true } : {}),
        bar: pairBar(c, cfp, m.event, move),
      },
    }))
    .filter(({ c, m }) => c.sourceId !== story.sourceId || (m.near >= cfg.sameSourceNear && sameIssue(story, c, cfg)) || sameOutletRewrite(m, c, story, cfg))
    .map(({ m }) => m)
    .filter((m) => strength(m, bars) >= 1);
  matches.push(...centroidMatches(fp, story, verified, new Set(matches.map((m) => m.clusterId)), bars, cfg));
  matches.sort((a, b) => strength(b, bars) - strength(a, bars) || (a.itemId < b.itemId ? -1 : 1));

  const live = await liveClusters(store, [...new Set(matches.map((m) => m.clusterId))]);
  for (const m of matches) m.clusterId = live.get(m.clusterId)!.id;
  // A listing never drags the URL's owner into a story the listing joined by its own words: the owner follows a
  // listing of its article only into the listing's own story, alone (else the owner is placed by its own text).
  const listers = new Set(candidates.filter((c) => !c.ownsUrl).map((c) => c.id));
  const sizeOf = new Map([...live.values()].map((c) => [c.id, c.size]));
  for (const m of matches) {
    if (m.sameUrl && story.ownsUrl && listers.has(m.itemId) && sizeOf.get(m.clusterId)! > 1) m.sameUrl = false;
  }
  const joinable = matches.filter((m) => strength(m, bars) >= 1);
  // A cluster that already holds a piece of this outlet is joined only by a copy (see sameSourceNear).
  const joinableIds = new Set(joinable.map((m) => m.clusterId));
  const candidatesJoined = [...new Map([...live.values()].filter((c) => joinableIds.has(c.id)).map((c) => [c.id, c])).values()];
  const pool = candidatesJoined.length ? await store.members(candidatesJoined.map((c) => c.id)) : [];
  const rewriteOf = new Set(candidates.filter((c) => c.sourceId === story.sourceId).map((c) => c.id));
  const candidateOf = new Map(candidates.map((c) => [c.id, c]));
  const copyOf = new Set(
    joinable
      .filter((m) => m.sameUrl || (m.near >= cfg.nearJoin && (!rewriteOf.has(m.itemId) || sameIssue(story, candidateOf.get(m.itemId)!, cfg))) || (rewriteOf.has(m.itemId) && m.event >= cfg.sameSourceEvent * m.bar) || secondTake(m, rewriteOf, cfg))
      .map((m) => m.clusterId),
  );
  // ...or by a second take of the outlet that matches another outlet's write-up far above the bar (secondTake).
  const blocked = new Set(pool.filter((m) => m.sourceId === story.sourceId && !copyOf.has(m.clusterId)).map((m) => m.clusterId));
  const matched = candidatesJoined.filter((c) => !blocked.has(c.id)).sort((a, b) => a.firstPublishedAt - b.firstPublishedAt || (a.id < b.id ? -1 : 1));
  // An editor's overrides (apply-overrides.ts) may tie the story to more clusters, keep it out of some, or give it a
  // story of its own; the clustering's own decision above is unchanged when none names it or these clusters.
  const editorial = await applyOverrides(story.id, matched, pool, joinable.map((m) => m.clusterId), store, (ids) => liveClusters(store, ids));
  const joined = editorial.joined;
  const survivor = joined[0]?.id ?? editorial.ownId ?? story.id;
  const merged = joined.slice(1).map((c) => c.id);
  const joinedIds = new Set(joined.map((c) => c.id));
  const kept = joinable.filter((m) => joinedIds.has(m.clusterId));

  const tier = story.tier ?? 'original';
  const stored: StoredStory = {
    id: story.id,
    clusterId: survivor,
    publishedAt: story.publishedAt,
    sourceId: story.sourceId,
    tier,
    kind: story.kind ?? null,
    title: story.title,
    fingerprint: encodeFingerprint(fp),
    url: story.url ?? null,
    ownsUrl: story.ownsUrl ?? false,
  };
  const members = [...editorial.pool.filter((m) => joinedIds.has(m.clusterId)), stored];
  const fps = new Map(members.map((m) => [m.id, m.id === story.id ? fp : decodeFingerprint(m.fingerprint)]));
  const pin = editorial.rules.pinnedIn(members.map((m) => m.id));
  const canonical = chooseCanonical(
    members.map((m) => ({ id: m.id, publishedAt: m.publishedAt, tier: m.tier, kind: m.kind, words: fps.get(m.id)!.words, url: m.url, ownsUrl: m.ownsUrl })),
    pin && { itemId: pin.item!, overrideId: pin.id },
  );
  const times = members.map((m) => m.publishedAt);
  const cluster: StoredCluster = {
    id: survivor,
    canonicalId: canonical.canonicalId,
    mergedInto: null,
    firstPublishedAt: Math.min(...times),
    lastPublishedAt: Math.max(...times),
    size: members.length,
    canonical,
    hidden: !!editorial.rules.hiddenBy(members.map((m) => m.id)),
  };
  const gone = joined.slice(1).map((c) => ({ ...c, mergedInto: survivor }));
  await store.commit({
    story: stored,
    keys,
    terms,
    clusters: [cluster, ...gone],
    moves: merged.map((from) => ({ from, to: survivor })),
  });

  const canonicalFp = fps.get(canonical.canonicalId)!;
  const toCanonical = canonical.canonicalId === story.id ? { near: 1, event: 1 } : compare(fp, canonicalFp);
  return {
    clusterId: survivor,
    canonicalId: canonical.canonicalId,
    similarity: round(Math.max(toCanonical.near, toCanonical.event)),
    merged,
    matches: kept,
    canonical,
    why: explain(kept, joinable.filter((m) => blocked.has(m.clusterId)).length, candidates.length, survivor, merged, bars) + (editorial.note ? `; ${editorial.note}` : ''),
  };
}

function compare(a: Fingerprint, b: Fingerprint): { near: number; event: number } {
  return { near: round(jaccard(a.signature, b.signature)), event: round(cosine(a.features, b.features)) };
}

/** Maps each cluster id to its live cluster, following `mergedInto` (rarely more than one hop). */
export async function liveClusters(store: ClusterStore, ids: string[]): Promise<Map<string, StoredCluster>> {
  const out = new Map<string, StoredCluster>();
  const pending = new Map(ids.map((id) => [id, id])); // original id -> id to look up next
  for (let hop = 0; pending.size && hop < MAX_MERGE_HOPS; hop++) {
    const rows = new Map((await store.clusters([...new Set(pending.values())])).map((c) => [c.id, c]));
    for (const [orig, cur] of [...pending]) {
      const row = rows.get(cur);
      if (!row) throw new Error(`cluster ${cur} (of a stored story) is missing`);
      if (row.mergedInto) pending.set(orig, row.mergedInto);
      else {
        out.set(orig, row);
        pending.delete(orig);
      }
    }
  }
  if (pending.size) throw new Error(`merge chain longer than ${MAX_MERGE_HOPS} from ${[...pending.keys()].join(', ')}`);
  return out;
}

/** Members are moved on merge, so a chain longer than a couple of hops means a corrupt store. */
const MAX_MERGE_HOPS = 8;

function explain(matches: Match[], blocked: number, verified: number, clusterId: string, merged: string[], cfg: Bars): string {
  const outlet = blocked ? `; ${blocked} match(es) skipped: their cluster already holds a piece of this outlet` : '';
  if (!matches.length) {
    return `new cluster: none of ${verified} candidates passed (copy Jaccard >= ${cfg.nearJoin} or same-event cosine >= ${cfg.eventBar})${outlet}`;
  }
  const best = matches[0];
  const level = best.sameUrl
    ? `same article URL as ${best.itemId}, listed by another source`
    : best.near >= cfg.nearJoin
      ? `copy of ${best.itemId} (Jaccard ${best.near} >= ${cfg.nearJoin})`
      : best.move
        ? `same price move as ${best.itemId} (cosine ${best.event} >= bar ${best.bar})`
        : best.centroid
          ? `same event as the cluster of ${best.itemId} (cosine to its centroid ${best.event} >= bar ${best.bar})`
          : `same event as ${best.itemId} (cosine ${best.event} >= bar ${best.bar})`;
  const more = matches.length > 1 ? `, ${matches.length - 1} more member(s) matched` : '';
  const merge = merged.length ? `; bridged and merged ${merged.join(', ')} into ${clusterId}` : '';
  return `joined ${clusterId}: ${level}${more}${merge}${outlet}`;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
