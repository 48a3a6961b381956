/** `onestory sources import FILE.opml [--tier aggregator|original|content_farm]`: adds an OPML file's feeds to feeds/sources.json. */
import { readFile, writeFile } from 'node:fs/promises';
import { mergeSources, parseOpml } from '../../sources/opml.ts';
import { TIERS, type Tier } from '../../pipeline/types.ts';
import { parseArgs, UsageError } from '../args.ts';
import { loadConfiguredSources, SOURCES_FILE } from '../sources.ts';

export async function sourcesCommand(argv: string[], log: (line: string) => void): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'import') throw new UsageError('usage: onestory sources import FILE.opml [--tier TIER]');
  const args = parseArgs(rest, { options: ['tier', 'file'] });
  if (args.positional.length !== 1) throw new UsageError('sources import takes one FILE.opml');
  const tier = (args.options.tier ?? 'aggregator') as Tier;
  if (!TIERS.includes(tier)) throw new UsageError(`--tier must be one of ${TIERS.join(', ')}`);
  const target = args.options.file ?? SOURCES_FILE;
  const imported = parseOpml(await readFile(args.positional[0], 'utf8'));
  const merged = mergeSources(loadConfiguredSources(target), imported, { tier });
  await writeFile(target, JSON.stringify(merged.sources, null, 2) + '\n');
  for (const a of merged.added) log(`added ${a.id}: ${a.name} <${a.feedUrl}>`);
  for (const s of merged.skipped) log(`skipped ${s.feedUrl}: ${s.reason}`);
  log(`${merged.added.length} added, ${merged.skipped.length} skipped; ${merged.sources.length} sources in ${target}`);
  return 0;
}
