import { pageAndCount, selection, startedCount } from "../query.ts";
import { ClaimStatus, type Prisma } from "@claimdesk/db";
import {
  ForbiddenError,
  NotFoundError,
  ValidationError,
  WorkflowError,
  ConflictError,
  actorFor,
  availableMoves,
  claims,
  currentSnapshot,
  dueSoonWhere,
  returnedToWhere,
  evidence,
  permissions,
  fullTextIds,
  recordOf,
  viewerCan,
  visible,
} from "@claimdesk/desk";
import { builder, pageCost } from "../builder.ts";
import { claimReviewOf } from "../published.ts";
import type { Context } from "../context.ts";
import { ArticleRef } from "./article.ts";
import { ClaimPriorityEnum, ClaimStatusEnum, SortDirection, StanceEnum } from "./common.ts";
import { OutletRef } from "./outlet.ts";
import { PersonInput, PersonRef } from "./person.ts";
import { RatingRef } from "./rating.ts";
import { EvidenceRef, SourceInput, SourceRef } from "./source.ts";
import { UserRef } from "./user.ts";
import { searchText } from "../search-text.ts";

/** Check-worthy statements and their research. Staff only; the public reads FactCheck. */
type ClaimPermissionsShape = ReturnType<typeof viewerCan>;
const ClaimPermissions = builder.objectRef<ClaimPermissionsShape>("ClaimPermissions").implement({
  description: "What the viewer may do with a claim now, decided by the desk's policy",
  fields: (t) => ({
    edit: t.exposeBoolean("edit", { description: "Wording, verdict and explanation (not while published)" }),
    editDetails: t.exposeBoolean("editDetails", { description: "Speaker, claim date and tags (desk data, also while published)" }),
    editEvidence: t.exposeBoolean("editEvidence"),
    assign: t.exposeBoolean("assign"),
    plan: t.exposeBoolean("plan", { description: "Set the reviewer, priority and due date" }),
    review: t.exposeBoolean("review", { description: "Approve or return it with changes requested (its reviewer, while in review)" }),
    publish: t.exposeBoolean("publish"),
    unpublish: t.exposeBoolean("unpublish"),
    correct: t.exposeBoolean("correct"),
    comment: t.exposeBoolean("comment"),
    markDuplicate: t.exposeBoolean("markDuplicate"),
    moves: t.expose("moves", { type: [ClaimStatusEnum] }),
  }),
});

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
    reviewer: t.relation("reviewer", {
      nullable: true,
      description: 'The editor who approves or returns it; "Submit for review" goes to them',
    }),
    priority: t.expose("priority", { type: ClaimPriorityEnum }),
    dueDate: t.expose("dueDate", { type: "Date", nullable: true, description: "The day the desk wants the check done by" }),
    changesRequestedAt: t.expose("changesRequestedAt", {
      type: "DateTime",
      nullable: true,
      description: "When its reviewer returned it with changes requested, until it moves on",
    }),
    rating: t.relation("rating", { nullable: true }),
    explanation: t.exposeString("explanation", { nullable: true, description: "Markdown" }),
    version: t.exposeInt("version", { description: "Send it back with updates; a stale version is refused with ConflictError" }),
    duplicateOf: t.relation("duplicateOf", { nullable: true }),
    createdBy: t.relation("createdBy", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    appearances: t.relation("appearances", { query: { orderBy: { createdAt: "asc" } } }),
    evidence: t.relatedConnection("sources", {
      complexity: pageCost,
      cursor: "id",
      totalCount: true,
      query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    }),
    comments: t.relation("comments", { query: { orderBy: { createdAt: "asc" } } }),
    factCheck: t.relation("factCheck", { nullable: true }),
    availableMoves: t.field({
      type: [ClaimStatusEnum],
      description: "The workflow moves you may make now",
      select: { status: true, assigneeId: true },
      resolve: (claim, _args, ctx) => availableMoves(claim.status, actorFor(ctx.viewer, claim)),
    }),
    viewerCan: t.field({
      type: ClaimPermissions,
      description: "What you may do with this claim now: show controls from this, not from roles",
      select: { status: true, assigneeId: true, reviewerId: true },
      resolve: (claim, _args, ctx) => viewerCan(ctx.viewer, claim),
    }),
    claimReviewPreview: t.field({
      type: "JSON",
      nullable: true,
      description: "The ClaimReview JSON-LD publishing would produce now (null without a verdict)",
      select: {
        id: true,
        factCheck: {
          select: {
            id: true,
            headline: true,
            summary: true,
            url: true,
            slug: true,
            publisherName: true,
            publishedAt: true,
            updatedAt: true,
          },
        },
      },
      resolve: async (claim, _args, ctx) => {
        const snapshot = await currentSnapshot(ctx.prisma, claim.id);
        if (!snapshot?.rating) return null;
        const fc = claim.factCheck;
        const row = {
          id: fc?.id ?? "(on publication)",
          url: fc?.url ?? null,
          slug: fc?.slug ?? null,
          headline: fc?.headline ?? "",
          summary: fc?.summary ?? null,
          publisherName: fc?.publisherName ?? ctx.newsroom.name,
          publishedAt: fc?.publishedAt ?? new Date(),
          updatedAt: fc?.updatedAt ?? new Date(),
          _count: { corrections: 0 },
          corrections: [],
        };
        return claimReviewOf(recordOf(row, snapshot, ctx.newsroom.url), ctx.newsroom);
      },
    }),
    viewerCanEdit: t.boolean({ select: { assigneeId: true }, resolve: (claim, _args, ctx) => permissions.editClaim(ctx.viewer, claim) }),
  }),
});

