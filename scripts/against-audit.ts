/**
 * Evidence against a merge, audited before anything is built: for each candidate reading of "these two report two
 * happenings of the same actors", the share of gold same-event pairs and of different-event pairs it flags, per
 * grouping view. Pairs are those published within the clustering window that share >= 1 specific name
 * (storyline/names.ts); also counted: the different-event pairs placeStory merges today (any pair in one predicted
 * cluster, name or not), the same-event pairs it merges today (a veto there costs recall), and the different-event
 * pairs whose cosine clears 0.8 of the crowd bar (the pairs at risk on a week the rules never saw).
 * Measured 2026-12-07 (branch events-s22, README "Measured"): no reading of "same actors, another happening" (figures
 * that differ, headline action classes, kinds, time words, quotes) flags merged different-event pairs without as many
 * merged same-event ones; headlines opening with two actors neither story shares does, and went into placeStory.
 * A candidate is worth wiring into the pair decision when, on two sets or more, it flags a clear share of the merged
 * different-event pairs and almost none of the same-event ones. Reads the prepared stories of scripts/grouping-views.ts.
 *
 *   npx tsx scripts/against-audit.ts [view ...] [--show CANDIDATE]   (--show lists the pairs the candidate flags)
 */
import { preparedView, viewsNamed } from './grouping-views.ts';
import { placeStory, type StoryInput } from '../src/pipeline/cluster/place-story.ts';
import { MemoryStore } from '../src/pipeline/cluster/memory-store.ts';
import { DEFAULT_CONFIG } from '../src/pipeline/cluster/config.ts';
import { cosine, decodeFingerprint, sameAmount, type Fingerprint } from '../src/pipeline/fingerprint/index.ts';
import { nameTokens } from '../src/pipeline/storyline/names.ts';

const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? args[showAt + 1] : null;
const wanted = args.filter((a, i) => !a.startsWith('--') && i !== showAt + 1);
const views = viewsNamed(wanted);

interface Side {
  s: StoryInput;
  fp: Fingerprint;
}
type Candidate = (a: Side, b: Side) => boolean;

/** The figure's kind: currency sign, percent, magnitude letter. */
const kindOf = (f: string) => {
  const m = /^([$€£]?)(\d+(?:\.\d+)?)(%|[kmbt])?$/.exec(f);
  return m ? `${m[1]}${m[3] === '%' ? '%' : m[3] === 'm' || m[3] === 'b' || m[3] === 't' ? 'M' : ''}` : null;
};
function conflict(a: string[], b: string[], kinds: (k: string) => boolean): boolean {
  const ka = new Map<string, string[]>();
  for (const f of a) {
    const k = kindOf(f);
    if (k !== null && kinds(k)) ka.set(k, [...(ka.get(k) ?? []), f]);
  }
  let shared = false;
  for (const f of b) {
    const k = kindOf(f);
    if (k === null || !ka.has(k)) continue;
    shared = true;
    if (ka.get(k)!.some((g) => sameAmount(f, g))) return false;
  }
  return shared;
}

const CANDIDATES: Record<string, Candidate> = {
  'fig: lede sums of millions differ': (a, b) => conflict(a.fp.lede, b.fp.lede, (k) => k === '$M'),
  'fig: lede % differ': (a, b) => conflict(a.fp.lede, b.fp.lede, (k) => k === '%'),
  'fig: lede any kind differ': (a, b) => conflict(a.fp.lede, b.fp.lede, () => true),
  'fig: headline sums differ': (a, b) => a.fp.figures.length > 0 && b.fp.figures.length > 0 && !a.fp.figures.some((f) => b.fp.figures.some((g) => sameAmount(f, g))),
  'kind: prediction vs not': (a, b) => (a.s.kind === 'price-prediction') !== (b.s.kind === 'price-prediction'),
  'kind: both prediction': (a, b) => a.s.kind === 'price-prediction' && b.s.kind === 'price-prediction',
  'kind: either prediction': (a, b) => a.s.kind === 'price-prediction' || b.s.kind === 'price-prediction',
  'actor: opening actors apart (otherActors)': (a, b) => openingAbsent(a, b) && openingAbsent(b, a),
  'actor: headline subjects absent both ways': (a, b) => subjectAbsent(a.s, b.s) && subjectAbsent(b.s, a.s),
  'actor: headline subject absent one way': (a, b) => subjectAbsent(a.s, b.s),
  'time: 12h+ apart, headlines share no word but names': (a, b) => Math.abs(a.s.publishedAt - b.s.publishedAt) >= 12 * 3600_000 && !headlineRest(a.s, b.s),
  'time: 6h+ apart, headlines share no word but names': (a, b) => Math.abs(a.s.publishedAt - b.s.publishedAt) >= 6 * 3600_000 && !headlineRest(a.s, b.s),
  'any gap, headlines share no word but names': (a, b) => !headlineRest(a.s, b.s),
  'kind: any differ': (a, b) => (a.s.kind ?? 'news') !== (b.s.kind ?? 'news'),
  'action: headline classes disjoint': (a, b) => disjoint(actions(a.s.title), actions(b.s.title)),
  'action: hack vs forecast/price': (a, b) => hasOnly(actions(a.s.title), 'attack') && (actions(b.s.title).has('forecast') || actions(b.s.title).has('price')) && !actions(b.s.title).has('attack'),
  'action: deal vs speech': (a, b) => actions(a.s.title).has('deal') && !actions(b.s.title).has('deal') && actions(b.s.title).has('speech'),
  'time: later lede refers back': (a, b) => refersBack(a.s) !== refersBack(b.s),
  'time: weekday differs': (a, b) => weekdayConflict(a.s, b.s),
  'quote: one quotes a name the other lacks': (a, b) => quotesAbsent(a.s, b.s),
};

