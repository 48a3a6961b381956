/**
 * How the names and figures of gold same-event pairs fail to match, per grouping set: for each reading of a story's
 * specific names and figures (a baseline and each normalisation of how they are written), the share of same-event
 * pairs and of different-event pairs (published within the clustering window) that share >= 1 specific name and
 * >= 1 specific figure. A normalisation is worth wiring into the pair evidence when it raises the first share on two
 * sets or more without raising the second. Reads the prepared stories of scripts/grouping-views.ts.
 *
 *   npx tsx scripts/evidence-audit.ts [view ...] [--misses VARIANT]   (--misses lists same-event pairs the variant misses)
 *
 * Measured 2026-12-07 (branch events-s21, README "Measured"): only the unit words ("30 percent", "$2bn") raised the
 * same-event share on two sets without the different-event one, and went into event terms. Coarse sums, dates,
 * quarters, initials and always-capitalised words raise both shares; dropping coin price levels lowers both.
 */
import { preparedView, viewsNamed } from './grouping-views.ts';
import type { StoryInput } from '../src/pipeline/cluster/place-story.ts';
import { DEFAULT_CONFIG } from '../src/pipeline/cluster/config.ts';
import { eventTerms } from '../src/pipeline/fingerprint/event-terms.ts';
import { nameTokens } from '../src/pipeline/storyline/names.ts';
import { STOPWORDS } from '../src/pipeline/fingerprint/stopwords.ts';
import { COIN_TABLE } from '../src/pipeline/label/coin-table.ts';

const args = process.argv.slice(2);
const missAt = args.indexOf('--misses');
const missVariant = missAt >= 0 ? args[missAt + 1] : null;
const wanted = args.filter((a, i) => !a.startsWith('--') && i !== missAt + 1);
const views = viewsNamed(wanted);

interface Evidence {
  names: Set<string>;
  figures: Set<string>;
}
type Reader = (s: StoryInput) => Evidence;

/** The figures the same-event features read (`n:<amount>`), without years and bare counts: what eventTerms keeps. */
function featureFigures(s: StoryInput): Set<string> {
  const out = new Set<string>();
  for (const f of eventTerms({ title: s.title, text: s.text, coins: [] }).keys()) {
    if (!f.startsWith('n:') || f.includes(' ')) continue;
    const a = f.slice(2);
    if (/^\d+(\.\d+)?$/.test(a) && (Number(a) < 1000 || /^(19|20)\d\d$/.test(a))) continue; // a year or a small count
    out.add(a);
  }
  return out;
}
const names = (s: StoryInput) => new Set(nameTokens(s.title, s.text).map((n) => n.token));

