import { pageAndCount, selection, startedCount } from "../query.ts";
import type { Prisma } from "@claimdesk/db";
import {
  DuplicateArticleError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  ConflictError,
  articles,
  fullTextIds,
  visible,
} from "@claimdesk/desk";
import { builder, pageCost } from "../builder.ts";
import { ErrorInterface, IngestionStatusEnum, SortDirection } from "./common.ts";
import { OutletRef } from "./outlet.ts";
import { searchText } from "../search-text.ts";

/** News items. The public sees them only as the appearances of published fact-checks. */
export const ArticleRef = builder.prismaNode("Article", {
  id: { field: "id" },
  // Columns are loaded only when a field asks for them: lists never read the 2.5 KB bodies.
  select: { id: true },
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  authScopes: { staff: true, $granted: "readPublished" },
  findUnique: (id, ctx) => ({ id, AND: [visible.desk(ctx.viewer)] }),
  fields: (t) => ({
    title: t.exposeString("title"),
    canonicalUrl: t.exposeString("canonicalUrl", { nullable: true }),
    outlet: t.relation("outlet", { nullable: true }),
    byline: t.exposeString("byline", { nullable: true }),
    dateline: t.exposeString("dateline", { nullable: true }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    language: t.exposeString("language"),
    body: t.exposeString("body"),
    tags: t.exposeStringList("tags", { authScopes: { staff: true }, description: "The desk's own labels" }),
    status: t.expose("status", { type: IngestionStatusEnum, authScopes: { staff: true } }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    claims: t.relatedConnection("appearances", {
      complexity: pageCost,
      description: "The claims marked in this article, in reading order, with their spans.",
      authScopes: { staff: true },
      cursor: "id",
      totalCount: true,
      query: () => ({ orderBy: [{ spanStart: "asc" }, { id: "asc" }] }),
    }),
  }),
});

builder.objectType(DuplicateArticleError, {
  name: "DuplicateArticleError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof DuplicateArticleError,
  fields: (t) => ({ existing: t.field({ type: ArticleRef, resolve: (error) => error.existing }) }),
});

const ArticleFilter = builder.inputType("ArticleFilter", {
  fields: (t) => ({
    query: t.string({ description: "Words in the title or body (full-text)", required: false, validate: searchText }),
    outletId: t.globalID({ for: OutletRef, required: false }),
    tag: t.string({ required: false }),
    status: t.field({ type: IngestionStatusEnum, required: false }),
    publishedFrom: t.field({ type: "DateTime", required: false }),
    publishedTo: t.field({ type: "DateTime", required: false }),
  }),
});

const ArticleOrderField = builder.enumType("ArticleOrderField", { values: ["PUBLISHED_AT", "CREATED_AT", "TITLE"] as const });
const ArticleOrder = builder.inputType("ArticleOrder", {
  fields: (t) => ({
    field: t.field({ type: ArticleOrderField, required: true }),
    direction: t.field({ type: SortDirection, required: true, defaultValue: "DESC" }),
  }),
});

type ArticleFilterShape = typeof ArticleFilter.$inferInput;

export async function articleWhere(
  filter: ArticleFilterShape | null | undefined,
  ctx: { prisma: Prisma.TransactionClient },
): Promise<Prisma.ArticleWhereInput> {
  const where: Prisma.ArticleWhereInput = {};
  if (!filter) return where;
  if (filter.outletId) where.outletId = filter.outletId.id;
  if (filter.tag) where.tags = { has: filter.tag };
  if (filter.status) where.status = filter.status;
  if (filter.publishedFrom || filter.publishedTo)
    where.publishedAt = { gte: filter.publishedFrom ?? undefined, lte: filter.publishedTo ?? undefined };
  if (filter.query?.trim()) where.id = { in: await fullTextIds(ctx.prisma, "Article", filter.query) };
  return where;
}

function articleOrder(order: typeof ArticleOrder.$inferInput | null | undefined): Prisma.ArticleOrderByWithRelationInput[] {
  const direction = order?.direction === "ASC" ? "asc" : "desc";
  switch (order?.field) {
    case "TITLE":
      return [{ title: direction }, { id: direction }];
    case "CREATED_AT":
      return [{ createdAt: direction }, { id: direction }];
    default:
      return [{ publishedAt: { sort: direction, nulls: "last" } }, { id: direction }];
  }
}

builder.queryField("articles", (t) =>
  t.prismaConnection({
    type: "Article",
    cursor: "id",
    complexity: pageCost,
    authScopes: { staff: true },
    args: {
      filter: t.arg({ type: ArticleFilter, required: false }),
      orderBy: t.arg({ type: ArticleOrder, required: false }),
    },
    totalCount: (_parent, args, ctx) =>
      startedCount(args, async () => ctx.prisma.article.count({ where: await articleWhere(args.filter, ctx) })),
    resolve: (query, _parent, args, ctx, info) =>
      pageAndCount(
        info,
        args,
        articleWhere(args.filter, ctx),
        (where) => ctx.prisma.article.findMany({ ...selection(query), where, orderBy: articleOrder(args.orderBy) }),
        (where) => ctx.prisma.article.count({ where }),
      ),
  }),
);

const CreateArticleInput = builder.inputType("CreateArticleInput", {
  fields: (t) => ({
    title: t.string({ required: true }),
    canonicalUrl: t.string({ required: false }),
    outletName: t.string({ required: false, description: "The publisher; created if new" }),
    byline: t.string({ required: false }),
    dateline: t.string({ required: false }),
    publishedAt: t.field({ type: "DateTime", required: false }),
    language: t.string({ required: false }),
    body: t.string({ required: true }),
    tags: t.stringList({ required: false }),
  }),
});

const UpdateArticleInput = builder.inputType("UpdateArticleInput", {
  fields: (t) => ({
    id: t.globalID({ for: ArticleRef, required: true }),
    version: t.int({ required: true, description: "The version you edited; a stale one is refused" }),
    title: t.string({ required: false }),
    canonicalUrl: t.string({ required: false }),
    outletName: t.string({ required: false }),
    byline: t.string({ required: false }),
    dateline: t.string({ required: false }),
    publishedAt: t.field({ type: "DateTime", required: false }),
    language: t.string({ required: false }),
    body: t.string({ required: false }),
    tags: t.stringList({ required: false }),
  }),
});

builder.mutationField("createArticle", (t) =>
  t.prismaField({
    type: "Article",
    description:
      "Ingests an article. An article whose canonical URL is already known is not created twice: the existing one comes back as DuplicateArticleError.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, DuplicateArticleError] },
    args: { input: t.arg({ type: CreateArticleInput, required: true }) },
    resolve: (query, _root, { input }, ctx) =>
      articles.createArticle(ctx, input, (tx, id) => tx.article.findUniqueOrThrow({ ...selection(query), where: { id } })),
  }),
);

builder.mutationField("updateArticle", (t) =>
  t.prismaField({
    type: "Article",
    description: "Edits an article. The body may change only where no claim is marked.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, DuplicateArticleError, ConflictError] },
    args: { input: t.arg({ type: UpdateArticleInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await articles.updateArticle(ctx, { ...input, id: input.id.id });
      return ctx.prisma.article.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);
