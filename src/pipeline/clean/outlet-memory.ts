/**
 * An outlet history kept in memory, with the same meaning as the Worker's in D1 (src/db/outlet-passages.ts): per
 * source, the passage keys of its last HISTORY_ITEMS items. `onestory clean` on JSONL reads its lines in order
 * through one of these, so earlier items teach later ones exactly as in the Worker.
 */
import { HISTORY_ITEMS, type OutletHistory } from './outlet-history.ts';

export class OutletMemory {
  private readonly items = new Map<string, Set<string>[]>(); // per source: its items' key sets, oldest first

  /** How many of the source's last items hold each of these keys (the item itself not yet recorded). */
  history(source: string, keys: readonly string[]): OutletHistory {
    const recent = this.items.get(source) ?? [];
    const counts = new Map<string, number>();
    for (const k of new Set(keys)) {
      let n = 0;
      for (const item of recent) if (item.has(k)) n++;
      if (n) counts.set(k, n);
    }
    return { items: recent.length, counts };
  }

  /** Adds an item's keys, forgetting the source's items beyond the last HISTORY_ITEMS. */
  record(source: string, keys: readonly string[]): void {
    const recent = this.items.get(source) ?? [];
    recent.push(new Set(keys));
    if (recent.length > HISTORY_ITEMS) recent.splice(0, recent.length - HISTORY_ITEMS);
    this.items.set(source, recent);
  }
}
