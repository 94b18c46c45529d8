import { FeedItemStatus } from "@claimdesk/db";
import { builder, pageCost } from "../builder.ts";
import { DuplicateArticleError, ForbiddenError, NotFoundError, ValidationError, intake } from "@claimdesk/desk";
const { IntakeFailedError, addFeed, createArticleFromUrl, deleteFeed, previewArticle, updateFeed } = intake;
type ArticlePreview = intake.ArticlePreview;
import { selection } from "../query.ts";
import { ArticleRef } from "./article.ts";
import { ErrorInterface } from "./common.ts";
import { OutletRef } from "./outlet.ts";

// Articles from a link or a saved page, and outlets' feeds. Logic: the desk's intake commands.

builder.objectType(IntakeFailedError, {
  name: "IntakeError",
  description:
    "A page or feed that could not be taken in. `code`: INVALID_URL, UNSUPPORTED_SCHEME, ADDRESS_NOT_ALLOWED, DNS_FAILED, CONNECT_TIMEOUT, TIMEOUT, NETWORK, TOO_MANY_REDIRECTS, REDIRECT_LOOP, HTTP_STATUS, TOO_LARGE, NOT_HTML, NOT_A_FEED, NO_ARTICLE; `message` says it in words.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof IntakeFailedError,
  fields: (t) => ({ httpStatus: t.exposeInt("httpStatus", { nullable: true, description: "The site's answer, for HTTP_STATUS" }) }),
});

const FieldSourceRef = builder.objectRef<{ field: string; source: string }>("ExtractedFieldSource").implement({
  description: "Where an extracted value came from: json-ld, open-graph, meta, page, readability or fetched (the address itself)",
  fields: (t) => ({ field: t.exposeString("field"), source: t.exposeString("source") }),
});

