/** The configured source list on the Node side, and how recorded data's outlet names map onto it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReplaySource } from '../ingest/replay.ts';
import { parseSources, type SourceConfig } from '../sources/load-sources.ts';
import { PROJECT_ROOT } from './local-worker.ts';

export const SOURCES_FILE = path.join(PROJECT_ROOT, 'feeds', 'sources.json');

export function loadConfiguredSources(file = SOURCES_FILE): SourceConfig[] {
  return parseSources(JSON.parse(readFileSync(file, 'utf8')));
}

const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A recorded article's outlet -> a configured source (by id, name or feed host), else a replay-only one. */
export function sourceMatcher(configured: SourceConfig[]) {
  const byKey = new Map<string, SourceConfig>();
  for (const s of configured) {
    byKey.set(key(s.id), s);
    byKey.set(key(s.name), s);
  }
  const cache = new Map<string, ReplaySource>();
  return (name: string): ReplaySource => {
    const hit = cache.get(name);
    if (hit) return hit;
    const found = byKey.get(key(name)) ?? byKey.get(key(name.replace(/\b(news|com|crypto news)\b/gi, '')));
    const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 64) || 'unknown';
    const source: ReplaySource = found
      ? { ...found, configured: true }
      : { id: `replay-${id}`.slice(0, 64), name: name || 'unknown', homepage: '', feedUrl: '', tier: 'aggregator', fullText: true, configured: false };
    cache.set(name, source);
    return source;
  };
}
