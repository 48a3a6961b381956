/**
 * Prose guard: how much the cleaner removes from text that is (almost) all story. Every removal here is likely a wrong
 * one, so a rule that adds some must be read removal by removal. Two kinds of text, read at run time from
 * ../shared/data (nothing of them is kept in the repository):
 *   - basil-dev: 150 bodies of political news (Fox, NYT, HuffPost) with their titles, almost no noise, no crypto words;
 *   - the gold bodies of the noise sets, cleaned again with their titles (gold is what a reader wants: all of it stays).
 * The judge sets (JUDGE_SETS: noise-dev-8 and -9 today; noise-dev-4 before them): their totals are printed, their text never is.
 *
 *   node --import tsx scripts/prose-guard.ts [--spans] [--data DIR]
 *
 * Prints, per set: bodies, characters, characters removed, sentences touched (a sentence of the body that lost a
 * character or more). --spans lists each removal with its rule (not for the judge sets).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JUDGE_SETS, loadNoiseSet, NOISE_SETS } from '../eval/noise-sets.ts';
import { clean } from '../src/pipeline/clean/index.ts';
import { sentences } from '../src/pipeline/clean/sentences.ts';

/**
 * Sets whose text is not read while rules are written: only their totals are shown. The eval's judge sets (JUDGE_SETS,
 * noise-dev-8 and -9 today), and noise-dev-4, the judge when this script was written.
 */
const HIDDEN = new Set<string>(['noise-dev-4', ...JUDGE_SETS].map((s) => `${s} gold`));

interface Body {
  id: string;
  title: string | null;
  source: string | null;
  text: string;
}

const args = process.argv.slice(2);
const showSpans = args.includes('--spans');
const dataAt = args.indexOf('--data');
const dataDir = dataAt >= 0 ? args[dataAt + 1] : path.resolve(import.meta.dirname, '..', '..', 'shared', 'data');

function basil(): Body[] {
  return readFileSync(path.join(dataDir, 'gold', 'basil-dev', 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; title: string; source: string; body: string })
    .map((d) => ({ id: d.id, title: d.title, source: d.source, text: d.body }));
}

function goldBodies(set: (typeof NOISE_SETS)[number]): Body[] {
  return loadNoiseSet(dataDir, set)
    .filter((d) => d.gold.trim())
    .map((d) => ({ id: d.id, title: d.title, source: d.source, text: d.gold }));
}

const rows: string[][] = [['set', 'bodies', 'chars', 'chars removed', 'sentences touched']];
const listed: string[] = [];
const sets: [string, Body[]][] = [['basil-dev', basil()], ...NOISE_SETS.map((s) => [`${s} gold`, goldBodies(s)] as [string, Body[]])];
for (const [name, bodies] of sets) {
  let chars = 0;
  let removedChars = 0;
  let touched = 0;
  for (const b of bodies) {
    chars += b.text.length;
    const r = clean(b.text, { title: b.title, source: b.source });
    if (!r.removed.length) continue;
    for (const s of r.removed) removedChars += s.end - s.start;
    for (const [s, e] of sentences(b.text)) if (r.removed.some((x) => x.start < e && x.end > s && b.text.slice(Math.max(s, x.start), Math.min(e, x.end)).trim())) touched++;
    if (showSpans && !HIDDEN.has(name)) for (const s of r.removed) listed.push(`${name}\t${b.id}\t${s.rule}\t${JSON.stringify(s.text.slice(0, 200))}`);
  }
  rows.push([name, String(bodies.length), String(chars), String(removedChars), String(touched)]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
if (showSpans) for (const l of listed) console.log(l);
