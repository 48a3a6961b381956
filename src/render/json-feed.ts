/** Story[] -> JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
import type { SourceStatus } from '../model/source-status.ts';
import type { Story } from '../model/story.ts';
import { apiStorylineRef } from './api.ts';
import { channelDescription, descriptionHtml, type FeedMeta } from './rss.ts';

export function renderJsonFeed(stories: Story[], meta: FeedMeta & { nextUrl: string | null }) {
  return { ...jsonFeedHead(meta), items: stories.map((s) => jsonFeedItem(s, meta)) };
}

/** The feed's members before `items` (its last member). */
function jsonFeedHead(meta: FeedMeta & { nextUrl: string | null }) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    description: channelDescription(meta),
    home_page_url: meta.homeUrl,
    feed_url: meta.selfUrl,
    ...(meta.nextUrl ? { next_url: meta.nextUrl } : {}),
    ...(meta.sourceStatus ? { _onestory: { sources: jsonSourceStatus(meta.sourceStatus) } } : {}),
  };
}

/**
 * `JSON.stringify(renderJsonFeed(…))` from items already serialized (`JSON.stringify(jsonFeedItem(…))`), so a feed
 * route may keep each story's item and serialize only the stories that changed.
 */
export function jsonFeedText(items: string[], meta: FeedMeta & { nextUrl: string | null }): string {
  const head = JSON.stringify(jsonFeedHead(meta));
  return `${head.slice(0, -1)},"items":[${items.join(',')}]}`;
}

/** One story's item: a function of the story and `meta.storyUrl` alone. */
export function jsonFeedItem(s: Story, meta: Pick<FeedMeta, 'storyUrl'>) {
  return {
    id: s.id,
    url: s.url,
    title: s.title,
    summary: s.summary,
    content_html: descriptionHtml(s, meta),
    date_published: new Date(s.publishedAt).toISOString(),
    date_modified: new Date(s.updatedAt).toISOString(),
    authors: [{ name: s.source.name, url: s.source.homepage || undefined }],
    tags: [...s.coins, s.kind],
    _onestory: {
      kind: s.kind,
      coins: s.coins,
      coverage: s.coverage.map((c) => ({ source: c.source.name, title: c.title, url: c.url, published_at: new Date(c.publishedAt).toISOString() })),
      storyline: s.storyline ? apiStorylineRef(s.storyline) : null,
    },
  };
}

/** The feed-level extension: the same figures as the inspector's banner, for programs that read the feed. */
function jsonSourceStatus(s: SourceStatus) {
  return {
    total: s.sources,
    failing: s.failing,
    all_failing: s.allFailing,
    commonest_cause: s.commonest ? { code: s.commonest.code, sources: s.commonest.sources, example: s.commonest.example } : null,
  };
}
