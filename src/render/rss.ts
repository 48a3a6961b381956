/** Story[] -> RSS 2.0. One item per event; its guid is the story id, so an updated story is updated, not reposted. */
import { allFailingNotice, type SourceStatus } from '../model/source-status.ts';
import type { Story } from '../model/story.ts';
import { htmlEscape, xmlEscape } from './xml.ts';

export interface FeedMeta {
  title: string;
  description: string;
  homeUrl: string; // the site
  selfUrl: string; // this feed, with its query
  storyUrl: (id: string) => string; // the inspector page of a story
  sourceStatus?: SourceStatus; // when every source fails, the channel says so (see channelDescription)
  nextUrl?: string | null; // the next page of the same feed (RFC 5005 paging: atom:link rel="next")
}

/**
 * The channel's description, with a warning in front when every source is failing: readers show it with the feed,
 * and it leaves the items alone (a made-up "story" would be read, starred and shared as news).
 */
export function channelDescription(meta: Pick<FeedMeta, 'description' | 'sourceStatus'>): string {
  const notice = meta.sourceStatus ? allFailingNotice(meta.sourceStatus) : null;
  return notice ? `${notice} ${meta.description}` : meta.description;
}

export function renderRss(stories: Story[], meta: FeedMeta, now = Date.now()): string {
  return rssDocument(stories.map((s) => rssItem(s, meta)), lastBuildOf(stories, now), meta);
}

/** The channel's lastBuildDate: its newest story's update (now when it has none). */
export function lastBuildOf(stories: Pick<Story, 'updatedAt'>[], now = Date.now()): number {
  return stories.reduce((m, s) => Math.max(m, s.updatedAt), 0) || now;
}

/**
 * The document around rendered items (`rssItem`): a feed route may keep each story's item and join them here, so a
 * page after a change renders only the stories that changed.
 */
export function rssDocument(items: string[], lastBuild: number, meta: FeedMeta): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xmlEscape(meta.title)}</title>`,
    `<link>${xmlEscape(meta.homeUrl)}</link>`,
    `<description>${xmlEscape(channelDescription(meta))}</description>`,
    `<atom:link href="${xmlEscape(meta.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...(meta.nextUrl ? [`<atom:link href="${xmlEscape(meta.nextUrl)}" rel="next" type="application/rss+xml"/>`] : []),
    `<lastBuildDate>${new Date(lastBuild).toUTCString()}</lastBuildDate>`,
    '<generator>onestory</generator>',
    ...items,
    '</channel>',
    '</rss>',
    '',
  ];
  return lines.join('\n');
}

/** One story's `<item>`: a function of the story and `meta.storyUrl` alone. */
export function rssItem(s: Story, meta: Pick<FeedMeta, 'storyUrl'>): string {
  return [
    '<item>',
    `<title>${xmlEscape(s.title)}</title>`,
    `<link>${xmlEscape(s.url)}</link>`,
    `<guid isPermaLink="false">${xmlEscape(s.id)}</guid>`,
    `<pubDate>${new Date(s.publishedAt).toUTCString()}</pubDate>`,
    `<source url="${xmlEscape(s.source.homepage || s.url)}">${xmlEscape(s.source.name)}</source>`,
    `<description>${xmlEscape(descriptionHtml(s, meta))}</description>`,
    ...s.coins.map((c) => `<category>${xmlEscape(c)}</category>`),
    `<category domain="onestory:kind">${xmlEscape(s.kind)}</category>`,
    '</item>',
  ].join('\n');
}

/** The item body as HTML (escaped once more by the caller, as RSS requires). */
export function descriptionHtml(s: Story, meta: Pick<FeedMeta, 'storyUrl'>): string {
  const parts = [`<p>${htmlEscape(s.summary)}</p>`, `<p>— ${htmlEscape(s.source.name)}</p>`];
  if (s.coverage.length) {
    parts.push(
      '<p>Also covered by:</p><ul>',
      ...s.coverage.map((c) => `<li><a href="${htmlEscape(c.url)}">${htmlEscape(c.source.name)}</a>: ${htmlEscape(c.title)}</li>`),
      '</ul>',
    );
  }
  if (s.storyline) parts.push(developingHtml(s, meta));
  parts.push(`<p><a href="${htmlEscape(meta.storyUrl(s.id))}">Why these were grouped</a></p>`);
  return parts.join('');
}

/** "Developing: N updates": the events of the story's storyline, oldest first, this one marked, each linked. */
function developingHtml(s: Story, meta: Pick<FeedMeta, 'storyUrl'>): string {
  const line = s.storyline!;
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const more = line.size > line.events.length ? `<li>… ${line.size - line.events.length} earlier</li>` : '';
  return [
    `<p>Developing: ${line.size} updates</p><ul>`,
    more,
    ...line.events.map((e) =>
      e.id === s.id
        ? `<li>${day(e.publishedAt)}: ${htmlEscape(e.title)} (this story)</li>`
        : `<li>${day(e.publishedAt)}: <a href="${htmlEscape(meta.storyUrl(e.id))}">${htmlEscape(e.title)}</a></li>`,
    ),
    '</ul>',
  ].join('');
}
