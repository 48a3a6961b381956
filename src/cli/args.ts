/** A small argv parser: `--name value` options (declared), `--flag` booleans, the rest positional. */
export interface Parsed {
  options: Record<string, string>;
  flags: Set<string>;
  positional: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], spec: { options?: string[]; flags?: string[] }): Parsed {
  const out: Parsed = { options: {}, flags: new Set(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (spec.options?.includes(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`--${name} needs a value`);
        out.options[name] = v;
      } else if (spec.flags?.includes(name)) out.flags.add(name);
      else throw new UsageError(`unknown option --${name}`);
    } else out.positional.push(a);
  }
  return out;
}