const ArticlePreviewRef = builder.objectRef<ArticlePreview>("ArticlePreview").implement({
  description: "An article as read from a page, not saved: the editor corrects it, then saves it with createArticle",
  fields: (t) => ({
    title: t.exposeString("title"),
    byline: t.exposeString("byline", { nullable: true }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    outletName: t.exposeString("outletName", { nullable: true }),
    canonicalUrl: t.exposeString("canonicalUrl", { nullable: true }),
    language: t.exposeString("language"),
    body: t.exposeString("body"),
    sources: t.field({
      type: [FieldSourceRef],
      resolve: (p) => Object.entries(p.sources).map(([field, source]) => ({ field, source: source! })),
    }),
    existing: t.prismaField({
      type: "Article",
      nullable: true,
      description: "The article already in the desk with this canonical URL",
      resolve: (query, p, _a, ctx) =>
        p.existingId ? ctx.prisma.article.findUnique({ ...selection(query), where: { id: p.existingId } }) : null,
    }),
  }),
});

const PreviewArticleInput = builder.inputType("PreviewArticleInput", {
  fields: (t) => ({
    url: t.string({ required: false, description: "The page to fetch; with html, the address the page was saved from" }),
    html: t.string({ required: false, description: "A saved page's HTML, read instead of fetching" }),
  }),
});

builder.mutationField("previewArticle", (t) =>
  t.field({
    type: ArticlePreviewRef,
    description: "Reads an article from a link (fetched on the server) or pasted HTML, without saving it.",
    authScopes: { deskWriter: true },
    errors: { types: [IntakeFailedError, ValidationError, ForbiddenError] },
    args: { input: t.arg({ type: PreviewArticleInput, required: true }) },
    resolve: (_root, { input }, ctx) => previewArticle(ctx, input),
  }),
);

builder.mutationField("createArticleFromUrl", (t) =>
  t.prismaField({
    type: "Article",
    description:
      "Fetches a link and saves its article as extracted. A known canonical URL answers DuplicateArticleError with the existing article.",
    authScopes: { deskWriter: true },
    errors: { types: [IntakeFailedError, ValidationError, ForbiddenError, DuplicateArticleError] },
    args: { url: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const article = await createArticleFromUrl(ctx, args.url);
      return ctx.prisma.article.findUniqueOrThrow({ ...selection(query), where: { id: article.id } });
    },
  }),
);

// ---------------------------------------------------------------- feeds

const FeedItemStatusEnum = builder.enumType(FeedItemStatus, { name: "FeedItemStatus" });

export const FeedRef = builder.prismaNode("Feed", {
  id: { field: "id" },
  nullable: true,
  authScopes: { staff: true },
  description: "An outlet's RSS, Atom or JSON feed, polled for new articles",
  fields: (t) => ({
    url: t.exposeString("url"),
    title: t.exposeString("title", { nullable: true }),
    active: t.exposeBoolean("active"),
    intervalMinutes: t.int({ select: { intervalSeconds: true }, resolve: (f) => Math.round(f.intervalSeconds / 60) }),
    lastPolledAt: t.expose("lastPolledAt", { type: "DateTime", nullable: true }),
    lastSuccessAt: t.expose("lastSuccessAt", { type: "DateTime", nullable: true }),
    lastError: t.exposeString("lastError", { nullable: true, description: "Why the last poll failed, in words" }),
    lastErrorCode: t.exposeString("lastErrorCode", { nullable: true }),
    consecutiveErrors: t.exposeInt("consecutiveErrors", { description: "Failed polls in a row; each doubles the wait before the next" }),
    nextPollAt: t.expose("nextPollAt", { type: "DateTime" }),
    itemsTaken: t.exposeInt("itemsTaken", { description: "Items seen for the first time, over the feed's life" }),
    outlet: t.relation("outlet"),
    items: t.relatedConnection("items", {
      complexity: pageCost,
      cursor: "id",
      totalCount: true,
      query: () => ({ orderBy: [{ discoveredAt: "desc" }, { id: "desc" }] }),
    }),
  }),
});

builder.prismaNode("FeedItem", {
  id: { field: "id" },
  nullable: true,
  authScopes: { staff: true },
  description: "One item of a feed, and what became of it",
  fields: (t) => ({
    url: t.exposeString("url"),
    title: t.exposeString("title", { nullable: true }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    status: t.expose("status", { type: FeedItemStatusEnum }),
    error: t.exposeString("error", { nullable: true }),
    errorCode: t.exposeString("errorCode", { nullable: true }),
    attempts: t.exposeInt("attempts"),
    topCheckworthiness: t.exposeFloat("topCheckworthiness", {
      nullable: true,
      description: "The score of the article's most check-worthy sentence",
    }),
    recurringClaims: t.exposeInt("recurringClaims", {
      nullable: true,
      description: "Published fact-checks whose claim the article repeats, found on arrival",
    }),
    discoveredAt: t.expose("discoveredAt", { type: "DateTime" }),
    ingestedAt: t.expose("ingestedAt", { type: "DateTime", nullable: true }),
    feed: t.relation("feed"),
    article: t.relation("article", { nullable: true }),
  }),
});

builder.prismaObjectFields(OutletRef, (t) => ({
  feeds: t.relation("feeds", { authScopes: { staff: true }, query: () => ({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] }) }),
}));

builder.queryField("arrivedFromFeeds", (t) =>
  t.prismaField({
    type: ["FeedItem"],
    description: "Articles that arrived from feeds, newest first; those repeating published fact-checks first of all",
    authScopes: { staff: true },
    args: { first: t.arg.int({ required: false, defaultValue: 10 }), since: t.arg({ type: "DateTime", required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.feedItem.findMany({
        ...selection(query),
        where: { status: "INGESTED", ingestedAt: { gte: args.since ?? new Date(Date.now() - 7 * 86_400_000) } },
        orderBy: [{ recurringClaims: { sort: "desc", nulls: "last" } }, { ingestedAt: "desc" }, { id: "desc" }],
        take: Math.min(Math.max(args.first ?? 10, 1), 100),
      }),
  }),
);

const AddFeedInput = builder.inputType("AddFeedInput", {
  fields: (t) => ({
    outletId: t.globalID({ for: OutletRef, required: true }),
    url: t.string({ required: true }),
    intervalMinutes: t.int({ required: false, description: "How often to poll (1 to 1440; default 15)" }),
  }),
});

const UpdateFeedInput = builder.inputType("UpdateFeedInput", {
  fields: (t) => ({
    id: t.globalID({ for: FeedRef, required: true }),
    url: t.string({ required: false }),
    intervalMinutes: t.int({ required: false }),
    active: t.boolean({ required: false }),
    pollNow: t.boolean({ required: false, description: "Poll at the worker's next look (within seconds)" }),
  }),
});

builder.mutationField("addFeed", (t) =>
  t.prismaField({
    type: "Feed",
    description: "Adds a feed to an outlet; it is fetched once to check that it is a feed.",
    authScopes: { deskWriter: true },
    errors: { types: [IntakeFailedError, ValidationError, ForbiddenError, NotFoundError] },
    args: { input: t.arg({ type: AddFeedInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await addFeed(ctx, { ...input, outletId: input.outletId.id });
      return ctx.prisma.feed.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

builder.mutationField("updateFeed", (t) =>
  t.prismaField({
    type: "Feed",
    authScopes: { deskWriter: true },
    errors: { types: [IntakeFailedError, ValidationError, ForbiddenError, NotFoundError] },
    args: { input: t.arg({ type: UpdateFeedInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await updateFeed(ctx, { ...input, id: input.id.id });
      return ctx.prisma.feed.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

builder.mutationField("deleteFeed", (t) =>
  t.prismaField({
    type: "Outlet",
    description: "Removes a feed and its items; the articles it brought in stay. Answers the outlet.",
    authScopes: { deskWriter: true },
    errors: { types: [ForbiddenError, NotFoundError] },
    args: { id: t.arg.globalID({ for: FeedRef, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const outletId = await deleteFeed(ctx, args.id.id);
      return ctx.prisma.outlet.findUniqueOrThrow({ ...selection(query), where: { id: outletId } });
    },
  }),
);

export { ArticleRef };