export const ClaimAppearanceRef = builder.prismaNode("ClaimAppearance", {
  id: { field: "id" },
  select: { id: true }, // columns load only when a field asks for them
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

// ---------------------------------------------------------------- queries

const ClaimFilter = builder.inputType("ClaimFilter", {
  fields: (t) => ({
    status: t.field({ type: [ClaimStatusEnum], required: false }),
    assigneeId: t.globalID({ for: UserRef, required: false }),
    unassigned: t.boolean({ required: false }),
    reviewerId: t.globalID({ for: UserRef, required: false }),
    priority: t.field({ type: [ClaimPriorityEnum], required: false }),
    dueSoon: t.boolean({ required: false, description: "Open claims due within 3 days, and overdue ones" }),
    returnedToMe: t.boolean({
      required: false,
      description: "Claims assigned to you that their reviewer returned with changes requested",
    }),
    ratingId: t.globalID({ for: RatingRef, required: false }),
    speakerId: t.globalID({ for: PersonRef, required: false }),
    outletId: t.globalID({ for: OutletRef, required: false }),
    articleId: t.globalID({ for: ArticleRef, required: false }),
    tag: t.string({ required: false }),
    claimDateFrom: t.field({ type: "DateTime", required: false }),
    claimDateTo: t.field({ type: "DateTime", required: false }),
    hasSources: t.boolean({ required: false }),
    query: t.string({ required: false, description: "Words in the quote or wording (full-text)", validate: searchText }),
  }),
});

const ClaimOrderField = builder.enumType("ClaimOrderField", {
  values: ["UPDATED_AT", "CREATED_AT", "CLAIM_DATE", "CHECKWORTHINESS", "DUE_DATE", "PRIORITY"] as const,
});
const ClaimOrder = builder.inputType("ClaimOrder", {
  fields: (t) => ({
    field: t.field({ type: ClaimOrderField, required: true }),
    direction: t.field({ type: SortDirection, required: true, defaultValue: "DESC" }),
  }),
});

async function claimWhere(
  filter: typeof ClaimFilter.$inferInput | null | undefined,
  prisma: Prisma.TransactionClient,
  ctx: Context,
): Promise<Prisma.ClaimWhereInput> {
  const where: Prisma.ClaimWhereInput = {};
  if (!filter) return where;
  const queues: Prisma.ClaimWhereInput[] = [];
  if (filter.dueSoon) queues.push(dueSoonWhere());
  if (filter.returnedToMe) queues.push(returnedToWhere(ctx.viewer?.id ?? "-"));
  if (queues.length) where.AND = queues;
  if (filter.reviewerId) where.reviewerId = filter.reviewerId.id;
  if (filter.priority?.length) where.priority = { in: filter.priority };
  if (filter.status?.length) where.status = { in: filter.status };
  if (filter.assigneeId) where.assigneeId = filter.assigneeId.id;
  if (filter.unassigned) where.assigneeId = null;
  if (filter.ratingId) where.ratingId = filter.ratingId.id;
  if (filter.speakerId) where.speakerId = filter.speakerId.id;
  if (filter.tag) where.tags = { has: filter.tag };
  if (filter.articleId || filter.outletId) {
    where.appearances = {
      some: { articleId: filter.articleId?.id, article: filter.outletId ? { outletId: filter.outletId.id } : undefined },
    };
  }
  if (filter.claimDateFrom || filter.claimDateTo)
    where.claimDate = { gte: filter.claimDateFrom ?? undefined, lte: filter.claimDateTo ?? undefined };
  if (filter.hasSources === true) where.sources = { some: {} };
  if (filter.hasSources === false) where.sources = { none: {} };
  if (filter.query?.trim()) where.id = { in: await fullTextIds(prisma, "Claim", filter.query) };
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
    case "DUE_DATE":
      return [{ dueDate: { sort: direction, nulls: "last" } }, { id: direction }];
    case "PRIORITY":
      return [{ priority: direction }, { dueDate: { sort: "asc", nulls: "last" } }, { id: direction }];
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
    totalCount: (_p, args, ctx) =>
      startedCount(args, async () => ctx.prisma.claim.count({ where: await claimWhere(args.filter, ctx.prisma, ctx) })),
    resolve: (query, _p, args, ctx, info) =>
      pageAndCount(
        info,
        args,
        claimWhere(args.filter, ctx.prisma, ctx),
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
    evidence: t.field({
      type: [ClaimEvidenceInput],
      required: false,
      description: "Library sources to cite at once, in the same transaction",
    }),
  }),
});

