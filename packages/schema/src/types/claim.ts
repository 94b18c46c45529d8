import { pageAndCount, selection, startedCount } from "../query.ts";
import { type Claim, ClaimStatus, type Prisma, codePointLength, spanText, updateVersioned } from "@claimdesk/db";
import { z } from "zod";
import { audited, changedFields } from "../audit.ts";
import { isEditor, permissions, visible } from "../auth/access.ts";
import { builder, pageCost } from "../builder.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, WorkflowError } from "../errors.ts";
import { claimReviewFor, publicFactCheckUrl } from "../claim-review.ts";
import { parseInput } from "../validation.ts";
import { availableMoves, checkMove } from "../workflow.ts";
import type { Context } from "../context.ts";
import { ArticleRef } from "./article.ts";
import { ClaimStatusEnum, ErrorInterface, SortDirection, StanceEnum } from "./common.ts";
import { OutletRef } from "./outlet.ts";
import { PersonInput, PersonRef, personSchema } from "./person.ts";
import { RatingRef } from "./rating.ts";
import { EvidenceRef, SourceInput, SourceRef, createOrFindSource } from "./source.ts";
import { UserRef } from "./user.ts";

/** Check-worthy statements and their research. Staff only; the public reads FactCheck. */
export const ClaimRef = builder.prismaNode("Claim", {
  id: { field: "id" },
  select: { id: true }, // columns load only when a field asks for them
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  authScopes: { staff: true },
  findUnique: (id, ctx) => ({ id, AND: [visible.desk(ctx.viewer)] }),
  fields: (t) => ({
    quote: t.exposeString("quote", { description: "The exact words, as first quoted" }),
    claimReviewed: t.exposeString("claimReviewed", { description: "The editor's normalized wording (ClaimReview claimReviewed)" }),
    speaker: t.relation("speaker", { nullable: true }),
    claimDate: t.expose("claimDate", { type: "DateTime", nullable: true }),
    tags: t.exposeStringList("tags"),
    checkworthiness: t.exposeFloat("checkworthiness", { nullable: true }),
    checkworthinessReasons: t.expose("checkworthinessReasons", { type: "JSON", nullable: true }),
    status: t.expose("status", { type: ClaimStatusEnum }),
    assignee: t.relation("assignee", { nullable: true }),
    rating: t.relation("rating", { nullable: true }),
    explanation: t.exposeString("explanation", { nullable: true, description: "Markdown" }),
    version: t.exposeInt("version", { description: "Send it back with updates; a stale version is refused with ConflictError" }),
    duplicateOf: t.relation("duplicateOf", { nullable: true }),
    createdBy: t.relation("createdBy", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    appearances: t.relation("appearances", { query: { orderBy: { createdAt: "asc" } } }),
    evidence: t.relatedConnection("sources", { complexity: pageCost, cursor: "id", totalCount: true, query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } }),
    comments: t.relation("comments", { query: { orderBy: { createdAt: "asc" } } }),
    factCheck: t.relation("factCheck", { nullable: true }),
    availableMoves: t.field({
      type: [ClaimStatusEnum],
      description: "The workflow moves you may make now",
      select: { status: true, assigneeId: true },
      resolve: (claim, _args, ctx) => availableMoves(claim.status, actorFor(ctx, claim)),
    }),
    claimReviewPreview: t.field({
      type: "JSON",
      nullable: true,
      description: "The ClaimReview JSON-LD publishing would produce now (null without a verdict)",
      select: { id: true, ratingId: true, factCheck: { select: { id: true, headline: true, publishedAt: true, slug: true } } },
      resolve: (claim, _args, ctx) =>
        claimReviewFor(
          ctx.prisma,
          claim.id,
          {
            url: publicFactCheckUrl(ctx.newsroom.url, claim.factCheck?.slug ?? "(on publication)"),
            headline: claim.factCheck?.headline ?? null,
            datePublished: claim.factCheck?.publishedAt ?? new Date(),
            dateModified: null,
            ratingId: claim.ratingId,
          },
          ctx.newsroom,
        ),
    }),
    viewerCanEdit: t.boolean({ select: { assigneeId: true }, resolve: (claim, _args, ctx) => permissions.editClaim(ctx.viewer, claim) }),
  }),
});

