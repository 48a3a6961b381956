/**
 * clean -> label coins -> label kind, in the one order every caller needs: coins and kind read the text as published
 * (ticker strips and disclaimers are evidence) together with what the cleaner removed from it.
 */
import { clean } from './clean/index.ts';
import type { OutletHistory } from './clean/outlet-history.ts';
import { labelCoins } from './label/coins.ts';
import { classifyKind } from './label/kind.ts';
import type { Cleaned, CoinTag, KindLabel } from './types.ts';

export interface Labelled {
  cleaned: Cleaned;
  coins: CoinTag[];
  kind: KindLabel;
}

export function cleanAndLabel(
  rawText: string,
  meta: { title: string | null; url?: string | null; source?: string | null; history?: OutletHistory | null },
): Labelled {
  const cleaned = clean(rawText, { title: meta.title, source: meta.source ?? null, history: meta.history ?? null });
  const title = meta.title ?? '';
  return {
    cleaned,
    coins: labelCoins({ title, text: rawText, removed: cleaned.removed }),
    kind: classifyKind({ title, text: rawText, url: meta.url ?? null, source: meta.source ?? null, removed: cleaned.removed }),
  };
}
