import { matches, type Hit, type Rule } from '../rule.ts';

/**
 * A price chip rendered inside a sentence: the coin's name, then its symbol and price glued on,
 * "bitcoinBTC121,918.41", "XRPXRP2.9715", "PEPEPEPE0.0₄1229". The name stays; symbol and price go.
 * The glue is the tell: prose writes "bitcoin (BTC) at $121,918".
 */
const CHIP = /(?<=[a-z])([A-Z]{2,8})\$?\d[\d,]*\.[\d₀-₉]+|([A-Z]{2,8})(?=\2\$?\d)(\2\$?\d[\d,]*\.[\d₀-₉]+)/g;

/** A capital glued to a decimal price: every chip holds one, so texts without are not scanned. */
const CHIP_TRIGGER = /[A-Z]\$?\d[\d,]*\.[\d₀-₉]/;

export const inlinePriceChip: Rule = {
  name: 'inline-price-chip',
  category: 'ticker',
  find(text) {
    const hits: Hit[] = [];
    if (!CHIP_TRIGGER.test(text)) return hits;
    for (const m of matches(text, CHIP)) {
      const at = m.index ?? 0;
      if (m[3]) hits.push({ start: at + m[2].length, end: at + m[0].length, inline: true });
      else hits.push({ start: at, end: at + m[0].length, inline: true });
    }
    return hits;
  },
};
