import type { Article, Prisma } from "@claimdesk/db";
import {
  type ExtractedArticle,
  IntakeError,
  decodeText,
  extractArticle,
  fetchArticle,
  intakeSettings,
  parseFeedText,
  parseHttpUrl,
  safeFetch,
  storeArticle,
} from "@claimdesk/intake";
import type { DeskContext as Context } from "../context.ts";
import { permissions } from "../policy.ts";
import { audited } from "../unit-of-work.ts";
import { AppError, DuplicateArticleError, ForbiddenError, NotFoundError, ValidationError } from "../errors.ts";

/**
 * The desk's side of intake: previews, articles from a link, and feed
 * settings. Fetching and extraction live in @claimdesk/intake; the worker
 * that polls feeds too.
 */

/** A page or feed that could not be taken in, in words (the code says which failure). */
export class IntakeFailedError extends AppError {
  readonly code: string;
  readonly httpStatus: number | null;
  constructor(error: IntakeError) {
    super(error.message);
    this.code = error.code;
    this.httpStatus = error.status ?? null;
  }
}

const settings = () => intakeSettings();
const pastedBase = "https://pasted.invalid/";

export interface ArticlePreview extends ExtractedArticle {
  existingId: string | null;
}

function intake<T>(work: () => Promise<T>): Promise<T> {
  return work().catch((error: unknown) => {
    throw error instanceof IntakeError ? new IntakeFailedError(error) : error;
  });
}

/** What would be saved from a link or pasted HTML, for the editor to correct first. */
export async function previewArticle(ctx: Context, input: { url?: string | null; html?: string | null }): Promise<ArticlePreview> {
  if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError("Only newsroom staff can add articles");
  const html = input.html?.trim() ? input.html : null;
  const url = input.url?.trim() || null;
  if (!html && !url) throw ValidationError.field("input.url", "Give a link or paste the page's HTML");
  if (html && html.length > 5_000_000) throw ValidationError.field("input.html", "is larger than 5 MB");
  const extracted = await intake(async () => {
    if (!html) return fetchArticle(url!, settings().fetch);
    // A pasted page is read as if it were at the given link (for relative links), else nowhere.
    const base = url ? parseHttpUrl(url).href : pastedBase;
    const result = extractArticle(html, base);
    if (!url && result.sources.canonicalUrl === "fetched")
      return { ...result, canonicalUrl: null, sources: { ...result.sources, canonicalUrl: undefined } };
    return result;
  });
  const existing = extracted.canonicalUrl
    ? await ctx.prisma.article.findUnique({ where: { canonicalUrl: extracted.canonicalUrl }, select: { id: true } })
    : null;
  return { ...fitToArticle(extracted), sources: extracted.sources, existingId: existing?.id ?? null };
}

/** Fetches a link and saves its article as extracted; a known canonical URL gives the existing article back. */
export async function createArticleFromUrl(ctx: Context, url: string): Promise<Article> {
  if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError("Only newsroom staff can add articles");
  const extracted = await intake(() => fetchArticle(url, settings().fetch));
  const fields = fitToArticle(extracted);
  return audited(ctx, async (tx, audit) => {
    const { outletName, sources: _sources, ...data } = fields;
    const stored = await storeArticle(tx, data, outletName ? { name: outletName } : null);
    const article = await tx.article.findUniqueOrThrow({ where: { id: stored.id } });
    if (!stored.created) throw new DuplicateArticleError(article);
    await audit({
      action: "article.create",
      entityType: "Article",
      entityId: article.id,
      after: { ...data, body: `${data.body.length} characters`, outletName, fetchedFrom: extracted.fetchedUrl },
    });
    return article;
  }).catch(async (error: unknown) => {
    if ((error as { code?: string }).code === "P2002" && fields.canonicalUrl) {
      const existing = await ctx.prisma.article.findUnique({ where: { canonicalUrl: fields.canonicalUrl } });
      if (existing) throw new DuplicateArticleError(existing);
    }
    throw error;
  });
}

