/** Clustering settings: one configuration for every outlet and data set. */
export interface ClusterConfig {
  /** Candidates are looked for within this distance of the story's publication time, both ways. */
  windowMs: number;
  /** At most this many candidates are verified per story (most shared LSH keys first). */
  candidateLimit: number;
  /** Estimated Jaccard of body shingles at which a story is a copy or light rewrite. */
  nearJoin: number;
  /** Cosine of same-event features at which two write-ups report one happening. */
  eventJoin: number;
}

export const DEFAULT_CONFIG: ClusterConfig = {
  windowMs: 4 * 24 * 3600_000, // 4 days: write-ups of one event trail it by up to 3-4 days (a weekly recap is a new event)
  candidateLimit: 60, // enough for the largest same-day event (tens of outlets); bounded per-story CPU
  nearJoin: 0.5, // half the shingles shared: copies with different boilerplate stay well above
  eventJoin: 0.3,
};
