/**
 * The misses and false alarms of one focus kind in the teaser and untitled views, with the opening the labeller read:
 * what to look at before writing a form signal. Usage: node --import tsx scripts/kinds-misses.ts [kind] [view]
 * (kind: sponsored | price-prediction | press-release; view: teaser | untitled | full). Prints the gold sets only
 * (cryptoprism, freecryptonews, rss4), never a judge set.
 */
import path from 'node:path';
import { loadGold } from '../eval/sections/kinds.ts';
import { classifyKind } from '../src/pipeline/label/kind.ts';
import { outletOf } from '../eval/outlet-evidence.ts';
import { PROJECT_ROOT } from '../eval/section.ts';

const kind = process.argv[2] ?? 'sponsored';
const view = process.argv[3] ?? 'untitled';
const { full, teaser } = loadGold(process.env.ONESTORY_DATA ?? path.join(PROJECT_ROOT, '..', 'shared', 'data'));
const items = (view === 'full' ? full : teaser).map((it) => (view === 'untitled' ? { ...it, input: { ...it.input, title: '', url: null } } : it));
for (const it of items) {
  const got = classifyKind(it.input);
  if ((it.gold === kind) === (got.kind === kind)) continue;
  const tag = it.gold === kind ? `MISS (-> ${got.kind})` : `FALSE (${it.gold})`;
  console.log(`${tag} ${it.set} ${outletOf(it.article.url, it.article.source)} ${it.article.id}`);
  console.log(`  T: ${it.article.title}`);
  console.log(`  B: ${it.input.text.slice(0, 400).replace(/\s+/g, ' ')}`);
  console.log(`  R: ${got.reasons.join('; ').slice(0, 300)}`);
}
