/**
 * Switches of the extract stage that the evaluation and the benchmark can turn on from the environment, to measure
 * a path that is not the default on the same command. Off unless set; the Worker never reads them.
 *
 *   ONESTORY_EXTRACT_LIGHT_ONLY=1  never run Readability: the article chosen on the light DOM always answers (issue
 *                                  11: the bound of the light choice, what the last Readability pages buy)
 */
import type { ExtractOptions } from '../src/pipeline/extract/index.ts';

export const EXTRACT_SWITCHES: Pick<ExtractOptions, 'lightOnly'> = process.env.ONESTORY_EXTRACT_LIGHT_ONLY ? { lightOnly: true } : {};