builder.mutationField("createClaim", (t) =>
  t.prismaField({
    type: "Claim",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    args: { input: t.arg({ type: CreateClaimInput, required: true }) },
    resolve: (query, _root, { input }, ctx) =>
      claims.createClaim(
        ctx,
        {
          ...input,
          articleId: input.articleId?.id,
          speakerId: input.speakerId?.id,
          evidence: input.evidence?.map((e) => ({ ...e, sourceId: e.sourceId.id })),
        },
        (tx, id) => tx.claim.findUniqueOrThrow({ ...selection(query), where: { id } }),
      ),
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

builder.mutationField("updateClaim", (t) =>
  t.prismaField({
    type: "Claim",
    description:
      "Edits a claim's wording, speaker, tags, explanation or verdict. Send the version you edited: if someone saved in between, you get ConflictError with the claim as it is now, and nothing is overwritten.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, ConflictError, WorkflowError] },
    args: { input: t.arg({ type: UpdateClaimInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await claims.updateClaim(ctx, { ...input, id: input.id.id, speakerId: input.speakerId?.id, ratingId: input.ratingId?.id });
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
      const id = await claims.assignClaim(ctx, args.id.id, args.assigneeId?.id ?? null);
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
      const id = await claims.moveClaim(ctx, args.id.id, args.to, args.version);
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

builder.mutationField("attachSource", (t) =>
  t.prismaField({
    type: "ClaimSource",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, WorkflowError] },
    args: { input: t.arg({ type: AttachSourceInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await evidence.attachSource(ctx, { ...input, claimId: input.claimId.id, sourceId: input.sourceId?.id });
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
      const id = await evidence.updateEvidence(ctx, { ...input, id: input.id.id });
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
      const claimId = await evidence.detachSource(ctx, args.id.id);
      return ctx.prisma.claim.findUniqueOrThrow({ ...selection(query), where: { id: claimId } });
    },
  }),
);
