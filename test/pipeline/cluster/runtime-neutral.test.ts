import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../../src/pipeline');
const OURS = ['fingerprint', 'cluster', 'choose-canonical.ts'];

function files(p: string): string[] {
  return statSync(p).isDirectory() ? readdirSync(p).flatMap((f) => files(path.join(p, f))) : p.endsWith('.ts') ? [p] : [];
}

describe('fingerprint and cluster code', () => {
  it('runs in workerd and Node alike: no node: imports, no fs, no fetch, no DOM globals', () => {
    const sources = OURS.flatMap((p) => files(path.join(ROOT, p)));
    expect(sources.length).toBeGreaterThan(5);
    for (const f of sources) {
      const code = readFileSync(f, 'utf8');
      expect(code, f).not.toMatch(/from ['"]node:|require\(|\bfetch\(|\bdocument\.|\bprocess\./);
    }
  });
});