/** A sum of millions or more at two significant digits, truncated or rounded ("$477m" -> "$470m" / "$480m"). */
function coarse(figs: Set<string>, how: 'floor' | 'round'): Set<string> {
  const out = new Set(figs);
  for (const f of figs) {
    const m = /^([$€£]?)(\d+(?:\.\d+)?)([mbt])$/.exec(f);
    if (!m) continue;
    const v = Number(m[2]);
    const step = Math.pow(10, Math.floor(Math.log10(v)) - 1);
    const r = (how === 'floor' ? Math.floor(v / step + 1e-9) : Math.round(v / step)) * step;
    out.add(`${m[1]}${Number(r.toPrecision(2))}${m[3]}`);
  }
  return out;
}
/** Only figures that are not the coin's own price level: drops plain dollar levels under a million ("$90k"). */
function noLevels(figs: Set<string>): Set<string> {
  return new Set([...figs].filter((f) => !/^[$€£]\d+(\.\d+)?k?$/.test(f)));
}
const wordsToSigns = (t: string) => t.replace(/(\d)\s?(?:percent|per cent|pct)\b/gi, '$1%').replace(/(\d)\s?(?:bn|bln)\b/gi, '$1b').replace(/(\d)\s?(?:mln|mn)\b/gi, '$1m');
const rewritten = (s: StoryInput): StoryInput => ({ ...s, title: wordsToSigns(s.title), text: wordsToSigns(s.text) });
/** Each multi-word name also as its initials ("Securities and Exchange Commission" -> "sec"). */
function withInitials(s: StoryInput, minLetters = 2): Set<string> {
  const byGroup = new Map<number, string[]>();
  for (const n of nameTokens(s.title, s.text)) byGroup.set(n.group, [...(byGroup.get(n.group) ?? []), n.token]);
  const out = names(s);
  for (const toks of byGroup.values()) if (toks.length >= minLetters && toks.length <= 5) out.add(toks.map((t) => t[0]).join(''));
  return out;
}
/** Also every word the story always capitalises, wherever it stands (a sentence-initial "Coincheck"), not a stop word. */
function alwaysCapitalised(s: StoryInput): Set<string> {
  const out = names(s);
  const lowerSeen = new Set<string>();
  const capSeen = new Set<string>();
  for (const m of `${s.title}\n${s.text}`.matchAll(/[\p{L}][\p{L}\p{N}'’-]*/gu)) {
    const w = m[0].replace(/['’](s)?$/, '');
    const lower = w.toLowerCase();
    (/^\p{Lu}/u.test(w) ? capSeen : lowerSeen).add(lower);
  }
  for (const w of capSeen) if (!lowerSeen.has(w) && w.length >= 3 && !STOPWORDS.has(w) && !COINISH.has(w)) out.add(w);
  return out;
}
const COINISH = new Set(COIN_TABLE.flatMap((c) => [c.symbol, c.name, ...(c.names ?? [])]).map((w) => w.toLowerCase()));

/** Also the calendar dates ("Oct. 10", "October 10", "10 October" -> "d:10-10") and quarters ("Q3", "third quarter" -> "q3"). */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const ORDINAL_QUARTER: Record<string, string> = { first: '1', second: '2', third: '3', fourth: '4' };
function withDates(s: StoryInput, pastOnly = false, quarters = true): Set<string> {
  const out = featureFigures(s);
  const pub = new Date(s.publishedAt);
  const t = `${s.title}\n${s.text}`;
  for (const m of t.matchAll(new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})\b|\b(\d{1,2})\s+${MONTH}`, 'gi'))) {
    const month = MONTHS.indexOf((m[1] ?? m[4]).slice(0, 3).toLowerCase()) + 1;
    const day = Number(m[2] ?? m[3]);
    let at = Date.UTC(pub.getUTCFullYear(), month - 1, day);
    if (at > s.publishedAt + DAY_MS) at = Date.UTC(pub.getUTCFullYear() - 1, month - 1, day);
    if (pastOnly && s.publishedAt - at < PAST_MS) continue; // the day of the report, or the day before: every story of the day gives it
    out.add(`d:${month}-${day}`);
  }
  if (quarters) for (const m of t.matchAll(/\bQ([1-4])\b|\b(first|second|third|fourth)[- ]quarter\b/gi)) out.add(`q${m[1] ?? ORDINAL_QUARTER[m[2].toLowerCase()]}`);
  return out;
}

const DAY_MS = 24 * 3600_000;
const PAST_MS = 2 * DAY_MS;

const READERS: Record<string, Reader> = {
  baseline: (s) => ({ names: names(s), figures: featureFigures(s) }),
  'fig: coarse floor': (s) => ({ names: names(s), figures: coarse(featureFigures(s), 'floor') }),
  'fig: coarse round': (s) => ({ names: names(s), figures: coarse(featureFigures(s), 'round') }),
  'fig: words to signs': (s) => ({ names: names(s), figures: featureFigures(rewritten(s)) }), // in event terms since c250888: now the baseline
  'fig: dates, quarters': (s) => ({ names: names(s), figures: withDates(s) }),
  'fig: past dates': (s) => ({ names: names(s), figures: withDates(s, true, false) }),
  'fig: no price levels': (s) => ({ names: names(s), figures: noLevels(featureFigures(s)) }),
  'name: initials': (s) => ({ names: withInitials(s), figures: featureFigures(s) }),
  'name: initials >= 3': (s) => ({ names: withInitials(s, 3), figures: featureFigures(s) }),
  'name: always capital': (s) => ({ names: alwaysCapitalised(s), figures: featureFigures(s) }),
};

function sharesOne(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '-').padStart(5);

for (const view of views) {
  const { stories, gold } = preparedView(view);
  console.log(`\n== ${view.name} (${stories.length} stories)`);
  console.log('variant'.padEnd(22), 'same: n&f   name   fig  | diff: n&f   name   fig  (pairs same / diff)');
  for (const [label, read] of Object.entries(READERS)) {
    const ev = stories.map(read);
    const count = { same: 0, diff: 0, sameBoth: 0, diffBoth: 0, sameName: 0, diffName: 0, sameFig: 0, diffFig: 0 };
    const misses: string[] = [];
    for (let i = 0; i < stories.length; i++) {
      for (let j = i + 1; j < stories.length; j++) {
        if (Math.abs(stories[i].publishedAt - stories[j].publishedAt) > DEFAULT_CONFIG.windowMs) continue;
        const same = gold.get(stories[i].id) === gold.get(stories[j].id);
        const n = sharesOne(ev[i].names, ev[j].names);
        const f = sharesOne(ev[i].figures, ev[j].figures);
        if (same) {
          count.same++;
          count.sameName += +n;
          count.sameFig += +f;
          count.sameBoth += +(n && f);
          if (missVariant === label && !(n && f)) misses.push(`${n ? 'N' : '-'}${f ? 'F' : '-'} ${stories[i].title.slice(0, 70)} || ${stories[j].title.slice(0, 70)}\n    A ${[...ev[i].names].slice(0, 12).join(',')} | ${[...ev[i].figures].join(',')}\n    B ${[...ev[j].names].slice(0, 12).join(',')} | ${[...ev[j].figures].join(',')}`);
        } else {
          count.diff++;
          count.diffName += +n;
          count.diffFig += +f;
          count.diffBoth += +(n && f);
        }
      }
    }
    console.log(
      label.padEnd(22),
      `     ${pct(count.sameBoth, count.same)}  ${pct(count.sameName, count.same)}  ${pct(count.sameFig, count.same)} |      ${pct(count.diffBoth, count.diff)}  ${pct(count.diffName, count.diff)}  ${pct(count.diffFig, count.diff)}  (${count.same} / ${count.diff}; diff n&f ${count.diffBoth})`,
    );
    if (misses.length) console.log(misses.join('\n'));
  }
}
