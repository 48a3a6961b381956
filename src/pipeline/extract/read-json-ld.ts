/**
 * Reads the article from a page's JSON-LD (schema.org): publishers put the clean body in `articleBody` of an
 * Article, NewsArticle, BlogPosting... node, free of share bars and newsletter boxes.
 */

export interface JsonLdArticle {
  body: string; // as published: plain text, or HTML on some sites
  headline: string | null;
  author: string | null;
}

// schema.org types whose `articleBody` is the story: Article and its subtypes (NewsArticle, ReportageNewsArticle,
// AnalysisNewsArticle, OpinionNewsArticle, TechArticle, ScholarlyArticle...), BlogPosting, LiveBlogPosting, Report.
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;

export function readJsonLd(blocks: string[]): JsonLdArticle | null {
  let best: JsonLdArticle | null = null;
  for (const raw of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(raw.trim());
    } catch {
      continue; // broken JSON-LD is common (stray commas, HTML entities); the page still has its DOM
    }
    for (const node of articleNodes(data)) {
      const body = node.articleBody;
      if (typeof body !== 'string' || !body.trim()) continue;
      if (best && best.body.length >= body.length) continue;
      best = { body, headline: text(node.headline), author: authorName(node.author) };
    }
  }
  return best;
}

type Node = Record<string, unknown>;

function* articleNodes(data: unknown): Generator<Node> {
  if (Array.isArray(data)) {
    for (const d of data) yield* articleNodes(d);
    return;
  }
  if (!data || typeof data !== 'object') return;
  const node = data as Node;
  const types = ([] as unknown[]).concat(node['@type'] ?? []);
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) yield node;
  if (node['@graph']) yield* articleNodes(node['@graph']);
  if (node.mainEntity) yield* articleNodes(node.mainEntity);
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function authorName(v: unknown): string | null {
  if (typeof v === 'string') return text(v);
  const names = ([] as unknown[])
    .concat(v ?? [])
    .map((a) => (a && typeof a === 'object' ? text((a as Node).name) : text(a)))
    .filter((n): n is string => !!n);
  return names.length ? names.join(', ') : null;
}
