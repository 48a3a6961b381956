import { expect } from 'vitest';
import { clean } from '../../../src/pipeline/clean/index.ts';
import type { Cleaned } from '../../../src/pipeline/types.ts';

/** Cleans `text` and checks the span contract: exact offsets, sorted, non-overlapping. */
export function cleanChecked(text: string, title?: string): Cleaned {
  const result = clean(text, { title });
  let last = 0;
  for (const span of result.removed) {
    expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(span.start).toBeGreaterThanOrEqual(last);
    last = span.end;
  }
  return result;
}

/** The texts one rule removed. */
export function removedBy(result: Cleaned, rule: string): string[] {
  return result.removed.filter((s) => s.rule === rule).map((s) => s.text);
}
