/**
 * The outlet history a document would have met in the Worker, simulated for the evaluation: the passages of up to
 * HISTORY_ITEMS other items of the same outlet, taken from the three noise sets and the outlet's bodies in
 * ../shared/data/gold/cryptoprism-202510 (never the document itself, nor another copy of it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stableId } from '../src/pipeline/ids.ts';
import { HISTORY_ITEMS, passages, type OutletHistory } from '../src/pipeline/clean/outlet-history.ts';

export interface HistoryItem {
  id: string;
  source: string;
  text: string;
}

/** Same article: the same id, or the same opening (a body that is also a noise-set input). */
const OPENING_CHARS = 200;

export class OutletHistories {
  private readonly bySource = new Map<string, { id: string; head: string; keys: Set<string>; order: string }[]>();

  constructor(items: HistoryItem[]) {
    for (const it of items) {
      const list = this.bySource.get(it.source) ?? [];
      list.push({ id: it.id, head: it.text.slice(0, OPENING_CHARS), keys: new Set(passages(it.text).map((p) => p.key)), order: stableId(it.id) });
      this.bySource.set(it.source, list);
    }
    for (const list of this.bySource.values()) list.sort((a, b) => (a.order < b.order ? -1 : 1)); // a fixed, mixed order
  }

  /** Counts over up to HISTORY_ITEMS of the outlet's other items; `exclude` also leaves out whatever else is held out. */
  historyFor(doc: { id: string; source: string; input: string }, exclude?: (id: string) => boolean): OutletHistory {
    const head = doc.input.slice(0, OPENING_CHARS);
    const others = (this.bySource.get(doc.source) ?? []).filter((o) => o.id !== doc.id && o.head !== head && !exclude?.(o.id)).slice(0, HISTORY_ITEMS);
    const counts = new Map<string, number>();
    for (const o of others) for (const k of o.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    return { items: others.length, counts };
  }
}

export function cryptoprismItems(dataDir: string): HistoryItem[] {
  return readFileSync(path.join(dataDir, 'gold', 'cryptoprism-202510', 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; source: string; body: string })
    .map((a) => ({ id: `cp_${a.id}`, source: a.source, text: a.body }));
}