export const ClaimAppearanceRef = builder.prismaNode("ClaimAppearance", {
  id: { field: "id" },
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  authScopes: { staff: true, $granted: "readPublished" },
  findUnique: (id, ctx) => ({ id, AND: [visible.desk(ctx.viewer)] }),
  description: "Where a claim appears: a span of an article's body in Unicode code points, end exclusive",
  fields: (t) => ({
    spanStart: t.exposeInt("spanStart"),
    spanEnd: t.exposeInt("spanEnd"),
    quote: t.exposeString("quote"),
    article: t.relation("article", { grantScopes: ["readPublished"] }),
    claim: t.relation("claim", { authScopes: { staff: true } }),
  }),
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: (t) => ({ current: t.field({ type: ClaimRef, description: "The claim as it is now", resolve: (error) => error.current }) }),
});

function actorFor(ctx: Context, claim: Pick<Claim, "assigneeId">) {
  return { isEditor: isEditor(ctx.viewer) && permissions.write(ctx.viewer), isAssignee: permissions.editClaim(ctx.viewer, claim) && claim.assigneeId === ctx.viewer?.id };
}

// ---------------------------------------------------------------- queries

const ClaimFilter = builder.inputType("ClaimFilter", {
  fields: (t) => ({
    status: t.field({ type: [ClaimStatusEnum], required: false }),
    assigneeId: t.globalID({ for: UserRef, required: false }),
    unassigned: t.boolean({ required: false }),
    ratingId: t.globalID({ for: RatingRef, required: false }),
    speakerId: t.globalID({ for: PersonRef, required: false }),
    outletId: t.globalID({ for: OutletRef, required: false }),
    articleId: t.globalID({ for: ArticleRef, required: false }),
    tag: t.string({ required: false }),
    claimDateFrom: t.field({ type: "DateTime", required: false }),
    claimDateTo: t.field({ type: "DateTime", required: false }),
    hasSources: t.boolean({ required: false }),
    query: t.string({ required: false, description: "Words in the quote or wording (full-text)" }),
  }),
});

const ClaimOrderField = builder.enumType("ClaimOrderField", { values: ["UPDATED_AT", "CREATED_AT", "CLAIM_DATE", "CHECKWORTHINESS"] as const });
const ClaimOrder = builder.inputType("ClaimOrder", {
  fields: (t) => ({
    field: t.field({ type: ClaimOrderField, required: true }),
    direction: t.field({ type: SortDirection, required: true, defaultValue: "DESC" }),
  }),
});

