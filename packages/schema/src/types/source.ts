import { pageAndCount, selection, startedCount } from "../query.ts";
import type { Prisma } from "@claimdesk/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, fullTextIds, sources, visible } from "@claimdesk/desk";
import { builder, pageCost } from "../builder.ts";
import { SourceTypeEnum, StanceEnum } from "./common.ts";
import { searchText } from "../search-text.ts";

/** Evidence in the library. Public only as cited by a published fact-check. */
export const SourceRef = builder.prismaNode("Source", {
  id: { field: "id" },
  select: { id: true }, // columns load only when a field asks for them
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  authScopes: { staff: true, $granted: "readPublished" },
  findUnique: (id, ctx) => ({ id, AND: [visible.desk(ctx.viewer)] }),
  fields: (t) => ({
    url: t.exposeString("url", { nullable: true }),
    title: t.exposeString("title"),
    publisher: t.exposeString("publisher", { nullable: true }),
    type: t.expose("type", { type: SourceTypeEnum }),
    accessedAt: t.expose("accessedAt", { type: "DateTime", nullable: true }),
    archivedUrl: t.exposeString("archivedUrl", { nullable: true }),
    notes: t.exposeString("notes", { nullable: true, authScopes: { staff: true } }),
    version: t.exposeInt("version"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    citations: t.relatedConnection("claims", {
      complexity: pageCost,
      description: "The claims that cite this source",
      authScopes: { staff: true },
      cursor: "id",
      totalCount: true,
    }),
  }),
});

/** A source's stance on a claim, with the passage relied on. */
export const EvidenceRef = builder.prismaNode("ClaimSource", {
  name: "Evidence",
  id: { field: "id" },
  select: { id: true }, // columns load only when a field asks for them
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  authScopes: { staff: true, $granted: "readPublished" },
  findUnique: (id, ctx) => ({ id, AND: [visible.desk(ctx.viewer)] }),
  fields: (t) => ({
    stance: t.expose("stance", { type: StanceEnum }),
    passage: t.exposeString("passage", { nullable: true }),
    location: t.exposeString("location", { nullable: true, description: "Where in the source: page, section, table" }),
    source: t.relation("source", { grantScopes: ["readPublished"] }),
    claim: t.relation("claim", { authScopes: { staff: true } }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const SourceFilter = builder.inputType("SourceFilter", {
  fields: (t) => ({
    query: t.string({ required: false, description: "Words in the title, publisher or notes (full-text)", validate: searchText }),
    type: t.field({ type: SourceTypeEnum, required: false }),
    publisher: t.string({ required: false }),
  }),
});

async function sourceWhere(
  filter: typeof SourceFilter.$inferInput | null | undefined,
  prisma: Prisma.TransactionClient,
): Promise<Prisma.SourceWhereInput> {
  const where: Prisma.SourceWhereInput = {};
  if (!filter) return where;
  if (filter.type) where.type = filter.type;
  if (filter.publisher) where.publisher = { equals: filter.publisher, mode: "insensitive" };
  if (filter.query?.trim()) where.id = { in: await fullTextIds(prisma, "Source", filter.query) };
  return where;
}

builder.queryField("sources", (t) =>
  t.prismaConnection({
    type: "Source",
    cursor: "id",
    complexity: pageCost,
    authScopes: { staff: true },
    args: { filter: t.arg({ type: SourceFilter, required: false }) },
    totalCount: (_p, args, ctx) =>
      startedCount(args, async () => ctx.prisma.source.count({ where: await sourceWhere(args.filter, ctx.prisma) })),
    resolve: (query, _p, args, ctx, info) =>
      pageAndCount(
        info,
        args,
        sourceWhere(args.filter, ctx.prisma),
        (where) => ctx.prisma.source.findMany({ ...selection(query), where, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
        (where) => ctx.prisma.source.count({ where }),
      ),
  }),
);

export const SourceInput = builder.inputType("SourceInput", {
  fields: (t) => ({
    url: t.string({ required: false }),
    title: t.string({ required: true }),
    publisher: t.string({ required: false }),
    type: t.field({ type: SourceTypeEnum, required: false }),
    accessedAt: t.field({ type: "DateTime", required: false }),
    archivedUrl: t.string({ required: false }),
    notes: t.string({ required: false }),
  }),
});

builder.mutationField("createSource", (t) =>
  t.prismaField({
    type: "Source",
    description: "Adds a source to the library. A source whose URL is already there comes back as it is.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError] },
    args: { input: t.arg({ type: SourceInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await sources.createSource(ctx, input);
      return ctx.prisma.source.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

const UpdateSourceInput = builder.inputType("UpdateSourceInput", {
  fields: (t) => ({
    id: t.globalID({ for: SourceRef, required: true }),
    version: t.int({ required: true }),
    url: t.string({ required: false }),
    title: t.string({ required: false }),
    publisher: t.string({ required: false }),
    type: t.field({ type: SourceTypeEnum, required: false }),
    accessedAt: t.field({ type: "DateTime", required: false }),
    archivedUrl: t.string({ required: false }),
    notes: t.string({ required: false }),
  }),
});

builder.mutationField("updateSource", (t) =>
  t.prismaField({
    type: "Source",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: UpdateSourceInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await sources.updateSource(ctx, { ...input, id: input.id.id });
      return ctx.prisma.source.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);
