/** Small pieces several pipeline stages build their patterns and figures from. */

/** `s` as a literal inside a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What a unit word or letter after a figure multiplies it by ("$4.2 million", "$420M", "2.1bn" reads "b"). */
export const AMOUNT_SCALE: Readonly<Record<string, number>> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, b: 1e9, billion: 1e9, t: 1e12, trillion: 1e12 };
