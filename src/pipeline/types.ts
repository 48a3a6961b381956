/**
 * The contracts between pipeline stages. Every stage is a pure function of its inputs:
 * the DOM implementation, bindings and stores are passed in, never imported.
 *
 *   parse-feed -> normalize -> extract -> clean -> label (coins, kind) -> fingerprint -> cluster -> choose-canonical
 */

/** Noise categories; the names match the gold labels of ../shared/data/gold/noise-dev. */
export const NOISE_CATEGORIES = [
  'ticker',
  'hashtags',
  'author_bio',
  'byline',
  'cta',
  'share_bar',
  'appeared_first',
  'disclaimer',
  'related_links',
  'read_also',
  'advertisement',
  'image_credit',
  'site_chrome',
  'cookie',
  'duplicate_title',
  'other',
] as const;
export type NoiseCategory = (typeof NOISE_CATEGORIES)[number];

/** A span the cleaner removed: offsets are into the text given to `clean`. */
export interface RemovedSpan {
  rule: string; // the named rule that fired, e.g. 'appeared-first'
  category: NoiseCategory;
  start: number;
  end: number;
  text: string;
  why?: string; // the evidence, where the rule's name does not say it all (learned removals)
}

export interface Cleaned {
  text: string; // the article body, paragraphs separated by "\n\n"
  removed: RemovedSpan[]; // sorted by start, non-overlapping
}

export const KINDS = ['news', 'analysis', 'price-prediction', 'sponsored', 'press-release', 'opinion'] as const;
export type Kind = (typeof KINDS)[number];

export interface KindLabel {
  kind: Kind;
  reasons: string[]; // human-readable rules that fired, e.g. 'title: "price prediction"'
}

export interface CoinEvidence {
  where: 'title' | 'body';
  how: 'ticker-strip' | 'cashtag' | 'symbol' | 'name' | 'pair';
  text: string;
}

export interface CoinTag {
  symbol: string; // 'BTC'
  name: string; // 'Bitcoin'
  evidence: CoinEvidence[];
}

/** What extraction returns for one page. `null` from `extract` means nothing usable was found. */
export interface Extracted {
  title: string | null;
  byline: string | null;
  text: string; // plain text, paragraphs separated by "\n\n"
  method: 'readability' | 'prose-block' | 'light-article' | 'json-ld' | 'feed' | 'fallback';
}

/** A DOM factory: linkedom inside the Worker, jsdom or linkedom on Node. */
export type ParseHTML = (html: string, url?: string) => Document;

/** Source tiers, best first. */
export const TIERS = ['original', 'aggregator', 'content_farm'] as const;
export type Tier = (typeof TIERS)[number];
