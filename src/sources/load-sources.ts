/**
 * The source list (feeds/sources.json) as data: `parseSources` checks every entry and either returns the
 * typed list or throws one SourceListError naming every bad entry, by index and field, so a hand edit
 * that went wrong is fixed in one pass.
 */
import { TIERS, type Tier } from '../pipeline/types.ts';
import { feedUrlKey, isHttpUrl } from './feed-url-key.ts';

export interface SourceConfig {
  id: string; // kebab-case, stable: stories and health rows refer to it
  name: string; // as the outlet writes it
  homepage: string; // http(s)
  feedUrl: string; // http(s), RSS or Atom
  tier: Tier; // original reporting / rewrites of others / SEO and advertorial mills
  fullText: boolean; // the feed's content:encoded carries the whole article, so no page fetch is needed
}

export interface SourceProblem {
  index: number; // position in the list, from 0
  id: string | null; // the entry's id when it has a usable one, to find it in the file
  field: string;
  message: string;
}

export class SourceListError extends Error {
  readonly problems: SourceProblem[];
  constructor(problems: SourceProblem[]) {
    const lines = problems.map((p) => `  [${p.index}]${p.id ? ` (id "${p.id}")` : ''} ${p.field}: ${p.message}`);
    super(`The source list has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'SourceListError';
    this.problems = problems;
  }
}

export const SOURCE_ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_MAX_CHARS = 64; // ids go into URLs and log lines
const FIELDS = ['id', 'name', 'homepage', 'feedUrl', 'tier', 'fullText'] as const;

export function parseSources(json: unknown): SourceConfig[] {
  if (!Array.isArray(json)) {
    throw new SourceListError([{ index: -1, id: null, field: '(list)', message: `expected a JSON array of sources, got ${describe(json)}` }]);
  }
  const problems: SourceProblem[] = [];
  const idAt = new Map<string, number>();
  const feedAt = new Map<string, number>();
  const out: SourceConfig[] = [];

  json.forEach((entry, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push({ index, id: null, field: '(entry)', message: `expected an object, got ${describe(entry)}` });
      return;
    }
    const e = entry as Record<string, unknown>;
    const id = typeof e.id === 'string' && SOURCE_ID_RE.test(e.id) ? e.id : null;
    const bad = (field: string, message: string) => problems.push({ index, id, field, message });

    for (const key of Object.keys(e)) {
      if ((FIELDS as readonly string[]).includes(key)) continue;
      const near = FIELDS.find((f) => f.toLowerCase() === key.toLowerCase());
      bad(key, `unknown field${near ? ` (did you mean "${near}"?)` : `; the fields are ${FIELDS.join(', ')}`}`);
    }

    if (typeof e.id !== 'string') bad('id', `missing; give a kebab-case id such as "coin-desk", got ${describe(e.id)}`);
    else if (!SOURCE_ID_RE.test(e.id)) bad('id', `"${e.id}" is not kebab-case (lower-case letters and digits joined by single hyphens)`);
    else if (e.id.length > ID_MAX_CHARS) bad('id', `"${e.id}" is longer than ${ID_MAX_CHARS} characters`);
    else if (idAt.has(e.id)) bad('id', `"${e.id}" is already used by entry [${idAt.get(e.id)}]`);
    else idAt.set(e.id, index);

    if (typeof e.name !== 'string' || !e.name.trim()) bad('name', `must be a non-empty string, got ${describe(e.name)}`);
    if (!isHttpUrl(e.homepage)) bad('homepage', `must be an http(s) URL, got ${describe(e.homepage)}`);
    if (!isHttpUrl(e.feedUrl)) bad('feedUrl', `must be an http(s) URL, got ${describe(e.feedUrl)}`);
    else {
      const key = feedUrlKey(e.feedUrl)!;
      if (feedAt.has(key)) bad('feedUrl', `${e.feedUrl} is the same feed as entry [${feedAt.get(key)}]`);
      else feedAt.set(key, index);
    }
    if (!(TIERS as readonly unknown[]).includes(e.tier)) bad('tier', `must be one of ${TIERS.map((t) => `"${t}"`).join(', ')}, got ${describe(e.tier)}`);
    if (typeof e.fullText !== 'boolean') bad('fullText', `must be true or false (no quotes), got ${describe(e.fullText)}`);

    out.push({
      id: e.id as string,
      name: typeof e.name === 'string' ? e.name.trim() : '',
      homepage: e.homepage as string,
      feedUrl: e.feedUrl as string,
      tier: e.tier as Tier,
      fullText: e.fullText as boolean,
    });
  });

  if (problems.length) throw new SourceListError(problems);
  return out;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}
