import { matchAll, type Rule } from '../rule.ts';

/** Three or more cashtags in a row with nothing but separators between them: "$BTC $ETH $SOL". */
const CASHTAG_RUN = /(?<![\w$])\$[A-Z][A-Z0-9]{1,9}(?:[\s,|•·]+\$[A-Z][A-Z0-9]{1,9}){2,}(?![\w])/g;

/** Runs of cashtags; a single cashtag inside a sentence ("$BTC rallied") stays. */
export const cashtagRun: Rule = {
  name: 'cashtag-run',
  category: 'ticker',
  find: (text) => matchAll(text, CASHTAG_RUN),
};