/** Headline action classes by word stem (what happened, not who). */
const ACTION_STEMS: Record<string, string[]> = {
  attack: ['hack', 'exploit', 'drain', 'breach', 'stolen', 'steal', 'theft', 'attack', 'scam', 'phish', 'rug'],
  forecast: ['predict', 'forecast', 'target', 'outlook', 'could', 'might', 'eyes', 'expect'],
  deal: ['acquir', 'acquisition', 'buys', 'bought', 'purchas', 'sells', 'sale', 'sold', 'merger', 'deal', 'stake'],
  legal: ['sue', 'sues', 'lawsuit', 'charge', 'court', 'ruling', 'judge', 'probe', 'investigat', 'indict', 'sentenc', 'arrest', 'settle', 'fine'],
  launch: ['launch', 'unveil', 'debut', 'introduc', 'releas', 'rolls', 'integrat', 'partner'],
  policy: ['bill', 'vote', 'law', 'approv', 'pass', 'reject', 'ban', 'regulat'],
  speech: ['says', 'said', 'warn', 'defend', 'slam', 'critic', 'respond', 'claim', 'urge', 'deni', 'calls', 'explain'],
  funding: ['raise', 'funding', 'round', 'invest', 'backed'],
  flows: ['inflow', 'outflow', 'flows'],
  price: ['surge', 'soar', 'jump', 'rally', 'drop', 'plung', 'crash', 'fall', 'slide', 'dip', 'climb', 'rise', 'reclaim', 'tumbl', 'slip'],
  people: ['appoint', 'hire', 'resign', 'step', 'exit', 'depart', 'ceo'],
};
function actions(title: string): Set<string> {
  const out = new Set<string>();
  for (const w of title.toLowerCase().match(/[a-z]+/g) ?? [])
    for (const [cls, stems] of Object.entries(ACTION_STEMS)) if (stems.some((st) => (st.length <= 4 ? w === st || w === st + 's' || w === st + 'ed' || w === st + 'd' : w.startsWith(st)))) out.add(cls);
  return out;
}
const disjoint = (a: Set<string>, b: Set<string>) => a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));
const hasOnly = (a: Set<string>, x: string) => a.has(x);
const lede = (s: StoryInput) => `${s.title}\n${(s.text.match(/\S+/g) ?? []).slice(0, 50).join(' ')}`;
const BACK = /\b(a day after|days after|a week after|yesterday|last week|earlier this week|following (?:the|its|last)|in the wake of|on the heels of|after (?:last|yesterday))\b/i;
const refersBack = (s: StoryInput) => BACK.test(lede(s));
const WEEKDAY = /\bon (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;
function weekdayConflict(a: StoryInput, b: StoryInput): boolean {
  const da = new Set([...lede(a).matchAll(WEEKDAY)].map((m) => m[1].toLowerCase()));
  const db = new Set([...lede(b).matchAll(WEEKDAY)].map((m) => m[1].toLowerCase()));
  return disjoint(da, db);
}
const QUOTED = /([A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+)*) (?:said|says|told|wrote|posted|argued|added)|(?:said|says|according to) ([A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+)*)/gu;
function quotesAbsent(a: StoryInput, b: StoryInput): boolean {
  const textB = `${b.title}\n${b.text}`.toLowerCase();
  for (const m of lede(a).matchAll(QUOTED)) {
    const name = (m[1] ?? m[2]).split(' ').filter((w) => w.length > 2);
    if (name.length && !name.some((w) => textB.includes(w.toLowerCase()))) return true;
  }
  return false;
}

/** As placeStory's otherActors reads it: A's headline opens with an actor B names in neither its headline nor its features. */
function openingAbsent(a: Side, b: Side): boolean {
  const head = new Set((b.s.title.toLowerCase().match(/[\p{L}][\p{L}\p{N}'’-]*/gu) ?? []).map((w) => w.replace(/['’]s?$/, '')));
  return a.fp.subjects.length > 0 && a.fp.subjects.every((t) => !b.fp.features.has(`w:${t}`) && !head.has(t));
}

/** A's headline names an actor (a name token of A's own text standing in A's headline) that B's text never gives. */
function subjectAbsent(a: StoryInput, b: StoryInput): boolean {
  const head = new Set((a.title.toLowerCase().match(/[\p{L}][\p{L}\p{N}'’-]*/gu) ?? []).map((w) => w.replace(/['’]s?$/, '')));
  const subj = [...new Set(nameTokens(a.title, a.text).map((n) => n.token))].filter((t) => head.has(t) && t.length >= 3);
  if (!subj.length) return false;
  const wordsB = new Set((`${b.title}\n${b.text}`.toLowerCase().match(/[\p{L}][\p{L}\p{N}'’-]*/gu) ?? []).map((w) => w.replace(/['’]s?$/, '')));
  return subj.every((t) => !wordsB.has(t));
}

const STOP = new Set('the a an and or of to in on for with as at by from is are was were be its it this that after over into amid new says said could may will how why what crypto bitcoin btc price market'.split(' '));
const stem = (w: string) => w.replace(/['’]s?$/, '').replace(/(ies|es|s|ed|ing)$/, '');
/** Whether the two headlines share a content word that is not one of the names both texts give. */
function headlineRest(a: StoryInput, b: StoryInput): boolean {
  const names = new Set([...nameTokens(a.title, a.text), ...nameTokens(b.title, b.text)].map((n) => n.token));
  const words = (t: string) => new Set((t.toLowerCase().match(/[\p{L}][\p{L}\p{N}'’-]*/gu) ?? []).filter((w) => w.length >= 3 && !STOP.has(w) && !names.has(w.replace(/['’]s?$/, ''))).map(stem));
  const [x, y] = [words(a.title), words(b.title)];
  for (const w of x) if (y.has(w)) return true;
  return false;
}

const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '-').padStart(5);

for (const view of views) {
  const { stories, gold } = preparedView(view);
  const store = new MemoryStore();
  for (const s of stories) await placeStory(s, store);
  const pred = store.assignments();
  const stored = new Map((await store.stories(stories.map((s) => s.id))).map((s) => [s.id, s]));
  const sides: Side[] = stories.map((s) => ({ s, fp: decodeFingerprint(stored.get(s.id)!.fingerprint) }));
  const names = stories.map((s) => new Set(nameTokens(s.title, s.text).map((n) => n.token)));
  const bar = DEFAULT_CONFIG.eventJoin + DEFAULT_CONFIG.eventJoinPerLog * Math.log(1 + stories.length / 2);
  const rows = Object.keys(CANDIDATES).map(() => ({ s: 0, d: 0, dm: 0, sm: 0, dr: 0 }));
  const tot = { s: 0, d: 0, dm: 0, sm: 0, dr: 0 };
  const shown: string[] = [];
  for (let i = 0; i < stories.length; i++) {
    for (let j = i + 1; j < stories.length; j++) {
      const [a, b] = [sides[i], sides[j]];
      if (Math.abs(a.s.publishedAt - b.s.publishedAt) > DEFAULT_CONFIG.windowMs) continue;
      const same = gold.get(a.s.id) === gold.get(b.s.id);
      const merged = pred.get(a.s.id) === pred.get(b.s.id);
      let named = false;
      for (const t of names[i]) if (names[j].has(t)) named = true;
      const risk = !same && cosine(a.fp.features, b.fp.features) >= 0.8 * bar;
      const cls = { s: same && named, d: !same && named, dm: !same && merged, sm: same && merged, dr: risk };
      if (!cls.s && !cls.d && !cls.dm && !cls.sm && !cls.dr) continue;
      for (const k of Object.keys(tot) as (keyof typeof tot)[]) tot[k] += +cls[k];
      Object.entries(CANDIDATES).forEach(([label, f], r) => {
        if (!f(a, b) && !f(b, a)) return;
        for (const k of Object.keys(tot) as (keyof typeof tot)[]) rows[r][k] += +cls[k];
        if (label === show && (cls.dm || cls.sm || cls.s))
          shown.push(`${same ? 'SAME' : 'DIFF'}${merged ? ' merged' : ''}  ${a.s.title.slice(0, 80)} || ${b.s.title.slice(0, 80)}`);
      });
    }
  }
  console.log(`\n== ${view.name}: pairs sharing a name same ${tot.s} / diff ${tot.d}; merged diff ${tot.dm} / merged same ${tot.sm}; diff at risk ${tot.dr}`);
  console.log('candidate'.padEnd(40), ' same%  diff% | mergedDiff%  mergedSame% | atRisk%');
  Object.keys(CANDIDATES).forEach((label, r) => {
    const x = rows[r];
    console.log(label.padEnd(40), pct(x.s, tot.s), pct(x.d, tot.d), '|', pct(x.dm, tot.dm), `(${x.dm})`, pct(x.sm, tot.sm), `(${x.sm})`, '|', pct(x.dr, tot.dr));
  });
  if (shown.length) console.log(shown.join('\n'));
}
