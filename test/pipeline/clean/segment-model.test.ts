import { describe, expect, it } from 'vitest';
import { clean } from '../../../src/pipeline/clean/index.ts';
import { FEATURE_COUNT, grow, segmentsOf, type SegmentWeights } from '../../../src/pipeline/clean/segment-model.ts';
import { chooseThreshold, examplesOf, fit, heldOut, type LabelledText, weightsFile } from '../../../scripts/train-segment-model.ts';

// Invented text: a harbour story of a town that does not exist.
const STORY =
  'The harbour council in Port Ellery voted on Tuesday to rebuild the north pier after winter storms cracked its pilings. ' +
  'Mayor Ada Quell said the work would begin in March and cost about 4.2 million dollars. ' +
  'Fishing crews have used the south pier since January, which the council said had doubled waiting times. ' +
  'Quell said the council would publish the contracts once they were signed. ' +
  'The pier was first built in 1911 and last repaired in 1987, according to the council.';
const TITLE = 'Port Ellery council votes to rebuild north pier';
const CTX = { title: TITLE, source: 'Ellery Courier' };
/** Two calls to action the rules know, with something between them. */
const between = (middle: string) => `${STORY}\nSign up for our newsletter\n${middle}\nFollow us on Twitter`;

describe('segment model', () => {
  it('removes a topic strip between two removed calls to action, naming the model and its strongest features', () => {
    const strip = 'TOPICS: Harbour | Council | Weekend';
    const out = clean(between(strip), CTX);
    const span = out.removed.find((r) => r.rule === 'segment-model');
    expect(span?.text).toBe(strip);
    expect(span?.why).toMatch(/^segment model p=0\.9\d|^segment model p=1\.00/);
    expect(span?.why).toContain('pipes or bullets');
    expect(out.text).not.toContain('TOPICS');
    expect(out.text).toContain('The pier was first built in 1911');
  });

  it('keeps a prose sentence in the same place, even one that opens with a label and a colon', () => {
    const sentence = 'Update: Harbour council will meet again on Friday to approve the pier budget, Quell said.';
    const out = clean(between(sentence), CTX);
    expect(out.removed.some((r) => r.rule === 'segment-model')).toBe(false);
    expect(out.text).toContain(sentence);
  });

  it('removes nothing from a story that stands alone', () => {
    expect(clean(STORY, CTX).removed).toEqual([]);
  });

  it('reads a glued menu as one segment and splits it from the prose glued after it', () => {
    const text = 'HomeNewsSportsWeatherThe harbour council voted on Tuesday to rebuild the north pier.';
    const segs = segmentsOf(text, []).map((s) => text.slice(s.start, s.end));
    expect(segs).toEqual(['HomeNewsSportsWeather', 'The harbour council voted on Tuesday to rebuild the north pier.']);
  });

  it("grows a removal to neighbours above the lower threshold, never across a stretch's edge", () => {
    const seg = (start: number, gap: number) => ({ start, end: start + 20, gap });
    const segs = [seg(0, 0), seg(20, 0), seg(40, 0), seg(60, 1)];
    expect(grow(segs, [0.6, 0.99, 0.3, 0.9], 0.95, 0.5)).toEqual([true, true, false, false]);
    expect(grow(segs, [0.6, 0.99, 0.7, 0.9], 0.95, 0.5)).toEqual([true, true, true, false]);
  });
});

describe('train-segment-model', () => {
  /** An invented corpus: stories with a pipe-separated topic strip between two calls to action, by six outlets. */
  const corpus: LabelledText[] = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot'].map((outlet, k) => {
    const strip = `TOPICS: Harbour | Outlet ${outlet} | Weekend ${k}`;
    const input = between(strip);
    const at = input.indexOf(strip);
    return { set: 'invented', source: outlet, title: TITLE, input, noise: [{ start: at, end: at + strip.length }], goldSegments: [{ start: 0, end: STORY.length }] };
  });

  it('labels the segments the rules keep: story sentences 0, the strip 1, each with its outlet', () => {
    const examples = examplesOf(corpus);
    expect(examples.filter((e) => e.y === 1)).toHaveLength(corpus.length);
    expect(examples.filter((e) => e.y === 0)).toHaveLength(corpus.length * 5);
    expect(new Set(examples.map((e) => e.group)).size).toBe(corpus.length);
    expect(examples.every((e) => e.x.length === FEATURE_COUNT)).toBe(true);
  });

  it('fits weights that rank held-out strips above held-out story, and writes them as a weights module', () => {
    const examples = examplesOf(corpus);
    const p = heldOut(examples, (e) => e.group);
    const lowestNoise = Math.min(...p.filter((_, i) => examples[i].y === 1));
    const highestStory = Math.max(...p.filter((_, i) => examples[i].y === 0));
    expect(lowestNoise).toBeGreaterThan(highestStory);
    const threshold = chooseThreshold(examples, p, 0.98);
    expect(threshold).toBeLessThanOrEqual(lowestNoise);
    const model: SegmentWeights = { ...fit(examples), threshold, neighbourThreshold: threshold };
    expect(model.weights).toHaveLength(FEATURE_COUNT);
    const file = weightsFile(model, 'invented corpus');
    expect(file).toContain('export const WEIGHTS: SegmentWeights = {');
    const body = JSON.parse(file.slice(file.indexOf('= {') + 2, file.lastIndexOf('}') + 1)) as SegmentWeights;
    expect(body.features).toHaveLength(FEATURE_COUNT);
    expect(body.mean).toHaveLength(FEATURE_COUNT);
    expect(body.threshold).toBeCloseTo(threshold, 4);
  });
});
