/** The onestory command line: `onestory <command> [options] [files]`. Output formats are interfaces: keep them stable. */
import { UsageError } from './args.ts';

const USAGE = `usage: onestory <command> [options]

  extract [--dom linkedom|jsdom] [--url URL] FILE.html...   extract + clean pages, one JSON line per file
  clean [--title T] FILE.txt|FILE.jsonl...                 clean plain text, one JSON line per file or article
  feed [--url URL] [--header "Name: value"]... FILE...     read feeds as the Worker does, one JSON line per file
  feed --list LIST.jsonl                                   the same for lines {file, url, headers}
  cluster FILE.jsonl                                       group articles, one JSON line per input
  replay PATH [--persist-to DIR]                           ingest recorded feeds or a JSONL file into the local database
  overrides export|import FILE [--persist-to DIR]          carry the editors' overrides to another local database
  sources import [--tier T] FILE.opml                      add an OPML file's feeds to feeds/sources.json
  eval [SECTION...] [--quick]                              quality evaluations on ../shared/data
  bench [SECTION...] [--quick]                             speed and memory benchmarks

\`onestory <command> --help\` explains one command. Exit codes: 0 all inputs worked, 1 some failed, 2 usage error.
`;

/** `onestory <command> --help`: what the command takes and prints. */
const COMMAND_USAGE: Record<string, string> = {
  extract: `usage: onestory extract [--dom linkedom|jsdom] [--url URL] FILE.html...

Extracts the article from each page and cleans it. One JSON line per file on stdout:
  {file, title, text, removed: [{category, rule, text}], coins, kind}, or {file, error}
  --dom DOM    linkedom (the Worker's, default) or jsdom (the reference DOM)
  --url URL    the page's address, for relative links and the site's name
`,
  clean: `usage: onestory clean [--title T] FILE.txt|FILE.jsonl...

Cleans plain text that already lost its HTML. One JSON line per file on stdout, as extract prints.
  --title T    the article's headline (else the headline standing alone in the text is used)
A FILE.jsonl holds articles, {id, source, title, body} a line (as cluster reads them): they are cleaned in order,
each outlet's earlier items teaching its later ones what its boilerplate is, exactly as in the Worker. One line per
article: {file, id, title, text, removed: [{category, rule, text, why?}], coins, kind}, or {file, id, error}.
`,
  feed: `usage: onestory feed [--url URL] [--header "Name: value"]... FILE...
       onestory feed --list LIST.jsonl

Reads feed files exactly as the Worker reads a fetched feed (decode, parse, normalize). One JSON line per input on
stdout, in input order:
  {file, ok, error?: {code, message}, format, entries: [{title, url, guid, published_at, skipped}]}
  --url URL              the address the file was served at (relative links resolve against it)
  --header "Name: value" a response header it came with (Content-Type for the charset, Content-Location)
  --list LIST.jsonl      inputs as lines {file, url, headers}, files relative to the list
\`skipped\` says why the Worker would not store an entry (null when it would). Exit code 1 when an input failed.
`,
  cluster: `usage: onestory cluster FILE.jsonl

Groups articles into events, inside the Worker with a throwaway local database. Input lines:
  {id, source, published_iso, url, title, body}
One line per input on stdout, in input order: {id, cluster, canonical, kind, coins}; one canonical per cluster.
`,
  replay: `usage: onestory replay PATH [--persist-to DIR]

Loads recorded data into the local database that \`npm start\` serves, through the Worker's own ingestion and
pipeline (nothing is fetched):
  PATH               a folder of feed files (*.xml, *.rss, *.atom, *.rdf; the file name picks the source),
                     or an articles JSONL file ({id, source, published_iso, url, title, body} a line)
  --persist-to DIR   the local state folder (default .wrangler/state, where \`npm start\` keeps it)
Safe while \`npm start\` runs: the work then goes through its Worker. Every feed or item that fails is named
with its reason, and the exit code is 1; running the same replay again retries what failed. Progress on stderr.
`,
  overrides: `usage: onestory overrides export [--persist-to DIR] > overrides.json
       onestory overrides import overrides.json [--persist-to DIR]

The editors' overrides (merge, split, pin, hide; POST /admin/overrides) of a local database, carried to another:
  export             prints them as JSON on stdout (GET /admin/overrides)
  import FILE        stores them in the database and applies each to the items already placed there; the items a
                     replay places later follow them too, so import before or after the replay gives the same stories
  --persist-to DIR   the local state folder (default .wrangler/state, where \`npm start\` keeps it)
Overrides name items by source and URL, so they hold in a database rebuilt from the same recorded data.
`,
  sources: `usage: onestory sources import [--tier original|aggregator|content_farm] FILE.opml

Adds the OPML file's feeds to feeds/sources.json, skipping feeds it already has (default tier: aggregator).
`,
  eval: `usage: onestory eval [SECTION...] [--quick]   (also npm run eval)

Quality evaluations on ../shared/data, with baselines; exit code 1 when a metric falls below its threshold.
  --quick   a sample of each set (thresholds are not checked)
`,
  bench: `usage: onestory bench [SECTION...] [--quick]   (also npm run bench)

Speed and memory benchmarks, each contender side by side in one run.
  --quick   fewer inputs in each section
`,
};

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const rest = argv.slice(1);
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (command in COMMAND_USAGE && (options.includes('--help') || options.includes('-h'))) {
    process.stdout.write(COMMAND_USAGE[command]);
    return 0;
  }
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
      case 'overrides':
        return await (await import('./commands/overrides.ts')).overridesCommand(rest, out, log);
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
