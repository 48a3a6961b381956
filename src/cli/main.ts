/** The onestory command line: `onestory <command> [options] [files]`. Output formats are interfaces: keep them stable. */
import { UsageError } from './args.ts';

const USAGE = `usage: onestory <command> [options]

  extract [--dom linkedom|jsdom] [--url URL] FILE.html...   extract + clean pages, one JSON line per file
  clean [--title T] FILE.txt...                            clean plain text, one JSON line per file
  feed [--url URL] [--header "Name: value"]... FILE...     read feeds as the Worker does, one JSON line per file
  feed --list LIST.jsonl                                   the same for lines {file, url, headers}
  cluster FILE.jsonl                                       group articles, one JSON line per input
  replay PATH                                              ingest recorded feeds or a JSONL file into the local database
  sources import [--tier T] FILE.opml                      add an OPML file's feeds to feeds/sources.json
  eval [SECTION...] [--quick]                              quality evaluations on ../shared/data
  bench [SECTION...] [--quick]                             speed and memory benchmarks
`;

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const rest = argv.slice(1);
  const out = (line: string) => process.stdout.write(line + '\n');
  const log = (line: string) => process.stderr.write(line + '\n');
  try {
    switch (command) {
      case 'extract':
        return await (await import('./commands/extract.ts')).extractCommand(rest, out);
      case 'clean':
        return await (await import('./commands/extract.ts')).cleanCommand(rest, out);
      case 'feed':
        return await (await import('./commands/feed.ts')).feedCommand(rest, out);
      case 'cluster':
        return await (await import('./commands/cluster.ts')).clusterCommand(rest, out);
      case 'replay':
        return await (await import('./commands/replay.ts')).replayCommand(rest, log);
      case 'sources':
        return await (await import('./commands/sources.ts')).sourcesCommand(rest, log);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`onestory ${command}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  switch (command) {
    case 'eval':
      return (await import('../../eval/run.ts')).runEval(rest);
    case 'bench':
      return (await import('../../bench/run.ts')).runBench(rest);
  }
  process.stderr.write(`onestory: unknown command '${command}'\n${USAGE}`);
  return 2;
}
