import { pageAndCount, selection, startedCount } from "../query.ts";
import { type Prisma, updateVersioned } from "@claimdesk/db";
import { z } from "zod";
import { audited, changedFields } from "../audit.ts";
import { permissions, visible } from "../auth/access.ts";
import { builder, pageCost } from "../builder.ts";
import { DuplicateArticleError, ForbiddenError, NotFoundError, ValidationError } from "../errors.ts";
import { parseInput } from "../validation.ts";
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
    claims: t.relatedConnection("appearances", { complexity: pageCost,
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

export async function articleWhere(filter: ArticleFilterShape | null | undefined, ctx: { prisma: Prisma.TransactionClient }): Promise<Prisma.ArticleWhereInput> {
  const where: Prisma.ArticleWhereInput = {};
  if (!filter) return where;
  if (filter.outletId) where.outletId = filter.outletId.id;
  if (filter.tag) where.tags = { has: filter.tag };
  if (filter.status) where.status = filter.status;
  if (filter.publishedFrom || filter.publishedTo) where.publishedAt = { gte: filter.publishedFrom ?? undefined, lte: filter.publishedTo ?? undefined };
  if (filter.query?.trim()) {
    const rows = await ctx.prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Article"
      WHERE "searchVector" @@ websearch_to_tsquery('english', ${filter.query})
      LIMIT 10000`;
    where.id = { in: rows.map((row) => row.id) };
  }
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
    totalCount: (_parent, args, ctx) => startedCount(args, async () => ctx.prisma.article.count({ where: await articleWhere(args.filter, ctx) })),
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

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value), "must be an http(s) URL");

const articleFields = {
  title: z.string().trim().min(1, "is required").max(500),
  canonicalUrl: httpUrl.nullish().or(z.literal("").transform(() => null)),
  outletName: optionalText(200),
  byline: optionalText(300),
  dateline: optionalText(200),
  publishedAt: z.date().nullish(),
  language: z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, "must be a language code such as en or ur").default("en"),
  body: z.string().min(1, "is required").max(500_000, "is longer than 500,000 characters"),
  tags: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
};
const createArticleSchema = z.object(articleFields);
const updateArticleSchema = z.object(articleFields).partial().extend({ version: z.number().int().positive() });

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

async function outletId(tx: Prisma.TransactionClient, name: string | null | undefined): Promise<string | null | undefined> {
  if (name === undefined) return undefined;
  if (name === null) return null;
  const outlet = await tx.outlet.upsert({ where: { name }, create: { name }, update: {} });
  return outlet.id;
}

builder.mutationField("createArticle", (t) =>
  t.prismaField({
    type: "Article",
    description: "Ingests an article. An article whose canonical URL is already known is not created twice: the existing one comes back as DuplicateArticleError.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, DuplicateArticleError] },
    args: { input: t.arg({ type: CreateArticleInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError("Only newsroom staff can add articles");
      const data = parseInput(createArticleSchema, input, ["input"]);
      const { outletName, ...fields } = data;
      return audited(ctx, async (tx, audit) => {
        if (fields.canonicalUrl) {
          const existing = await tx.article.findUnique({ where: { canonicalUrl: fields.canonicalUrl } });
          if (existing) throw new DuplicateArticleError(existing);
        }
        const article = await tx.article.create({ data: { ...fields, outletId: await outletId(tx, outletName) }, select: { id: true } });
        await audit({ action: "article.create", entityType: "Article", entityId: article.id, after: { ...fields, body: `${fields.body.length} characters`, outletName } });
        // Read the answer inside the transaction: once it commits, the response needs no more database.
        return tx.article.findUniqueOrThrow({ ...selection(query), where: { id: article.id } });
      }).catch(async (error: unknown) => {
        // Two imports of one URL at once: the unique index decides, the loser gets the winner.
        if ((error as { code?: string }).code === "P2002" && data.canonicalUrl) {
          const existing = await ctx.prisma.article.findUnique({ where: { canonicalUrl: data.canonicalUrl } });
          if (existing) throw new DuplicateArticleError(existing);
        }
        throw error;
      });
    },
  }),
);

builder.mutationField("updateArticle", (t) =>
  t.prismaField({
    type: "Article",
    description: "Edits an article. The body may change only where no claim is marked.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, DuplicateArticleError] },
    args: { input: t.arg({ type: UpdateArticleInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError("Only newsroom staff can edit articles");
      const { outletName, version, ...fields } = parseInput(updateArticleSchema, { ...input, id: undefined }, ["input"]);
      const id = input.id.id;
      await audited(ctx, async (tx, audit) => {
        const before = await tx.article.findUnique({ where: { id } });
        if (!before) throw new NotFoundError("The article");
        if (fields.canonicalUrl) {
          const existing = await tx.article.findUnique({ where: { canonicalUrl: fields.canonicalUrl } });
          if (existing && existing.id !== id) throw new DuplicateArticleError(existing);
        }
        const data = { ...fields, outletId: await outletId(tx, outletName) };
        const result = await updateVersioned(tx.article, id, version, data);
        if (!result.ok) {
          throw ValidationError.field("input.version", `The article was changed by someone else (now at version ${result.reason === "stale" ? result.current.version : "?"}). Reload it and edit again.`);
        }
        const diff = changedFields(before, data);
        await audit({ action: "article.update", entityType: "Article", entityId: id, ...diff });
      }).catch((error: { message?: string }) => {
        if (error.message?.includes("no longer contains the marked claims")) {
          throw ValidationError.field("input.body", "The new text no longer contains the claims marked in this article at their places. Unmark them first, or edit only unmarked text.");
        }
        throw error;
      });
      return ctx.prisma.article.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);