async function claimWhere(filter: typeof ClaimFilter.$inferInput | null | undefined, prisma: Prisma.TransactionClient): Promise<Prisma.ClaimWhereInput> {
  const where: Prisma.ClaimWhereInput = {};
  if (!filter) return where;
  if (filter.status?.length) where.status = { in: filter.status };
  if (filter.assigneeId) where.assigneeId = filter.assigneeId.id;
  if (filter.unassigned) where.assigneeId = null;
  if (filter.ratingId) where.ratingId = filter.ratingId.id;
  if (filter.speakerId) where.speakerId = filter.speakerId.id;
  if (filter.tag) where.tags = { has: filter.tag };
  if (filter.articleId || filter.outletId) {
    where.appearances = { some: { articleId: filter.articleId?.id, article: filter.outletId ? { outletId: filter.outletId.id } : undefined } };
  }
  if (filter.claimDateFrom || filter.claimDateTo) where.claimDate = { gte: filter.claimDateFrom ?? undefined, lte: filter.claimDateTo ?? undefined };
  if (filter.hasSources === true) where.sources = { some: {} };
  if (filter.hasSources === false) where.sources = { none: {} };
  if (filter.query?.trim()) {
    const rows = await prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Claim"
      WHERE "searchVector" @@ websearch_to_tsquery('english', ${filter.query})
      LIMIT 10000`;
    where.id = { in: rows.map((row) => row.id) };
  }
  return where;
}

function claimOrder(order: typeof ClaimOrder.$inferInput | null | undefined): Prisma.ClaimOrderByWithRelationInput[] {
  const direction = order?.direction === "ASC" ? "asc" : "desc";
  switch (order?.field) {
    case "CREATED_AT":
      return [{ createdAt: direction }, { id: direction }];
    case "CLAIM_DATE":
      return [{ claimDate: { sort: direction, nulls: "last" } }, { id: direction }];
    case "CHECKWORTHINESS":
      return [{ checkworthiness: { sort: direction, nulls: "last" } }, { id: direction }];
    default:
      return [{ updatedAt: direction }, { id: direction }];
  }
}

builder.queryField("claims", (t) =>
  t.prismaConnection({
    type: "Claim",
    cursor: "id",
    complexity: pageCost,
    authScopes: { staff: true },
    args: { filter: t.arg({ type: ClaimFilter, required: false }), orderBy: t.arg({ type: ClaimOrder, required: false }) },
    totalCount: (_p, args, ctx) => startedCount(args, async () => ctx.prisma.claim.count({ where: await claimWhere(args.filter, ctx.prisma) })),
    resolve: (query, _p, args, ctx, info) =>
      pageAndCount(
        info,
        args,
        claimWhere(args.filter, ctx.prisma),
        (where) => ctx.prisma.claim.findMany({ ...selection(query), where, orderBy: claimOrder(args.orderBy) }),
        (where) => ctx.prisma.claim.count({ where }),
      ),
  }),
);

builder.queryField("claimQueue", (t) =>
  t.prismaConnection({
    type: "Claim",
    cursor: "id",
    complexity: pageCost,
    description: "The claims assigned to you, most recently changed first",
    authScopes: { staff: true },
    args: { status: t.arg({ type: [ClaimStatusEnum], required: false }) },
    totalCount: (_p, args, ctx) => startedCount(args, () => ctx.prisma.claim.count({ where: queueWhere(ctx, args.status) })),
    resolve: (query, _p, args, ctx, info) =>
      pageAndCount(
        info,
        args,
        queueWhere(ctx, args.status),
        (where) => ctx.prisma.claim.findMany({ ...selection(query), where, orderBy: [{ updatedAt: "desc" }, { id: "desc" }] }),
        (where) => ctx.prisma.claim.count({ where }),
      ),
  }),
);

function queueWhere(ctx: Context, status: ClaimStatus[] | null | undefined): Prisma.ClaimWhereInput {
  return { assigneeId: ctx.viewer?.id ?? "-", ...(status?.length ? { status: { in: status } } : {}) };
}

const StatusCount = builder.objectRef<{ status: ClaimStatus; count: number }>("ClaimStatusCount").implement({
  fields: (t) => ({ status: t.expose("status", { type: ClaimStatusEnum }), count: t.exposeInt("count") }),
});

builder.queryField("claimCounts", (t) =>
  t.field({
    type: [StatusCount],
    description: "How many claims are in each workflow state",
    authScopes: { staff: true },
    resolve: async (_root, _args, ctx) => {
      const rows = await ctx.prisma.claim.groupBy({ by: ["status"], _count: { _all: true } });
      const counts = new Map(rows.map((row) => [row.status, row._count._all]));
      return Object.values(ClaimStatus).map((status) => ({ status, count: counts.get(status) ?? 0 }));
    },
  }),
);

// ---------------------------------------------------------------- mutations

const ClaimEvidenceInput = builder.inputType("ClaimEvidenceInput", {
  fields: (t) => ({
    sourceId: t.globalID({ for: SourceRef, required: true }),
    stance: t.field({ type: StanceEnum, required: true }),
    passage: t.string({ required: false }),
    location: t.string({ required: false }),
  }),
});

const CreateClaimInput = builder.inputType("CreateClaimInput", {
  description: "A claim from a span of an article (articleId with spanStart/spanEnd), or from free text (quote alone).",
  fields: (t) => ({
    articleId: t.globalID({ for: ArticleRef, required: false }),
    spanStart: t.int({ required: false, description: "Unicode code points from the start of the body" }),
    spanEnd: t.int({ required: false, description: "End, exclusive" }),
    quote: t.string({ required: true, description: "The exact words; with a span it must equal the body's text there" }),
    claimReviewed: t.string({ required: false, description: "Normalized wording; defaults to the quote" }),
    speakerId: t.globalID({ for: PersonRef, required: false }),
    newSpeaker: t.field({ type: PersonInput, required: false, description: "Creates the speaker" }),
    claimDate: t.field({ type: "DateTime", required: false }),
    tags: t.stringList({ required: false }),
    checkworthiness: t.float({ required: false }),
    checkworthinessReasons: t.stringList({ required: false }),
    evidence: t.field({ type: [ClaimEvidenceInput], required: false, description: "Library sources to cite at once, in the same transaction" }),
  }),
});

const createClaimSchema = z
  .object({
    spanStart: z.number().int().min(0, "must be 0 or more").nullish(),
    spanEnd: z.number().int().min(1).nullish(),
    quote: z.string().min(1, "is required").max(5000),
    claimReviewed: z.string().trim().max(5000).nullish(),
    claimDate: z.date().nullish(),
    tags: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
    checkworthiness: z.number().min(0).max(1).nullish(),
    checkworthinessReasons: z.array(z.string().max(200)).max(30).nullish(),
  })
  .refine((v) => (v.spanStart == null) === (v.spanEnd == null), { path: ["spanEnd"], message: "give both spanStart and spanEnd, or neither" })
  .refine((v) => v.spanStart == null || v.spanEnd == null || v.spanEnd > v.spanStart, { path: ["spanEnd"], message: "must be after spanStart" });

builder.mutationField("createClaim", (t) =>
  t.prismaField({
    type: "Claim",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    args: { input: t.arg({ type: CreateClaimInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError("Only newsroom staff can mark claims");
      const viewer = ctx.viewer;
      const data = parseInput(createClaimSchema, input, ["input"]);
      const newSpeaker = input.newSpeaker ? parseInput(personSchema, input.newSpeaker, ["input", "newSpeaker"]) : null;
      if (input.spanStart != null && !input.articleId) throw ValidationError.field("input.articleId", "is required with a span");
      return audited(ctx, async (tx, audit) => {
        let appearance: Prisma.ClaimAppearanceCreateWithoutClaimInput | undefined;
        if (input.articleId) {
          const article = await tx.article.findUnique({ where: { id: input.articleId.id }, select: { id: true, body: true } });
          if (!article) throw new NotFoundError("The article");
          if (data.spanStart == null || data.spanEnd == null) throw ValidationError.field("input.spanStart", "is required with an article");
          if (data.spanEnd > codePointLength(article.body)) throw ValidationError.field("input.spanEnd", "is past the end of the article body");
          const text = spanText(article.body, data.spanStart, data.spanEnd);
          if (text !== data.quote) {
            throw ValidationError.field("input.quote", `does not match the article text at ${data.spanStart}–${data.spanEnd} ("${text.slice(0, 80)}")`);
          }
          appearance = { article: { connect: { id: article.id } }, spanStart: data.spanStart, spanEnd: data.spanEnd, quote: data.quote };
        }
        let speakerId = input.speakerId?.id ?? null;
        if (speakerId && !(await tx.person.findUnique({ where: { id: speakerId }, select: { id: true } }))) throw new NotFoundError("The speaker");
        if (newSpeaker) {
          const person = await tx.person.create({ data: newSpeaker });
          await audit({ action: "person.create", entityType: "Person", entityId: person.id, after: newSpeaker });
          speakerId = person.id;
        }
        const fields = {
          quote: data.quote,
          claimReviewed: data.claimReviewed || data.quote.trim(),
          claimDate: data.claimDate ?? null,
          tags: data.tags,
          checkworthiness: data.checkworthiness ?? null,
          checkworthinessReasons: data.checkworthinessReasons ?? undefined,
          speakerId,
          // A fact-checker who marks a claim has selected it and works on it;
          // editors' claims wait for selection and assignment.
          assigneeId: viewer.role === "FACT_CHECKER" ? viewer.id : null,
          status: viewer.role === "FACT_CHECKER" ? ("SELECTED" as const) : ("UNREVIEWED" as const),
          createdById: viewer.id,
        };
        const evidence = input.evidence ?? [];
        if (evidence.length > 50) throw ValidationError.field("input.evidence", "at most 50 sources at once");
        const sourceIds = [...new Set(evidence.map((e) => e.sourceId.id))];
        if (sourceIds.length !== evidence.length) throw ValidationError.field("input.evidence", "cites the same source twice");
        if (sourceIds.length && (await tx.source.count({ where: { id: { in: sourceIds } } })) !== sourceIds.length) throw new NotFoundError("A cited source");
        const citations = evidence.map((e) => ({ sourceId: e.sourceId.id, stance: e.stance, ...parseInput(evidenceSchema, { passage: e.passage, location: e.location }, ["input", "evidence"]) }));
        const claim = await tx.claim.create({
          data: { ...fields, appearances: appearance ? { create: appearance } : undefined, sources: citations.length ? { createMany: { data: citations } } : undefined },
          select: { id: true },
        });
        await audit({
          action: "claim.create",
          entityType: "Claim",
          entityId: claim.id,
          after: { ...fields, articleId: input.articleId?.id, spanStart: data.spanStart, spanEnd: data.spanEnd, evidence: citations.length ? citations : undefined },
        });
        // Read the answer inside the transaction: once it commits, the response needs no more database.
        return tx.claim.findUniqueOrThrow({ ...selection(query), where: { id: claim.id } });
      });
    },
  }),
);

const UpdateClaimInput = builder.inputType("UpdateClaimInput", {
  fields: (t) => ({
    id: t.globalID({ for: ClaimRef, required: true }),
    version: t.int({ required: true, description: "The version you edited" }),
    claimReviewed: t.string({ required: false }),
    speakerId: t.globalID({ for: PersonRef, required: false }),
    clearSpeaker: t.boolean({ required: false }),
    claimDate: t.field({ type: "DateTime", required: false }),
    tags: t.stringList({ required: false }),
    explanation: t.string({ required: false, description: "Markdown" }),
    ratingId: t.globalID({ for: RatingRef, required: false, description: "The verdict" }),
    clearRating: t.boolean({ required: false }),
  }),
});

const updateClaimSchema = z.object({
  claimReviewed: z.string().trim().min(1, "cannot be empty").max(5000).optional(),
  claimDate: z.date().nullish(),
  tags: z.array(z.string().trim().min(1).max(60)).max(30).optional(),
  explanation: z.string().max(50_000).nullish(),
});

/** Loads a claim for a write by this viewer, or says why not. */
async function claimForWrite(tx: Prisma.TransactionClient, ctx: Context, id: string): Promise<Claim> {
  const claim = await tx.claim.findUnique({ where: { id } });
  if (!claim) throw new NotFoundError("The claim");
  if (!permissions.editClaim(ctx.viewer, claim)) throw new ForbiddenError("Only the assigned fact-checker or an editor can change this claim");
  return claim;
}

function refuseIfPublished(claim: Claim, what: string): void {
  if (claim.status === "PUBLISHED") throw new WorkflowError(`The claim is published: ${what} changes only through a correction of its fact-check`);
}

builder.mutationField("updateClaim", (t) =>
  t.prismaField({
    type: "Claim",
    description: "Edits a claim's wording, speaker, tags, explanation or verdict. Send the version you edited: if someone saved in between, you get ConflictError with the claim as it is now, and nothing is overwritten.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, ConflictError, WorkflowError] },
    args: { input: t.arg({ type: UpdateClaimInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const data = parseInput(updateClaimSchema, {
        claimReviewed: input.claimReviewed ?? undefined,
        claimDate: input.claimDate,
        tags: input.tags ?? undefined,
        explanation: input.explanation,
      }, ["input"]);
      const id = input.id.id;
      await audited(ctx, async (tx, audit) => {
        const before = await claimForWrite(tx, ctx, id);
        if (before.version !== input.version) throw new ConflictError(before);
        const changes: Prisma.ClaimUncheckedUpdateInput & Record<string, unknown> = { ...data };
        if (input.speakerId) {
          if (!(await tx.person.findUnique({ where: { id: input.speakerId.id }, select: { id: true } }))) throw new NotFoundError("The speaker");
          changes.speakerId = input.speakerId.id;
        }
        if (input.clearSpeaker) changes.speakerId = null;
        if (input.ratingId) {
          if (!(await tx.rating.findUnique({ where: { id: input.ratingId.id }, select: { id: true } }))) throw new NotFoundError("The rating");
          changes.ratingId = input.ratingId.id;
        }
        if (input.clearRating) changes.ratingId = null;
        const diff = changedFields(before, changes as Partial<Claim>);
        if (before.status === "PUBLISHED" && Object.keys(diff.after).some((key) => ["ratingId", "explanation", "claimReviewed"].includes(key))) {
          refuseIfPublished(before, "its verdict, explanation and wording");
        }
        const result = await updateVersioned(tx.claim, id, input.version, changes);
        if (!result.ok) throw result.reason === "stale" ? new ConflictError(result.current) : new NotFoundError("The claim");
        await audit({ action: "claim.update", entityType: "Claim", entityId: id, ...diff });
      });
      return ctx.prisma.claim.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

builder.mutationField("assignClaim", (t) =>
  t.prismaField({
    type: "Claim",
    description: "Assigns a claim to a fact-checker (editors), or unassigns it with assigneeId null.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    args: {
      id: t.arg.globalID({ for: ClaimRef, required: true }),
      assigneeId: t.arg.globalID({ for: UserRef, required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      if (!permissions.runTheDesk(ctx.viewer)) throw new ForbiddenError("Only editors assign claims");
      const id = args.id.id;
      await audited(ctx, async (tx, audit) => {
        const before = await tx.claim.findUnique({ where: { id } });
        if (!before) throw new NotFoundError("The claim");
        const assigneeId = args.assigneeId?.id ?? null;
        if (assigneeId) {
          const user = await tx.user.findUnique({ where: { id: assigneeId } });
          if (!user || !user.active) throw new NotFoundError("The user");
          if (user.role === "VIEWER") throw ValidationError.field("assigneeId", "Viewers cannot be assigned claims");
        }
        await tx.claim.update({ where: { id }, data: { assigneeId, version: { increment: 1 } } });
        await audit({ action: "claim.assign", entityType: "Claim", entityId: id, before: { assigneeId: before.assigneeId }, after: { assigneeId } });
      });
      return ctx.prisma.claim.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

builder.mutationField("moveClaim", (t) =>
  t.prismaField({
    type: "Claim",
    description: "Moves a claim through the workflow. Publishing and unpublishing have their own mutations.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, WorkflowError, ConflictError] },
    args: {
      id: t.arg.globalID({ for: ClaimRef, required: true }),
      to: t.arg({ type: ClaimStatusEnum, required: true }),
      version: t.arg.int({ required: false, description: "If given, refused when the claim changed since" }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = args.id.id;
      await audited(ctx, async (tx, audit) => {
        const claim = await tx.claim.findUnique({ where: { id } });
        if (!claim || !permissions.workTheDesk(ctx.viewer)) throw claim ? new ForbiddenError() : new NotFoundError("The claim");
        if (args.version != null && args.version !== claim.version) throw new ConflictError(claim);
        if (args.to === "PUBLISHED" || claim.status === "PUBLISHED") {
          throw new WorkflowError(args.to === "PUBLISHED" ? "Use publishFactCheck to publish" : "Use unpublishFactCheck to take a fact-check down");
        }
        const check = checkMove(claim.status, args.to, actorFor(ctx, claim));
        if (!check.ok) {
          if (check.reason === "not-allowed") throw new ForbiddenError(`You may not move this claim from ${claim.status} to ${args.to}`);
          throw new WorkflowError(`A claim cannot move from ${claim.status} to ${args.to}`);
        }
        const result = await updateVersioned(tx.claim, id, claim.version, { status: args.to });
        if (!result.ok) throw result.reason === "stale" ? new ConflictError(result.current) : new NotFoundError("The claim");
        await audit({ action: "claim.move", entityType: "Claim", entityId: id, before: { status: claim.status }, after: { status: args.to } });
      });
      return ctx.prisma.claim.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

// ---------------------------------------------------------------- evidence

const AttachSourceInput = builder.inputType("AttachSourceInput", {
  description: "Cites a library source (sourceId) or a new one (source) as evidence for a claim.",
  fields: (t) => ({
    claimId: t.globalID({ for: ClaimRef, required: true }),
    sourceId: t.globalID({ for: SourceRef, required: false }),
    source: t.field({ type: SourceInput, required: false }),
    stance: t.field({ type: StanceEnum, required: true }),
    passage: t.string({ required: false, description: "The passage relied on" }),
    location: t.string({ required: false, description: "Page, section or table" }),
  }),
});

const evidenceSchema = z.object({
  passage: z.string().max(10_000).nullish(),
  location: z.string().trim().max(300).nullish(),
});

builder.mutationField("attachSource", (t) =>
  t.prismaField({
    type: "ClaimSource",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, WorkflowError] },
    args: { input: t.arg({ type: AttachSourceInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const fields = parseInput(evidenceSchema, { passage: input.passage, location: input.location }, ["input"]);
      if (!input.sourceId === !input.source) throw ValidationError.field("input.sourceId", "give either sourceId or a new source");
      const id = await audited(ctx, async (tx, audit) => {
        const claim = await claimForWrite(tx, ctx, input.claimId.id);
        refuseIfPublished(claim, "its evidence");
        let sourceId = input.sourceId?.id;
        if (sourceId && !(await tx.source.findUnique({ where: { id: sourceId }, select: { id: true } }))) throw new NotFoundError("The source");
        if (input.source) sourceId = (await createOrFindSource(tx, input.source, audit, ["input", "source"])).id;
        const existing = await tx.claimSource.findUnique({ where: { claimId_sourceId: { claimId: claim.id, sourceId: sourceId! } } });
        if (existing) throw ValidationError.field("input.sourceId", "This source is already cited for this claim; edit that citation instead");
        const evidence = await tx.claimSource.create({ data: { claimId: claim.id, sourceId: sourceId!, stance: input.stance, ...fields } });
        await audit({ action: "evidence.attach", entityType: "Claim", entityId: claim.id, after: { evidenceId: evidence.id, sourceId, stance: input.stance, ...fields } });
        return evidence.id;
      });
      return ctx.prisma.claimSource.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

const UpdateEvidenceInput = builder.inputType("UpdateEvidenceInput", {
  fields: (t) => ({
    id: t.globalID({ for: EvidenceRef, required: true }),
    stance: t.field({ type: StanceEnum, required: false }),
    passage: t.string({ required: false }),
    location: t.string({ required: false }),
  }),
});

builder.mutationField("updateEvidence", (t) =>
  t.prismaField({
    type: "ClaimSource",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, WorkflowError] },
    args: { input: t.arg({ type: UpdateEvidenceInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const fields = parseInput(evidenceSchema, { passage: input.passage ?? undefined, location: input.location ?? undefined }, ["input"]);
      const id = input.id.id;
      await audited(ctx, async (tx, audit) => {
        const before = await tx.claimSource.findUnique({ where: { id } });
        if (!before) throw new NotFoundError("The evidence");
        const claim = await claimForWrite(tx, ctx, before.claimId);
        refuseIfPublished(claim, "its evidence");
        const changes = { ...fields, stance: input.stance ?? undefined };
        await tx.claimSource.update({ where: { id }, data: changes });
        await audit({ action: "evidence.update", entityType: "Claim", entityId: claim.id, ...changedFields(before, changes) });
      });
      return ctx.prisma.claimSource.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

builder.mutationField("detachSource", (t) =>
  t.prismaField({
    type: "Claim",
    description: "Removes a citation from a claim; the source stays in the library.",
    authScopes: { deskWriter: true },
    errors: { types: [ForbiddenError, NotFoundError, WorkflowError] },
    args: { id: t.arg.globalID({ for: EvidenceRef, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const claimId = await audited(ctx, async (tx, audit) => {
        const evidence = await tx.claimSource.findUnique({ where: { id: args.id.id } });
        if (!evidence) throw new NotFoundError("The evidence");
        const claim = await claimForWrite(tx, ctx, evidence.claimId);
        refuseIfPublished(claim, "its evidence");
        await tx.claimSource.delete({ where: { id: evidence.id } });
        await audit({ action: "evidence.detach", entityType: "Claim", entityId: claim.id, before: { evidenceId: evidence.id, sourceId: evidence.sourceId, stance: evidence.stance } });
        return claim.id;
      });
      return ctx.prisma.claim.findUniqueOrThrow({ ...selection(query), where: { id: claimId } });
    },
  }),
);
