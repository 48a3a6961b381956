/**
 * Switches of the extract stage that the evaluation and the benchmark can turn on from the environment, to measure
 * a path that is not the default on the same command. Off unless set; the Worker never reads them.
 *
 *   ONESTORY_EXTRACT_LIGHT_ONLY=1  never run Readability: the article chosen on the light DOM always answers (issue
 *                                  11: the bound of the light choice, what the last Readability pages buy)
 *   ONESTORY_EXTRACT_TRUST_CITED=1 trust the light choice on link-dense articles whose links stand inside sentences
 *                                  (`isConfidentCited`, not the default: it lowers the figures slightly)
 */
import type { ExtractOptions } from '../src/pipeline/extract/index.ts';
import { isConfidentCited } from '../src/pipeline/extract/light-article.ts';

export const EXTRACT_SWITCHES: Pick<ExtractOptions, 'lightOnly' | 'trustLight'> = {
  ...(process.env.ONESTORY_EXTRACT_LIGHT_ONLY ? { lightOnly: true } : {}),
  ...(process.env.ONESTORY_EXTRACT_TRUST_CITED ? { trustLight: isConfidentCited } : {}),
};
