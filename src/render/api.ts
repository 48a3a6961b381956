/** The JSON API's shapes (/api/v1). Field names are an interface newsletters rely on: keep them stable. */
import type { Member, SourceHealth, Story, StoryDetail, StorylineDetail, StorylineRef } from '../model/story.ts';

const iso = (t: number | null) => (t == null ? null : new Date(t).toISOString());

export function apiStory(s: Story) {
  return {
    id: s.id,
    title: s.title,
    url: s.url,
    source: s.source.name,
    source_id: s.source.id,
    published_at: iso(s.publishedAt),
    updated_at: iso(s.updatedAt),
    summary: s.summary,
    coins: s.coins,
    kind: s.kind,
    coverage: s.coverage.map((c) => ({ source: c.source.name, title: c.title, url: c.url, published_at: iso(c.publishedAt) })),
    storyline: s.storyline ? apiStorylineRef(s.storyline) : null,
    score: s.score,
    score_reasons: s.scoreReasons,
  };
}

/** GET /api/v1/digest: a day's top events, most important first, with the day as the reader's zone bounds it. */
export function apiDigest(d: { date: string; tz: string; from: number; to: number }, stories: Story[]) {
  return { date: d.date, tz: d.tz, from: iso(d.from), to: iso(d.to), stories: stories.map(apiStory) };
}

/** A story's storyline: the events of its matter, oldest first (the newest 20 of `size`); this story is one of them. */
export function apiStorylineRef(l: StorylineRef) {
  return { id: l.id, title: l.title, size: l.size, events: l.events.map((e) => ({ id: e.id, title: e.title, published_at: iso(e.publishedAt) })) };
}

/** GET /api/v1/storylines/:id: every event, with its outlet, summary and why it joined. */
export function apiStoryline(l: StorylineDetail) {
  return {
    id: l.id,
    title: l.title,
    first_published_at: iso(l.firstPublishedAt),
    last_published_at: iso(l.lastPublishedAt),
    size: l.events.length,
    events: l.events.map((e) => ({
      id: e.id,
      title: e.title,
      published_at: iso(e.publishedAt),
      source: e.source.name,
      source_id: e.source.id,
      stories: e.size,
      summary: e.summary,
      why: e.why ?? null,
    })),
    merged_from: l.mergedFrom,
  };
}

export function apiStoryDetail(s: StoryDetail) {
  return {
    ...apiStory(s),
    text: s.text,
    text_from: s.textFrom ? { item_id: s.textFrom.itemId, source: s.textFrom.source.name, reason: s.textFrom.reason } : null,
    canonical_reason: s.canonicalReason,
    merged_from: s.mergedFrom,
    storyline_why: s.storylineWhy ?? null,
    // the editors' overrides naming its members (merges, splits, the pin in force), oldest first
    editorial: s.editorial.map((e) => ({ id: e.id, action: e.action, story: e.storyId, into: e.intoId, item: e.itemId, note: e.note, created_at: iso(e.createdAt), in_force: e.inForce })),
    members: s.members.map(apiMember),
  };
}

function apiMember(m: Member) {
  return {
    item_id: m.itemId,
    canonical: m.isCanonical,
    source: m.source.name,
    source_id: m.source.id,
    source_tier: m.source.tier,
    title: m.title,
    url: m.url,
    author: m.author,
    published_at: iso(m.publishedAt),
    kind: m.kind,
    kind_reasons: m.kindReasons,
    coins: m.coinTags,
    similarity: m.similarity,
    placement: m.placement,
    score: m.score,
    text_source: m.textSource,
    text: m.text,
    removed: m.removed.map((r) => ({ rule: r.rule, category: r.category, start: r.start, end: r.end, text: r.text, ...(r.why ? { why: r.why } : {}) })),
    error: m.error,
  };
}

export function apiSource(s: SourceHealth) {
  return {
    id: s.id,
    name: s.name,
    homepage: s.homepage,
    feed_url: s.feedUrl,
    tier: s.tier,
    full_text: s.fullText,
    enabled: s.enabled,
    stories: s.stories,
    items_seen: s.itemsSeen,
    items_failed: s.itemsFailed,
    deferred: { entries: s.entriesDeferred, pages: s.pagesDeferred },
    health: {
      ok: s.lastFetchAt == null ? null : s.consecutiveFailures === 0,
      last_fetch_at: iso(s.lastFetchAt),
      last_result: s.lastMessage,
      last_success_at: iso(s.lastSuccessAt),
      last_error_at: iso(s.lastErrorAt),
      last_error: s.lastError,
      last_error_code: s.lastErrorCode,
      consecutive_failures: s.consecutiveFailures,
    },
  };
}
