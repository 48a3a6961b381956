/**
 * The DOMs the Worker extracts with: the light DOM for the first look, linkedom for Readability. The command line,
 * the evaluation and the benchmark take the same pair, so they measure what the Worker runs.
 */
import type { ParseHTML } from '../pipeline/types.ts';
import { parseLight } from './light.ts';
import { parseWithLinkedom } from './linkedom.ts';
import { linkedomFromLight } from './linkedom-from-light.ts';

export const WORKER_DOMS: { parseHTML: ParseHTML; parseLight: ParseHTML; fullFromLight: typeof linkedomFromLight } = {
  parseHTML: parseWithLinkedom,
  parseLight,
  fullFromLight: linkedomFromLight,
};