/** Extracted values clipped to what an article accepts (the same limits as createArticle). */
function fitToArticle<T extends ExtractedArticle>(a: T) {
  return {
    title: a.title.slice(0, 500),
    byline: a.byline?.slice(0, 300) ?? null,
    publishedAt: a.publishedAt,
    outletName: a.outletName?.slice(0, 200) ?? null,
    canonicalUrl: a.canonicalUrl && a.canonicalUrl.length <= 2000 ? a.canonicalUrl : null,
    language: /^[a-z]{2,3}(-[A-Za-z0-9]+)?$/.test(a.language) ? a.language : "en",
    body: a.body.slice(0, 500_000),
    sources: a.sources,
  };
}

// ---------------------------------------------------------------- feeds

function feedUrl(raw: string, path: string): string {
  try {
    return parseHttpUrl(raw).href;
  } catch (error) {
    throw ValidationError.field(path, (error as Error).message);
  }
}

function interval(minutes: number | null | undefined, path: string): number | undefined {
  if (minutes === null || minutes === undefined) return undefined;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
    throw ValidationError.field(path, "must be a whole number of minutes from 1 to 1440");
  return minutes * 60;
}

/** Fetches the feed once, so a wrong address is refused when it is added, in words. */
async function checkFeed(url: string): Promise<string | null> {
  return intake(async () => {
    const response = await safeFetch(url, {
      ...settings().fetch,
      accept: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5",
    });
    return parseFeedText(decodeText(response.body, response.charset), response.url).title;
  });
}

export async function addFeed(ctx: Context, input: { outletId: string; url: string; intervalMinutes?: number | null }): Promise<string> {
  if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError("Only newsroom staff can manage feeds");
  const url = feedUrl(input.url, "input.url");
  const intervalSeconds = interval(input.intervalMinutes, "input.intervalMinutes") ?? 900;
  const outlet = await ctx.prisma.outlet.findUnique({ where: { id: input.outletId }, select: { id: true } });
  if (!outlet) throw new NotFoundError("The outlet");
  const title = await checkFeed(url);
  return audited(ctx, async (tx, audit) => {
    if (await tx.feed.findUnique({ where: { outletId_url: { outletId: outlet.id, url } }, select: { id: true } })) {
      throw ValidationError.field("input.url", "This outlet already has this feed");
    }
    const feed = await tx.feed.create({ data: { outletId: outlet.id, url, title, intervalSeconds }, select: { id: true } });
    await audit({ action: "feed.create", entityType: "Feed", entityId: feed.id, after: { outletId: outlet.id, url, intervalSeconds } });
    return feed.id;
  });
}

export async function updateFeed(
  ctx: Context,
  input: { id: string; url?: string | null; intervalMinutes?: number | null; active?: boolean | null; pollNow?: boolean | null },
): Promise<string> {
  if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError("Only newsroom staff can manage feeds");
  const data: Prisma.FeedUpdateInput = {};
  if (input.url) data.url = feedUrl(input.url, "input.url");
  const seconds = interval(input.intervalMinutes, "input.intervalMinutes");
  if (seconds) data.intervalSeconds = seconds;
  if (typeof input.active === "boolean") data.active = input.active;
  if (input.pollNow || input.active === true) data.nextPollAt = new Date();
  if (typeof data.url === "string") {
    data.title = await checkFeed(data.url);
    Object.assign(data, { etag: null, lastModified: null });
  }
  return audited(ctx, async (tx, audit) => {
    const before = await tx.feed.findUnique({ where: { id: input.id } });
    if (!before) throw new NotFoundError("The feed");
    await tx.feed.update({ where: { id: input.id }, data });
    await audit({
      action: "feed.update",
      entityType: "Feed",
      entityId: input.id,
      before: { url: before.url, intervalSeconds: before.intervalSeconds, active: before.active },
      after: { ...data } as Prisma.InputJsonObject,
    });
    return input.id;
  });
}

export async function deleteFeed(ctx: Context, id: string): Promise<string> {
  if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError("Only newsroom staff can manage feeds");
  return audited(ctx, async (tx, audit) => {
    const feed = await tx.feed.findUnique({ where: { id } });
    if (!feed) throw new NotFoundError("The feed");
    // Its items go with it; the articles they brought in stay.
    await tx.feed.delete({ where: { id } });
    await audit({ action: "feed.delete", entityType: "Feed", entityId: id, before: { outletId: feed.outletId, url: feed.url } });
    return feed.outletId;
  });
}
