/**
 * The sources to read: feeds/sources.json, bundled with the Worker, or the SOURCES_JSON variable when set
 * (a deployment's own list, or a test's). Validated at load: a bad entry is a clear error, not a silent skip.
 */
import bundled from '../../feeds/sources.json';
import { parseSources, type SourceConfig } from '../sources/load-sources.ts';

export function configuredSources(env: { SOURCES_JSON?: string }): SourceConfig[] {
  if (env.SOURCES_JSON) {
    let json: unknown;
    try {
      json = JSON.parse(env.SOURCES_JSON);
    } catch (err) {
      throw new Error(`SOURCES_JSON is not valid JSON: ${(err as Error).message}`);
    }
    return parseSources(json);
  }
  return parseSources(bundled);
}
