/**
 * The grouping eval's views as the audit scripts read them (grouping-errors, grouping-order, grouping-ablation,
 * against-audit, evidence-audit): the views named on the command line, each with its gold and its stories prepared as
 * the eval prepares them (eval/sections/grouping.ts). Cleaning is the slow part, so prepared stories are cached in
 * $TMPDIR/onestory-grouping-errors/<view>.json; delete that folder after a change to cleaning or labelling.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VIEWS, loadSet, prepare } from '../eval/sections/grouping.ts';
import type { StoryInput } from '../src/pipeline/cluster/place-story.ts';

const DATA = process.env.ONESTORY_DATA ?? '/work/shared/data';
/** One view of a gold set (a set as it is, or cut to teasers). */
export type View = (typeof VIEWS)[number];

const CACHE_DIR = path.join(os.tmpdir(), 'onestory-grouping-errors');

/** The views named (all when none is). */
export function viewsNamed(wanted: readonly string[]): View[] {
  return VIEWS.filter((v) => !wanted.length || wanted.includes(v.name));
}

/** A view's prepared stories, in publication order, and its gold (story id -> gold event). */
export function preparedView(view: View): { stories: StoryInput[]; gold: Map<string, string> } {
  const { articles, gold } = loadSet(DATA, view.set, false);
  mkdirSync(CACHE_DIR, { recursive: true });
  const cacheFile = path.join(CACHE_DIR, `${view.name}.json`);
  if (existsSync(cacheFile)) return { stories: JSON.parse(readFileSync(cacheFile, 'utf8')), gold };
  const stories = articles.map((a) => prepare(a, view.cut));
  writeFileSync(cacheFile, JSON.stringify(stories));
  return { stories, gold };
}
