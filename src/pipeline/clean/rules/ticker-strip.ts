import { holds } from '../alternation.ts';
import { matchAll, type Hit, type Rule } from '../rule.ts';

/** Module-level: a regex literal inside a function is a new regex object each call, recompiled once a GC has dropped V8's cache. */
const WITH_COLON = /^In this article:/i;
const DIGIT = /\d/;

/** A price: "$9,450.56", "117,291.00", "0.0₄1229" (subscript zeros), with an optional sign. */
const PRICE = String.raw`[-+]?\$?\d[\d,]*(?:\.[\d₀-₉]+)?`;
/** A change: "0.90%", "-1.26" (sources that strip % leave the bare number). */
const CHANGE = String.raw`[-+−]?\d+(?:\.\d+)?%?`;

/** A named chip, "bitcoinBitcoin$9,450.560.90%": slug, name, price and change glued together. */
const NAMED_CHIP = String.raw`(?:[•·|]\s*)?(?<![a-z0-9-])[a-z][a-z0-9-]*[A-Z][A-Za-z .]{0,30}?\$\d[\d,]*\.\d+${CHANGE}`;
/** A symbol chip, "BTC117,291.00-1.26", "ETH 3,538.36 4.28%", "USDC.E0.99990.01", "BSC-USD1.0060.22"; one letter ("W0.0879-7.28") only inside a strip. */
const SYMBOL_CHIP = String.raw`(?:[•·|]\s*)?[A-Z][A-Z0-9]{0,9}(?:[.-][A-Z0-9]{1,9})?\s?\$?\d[\d,]*\.\d+\s?${CHANGE}`;

/**
 * What a strip of named chips cannot do without, so its scan is skipped on texts without it: a slug glued to a
 * name before a price. (Symbol chips have none cheaper to look for than the strip itself.)
 */
const STRIP_TRIGGERS = [/[a-z0-9-][A-Z][A-Za-z .]{0,30}?\$\d/, null];

/** Runs of chips with optional widget labels ("Coin Prices", "Price data by"): a strip is two named chips or three symbol chips. */
const STRIPS = [
  new RegExp(String.raw`(?:${NAMED_CHIP}\s*){2,}`, 'g'),
  new RegExp(String.raw`(?:(?:Coin Prices|Price data by|Prices by \w+)\s*)?(?:${SYMBOL_CHIP}\s*){3,}`, 'g'),
];

/**
 * Quote-chip bars that name the article's instruments: "In This Article:BTC-USD3.55", "In this article BTC $64,000 +2%".
 * A symbol is upper-case (with -, =, ^, .) and must not run into a lower-case letter, which starts the next block.
 */
const IN_THIS_ARTICLE = new RegExp(
  String.raw`In [Tt]his [Aa]rticle:?\s*(?:[A-Z^][A-Z0-9.=^-]{0,11}(?![a-z])(?:\s?${PRICE}%?)?(?:\s?${CHANGE})?\s*){1,12}(?![a-z])`,
  'g',
);

/** Chart range selectors under a price widget: "24h 7d 30d 1y All time". */
const RANGE_SELECTOR = /(?:\b(?:1|24)[hH]\s?7[dD]\s?(?:14[dD]\s?)?30[dD]\s?(?:90[dD]\s?)?1[yY]\s?(?:All(?: time)?|Max)?)/g;
/** What every selector and every chip bar holds: their scans are skipped on the many texts without it. */
const RANGE_SELECTOR_TRIGGER = ['30d', '30D'];
const IN_THIS_ARTICLE_TRIGGER = ['In this article', 'In This article', 'In this Article', 'In This Article'];

/** Price-ticker widgets and strips. Prices inside sentences are left alone: a strip is several chips in a row. */
export const tickerStrip: Rule = {
  name: 'ticker-strip',
  category: 'ticker',
  find(text) {
    const hits: Hit[] = [];
    STRIPS.forEach((re, i) => {
      const trigger = STRIP_TRIGGERS[i];
      if (!trigger || holds(text, trigger)) hits.push(...matchAll(text, re));
    });
    if (holds(text, RANGE_SELECTOR_TRIGGER)) hits.push(...matchAll(text, RANGE_SELECTOR));
    // Without the colon, "In this article I …" and "In this article US officials …" are prose: a bar then shows prices.
    if (holds(text, IN_THIS_ARTICLE_TRIGGER)) hits.push(...matchAll(text, IN_THIS_ARTICLE).filter((h) => WITH_COLON.test(text.slice(h.start, h.end)) || DIGIT.test(text.slice(h.start, h.end))));
    return hits;
  },
};
