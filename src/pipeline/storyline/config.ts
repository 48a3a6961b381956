/** Storyline settings: one configuration for every outlet and data set (see link-storyline.ts). */
import type { Kind } from '../types.ts';

export interface StorylineConfig {
  /** A story looks for events of its matter published within this distance, both ways. */
  windowMs: number;
  /** Anchor rows read per story at most (most recent first): bounds the lookup however common a name is. */
  hitLimit: number;
  /** Stories of other events compared in full (cosine of same-event features), the best by shared anchors first. */
  candidatesVerified: number;
  /** Distinct names or figures two stories must share: one shared actor is a topic ("Vitalik Buterin says…"). */
  minThings: number;
  /** ...and the summed weight of what they share (see anchors.ts): a common name weighs little. */
  minAnchorWeight: number;
  /**
   * Cosine of same-event features two stories must reach, as a share of the event bar of placeStory for the same
   * crowd: the same matter, told as another happening, shares less than one happening's write-ups do.
   */
  eventBarShare: number;
  /** Kinds that only use a happening as a hook (gold rule 7): they never link events. */
  hookKinds: readonly Kind[];
}

export const DEFAULT_STORYLINE_CONFIG: StorylineConfig = {
  windowMs: 14 * 24 * 3600_000, // 14 days: a hack, its refund plan and the arrest two weeks later are one matter
  hitLimit: 400, // rows: ~40 stories sharing each of ten anchors
  candidatesVerified: 12, // stories: the strongest few events suffice, one of them is the link
  minThings: 2,
  minAnchorWeight: 0.3,
  eventBarShare: 0.5,
  hookKinds: ['sponsored'],
};
