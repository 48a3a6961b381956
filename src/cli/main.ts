/** The onestory command line: `onestory <command> [options] [files]`. */
const USAGE = `usage: onestory <command> [options]

  extract [--dom linkedom|jsdom] [--url URL] FILE.html...   extract + clean pages, one JSON line per file
  clean FILE.txt...                                        clean plain text, one JSON line per file
  cluster FILE.jsonl                                       group articles, one JSON line per input
  replay PATH                                              ingest recorded feeds or a JSONL file into the local database
  sources import FILE.opml                                 add an OPML file's feeds to feeds/sources.json
  eval                                                     quality evaluations on ../shared/data
  bench                                                    speed benchmarks
`;

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const rest = argv.slice(1);
  switch (command) {
    case 'eval':
      return (await import('../../eval/run.ts')).runEval(rest);
    case 'bench':
      return (await import('../../bench/run.ts')).runBench(rest);
  }
  process.stderr.write(`onestory: unknown command '${command}'\n${USAGE}`);
  return 2;
}
