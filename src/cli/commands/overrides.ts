/**
 * `onestory overrides export|import`: carries the editors' overrides from one local database to another (a rebuild
 * from recorded data into a fresh --persist-to folder). Export prints GET /admin/overrides as JSON; import posts such a
 * file to /admin/overrides/import, which applies each override to the items already placed there and keeps it for
 * the items placed later (import before or after the replay: the result is the same). Goes through the running
 * `npm start` when it serves the folder, as replay does.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, UsageError } from '../args.ts';
import { workerForDatabase } from '../database-worker.ts';
import { DEFAULT_PERSIST_DIR } from '../local-worker.ts';

const IMPORT_BATCH = 500; // overrides a request (the route takes at most 1,000)

export async function overridesCommand(argv: string[], out: (line: string) => void, log: (line: string) => void): Promise<number> {
  const args = parseArgs(argv, { options: ['persist-to'] });
  const [verb, file, ...extra] = args.positional;
  if (verb === 'export' ? file !== undefined : verb !== 'import' || !file || extra.length) {
    throw new UsageError('overrides takes `export` (prints them) or `import FILE` (a file export printed)');
  }
  let list: unknown[] = [];
  if (verb === 'import') {
    const text = await readFile(file, 'utf8').catch((err: Error) => {
      throw new UsageError(`cannot read ${file}: ${err.message}`);
    });
    try {
      const parsed = JSON.parse(text) as { overrides?: unknown };
      if (!Array.isArray(parsed.overrides)) throw new Error('no "overrides" array');
      list = parsed.overrides;
    } catch (err) {
      throw new UsageError(`${file} is not what \`onestory overrides export\` prints: ${(err as Error).message}`);
    }
  }
  const worker = await workerForDatabase(path.resolve(args.options['persist-to'] ?? DEFAULT_PERSIST_DIR));
  try {
    if (verb === 'export') {
      const exported = await worker.call<{ overrides: unknown[] }>('/overrides');
      out(JSON.stringify(exported, null, 2));
      log(`[overrides] exported ${exported.overrides.length}`);
      return 0;
    }
    let imported = 0;
    let known = 0;
    for (let i = 0; i < list.length; i += IMPORT_BATCH) {
      const r = await worker.call<{ imported: number; known: number }>('/overrides/import', { overrides: list.slice(i, i + IMPORT_BATCH) });
      imported += r.imported;
      known += r.known;
    }
    log(`[overrides] imported ${imported}, ${known} already here; they apply to the items placed here now and to those a replay places later`);
    return 0;
  } finally {
    await worker.stop();
  }
}
