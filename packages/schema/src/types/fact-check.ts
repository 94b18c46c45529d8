import { pageAndCount, selection, startedCount } from "../query.ts";
import type { Prisma } from "@claimdesk/db";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  type PublishedRecord,
  ValidationError,
  WorkflowError,
  correctionViewerCan,
  factCheckUrl as publicUrl,
  lastModified,
  factChecks,
  isStaff,
  publishedRecord,
  publishedRecordSelect,
  visible,
} from "@claimdesk/desk";
import { builder, pageCost } from "../builder.ts";
import type { Context } from "../context.ts";
import { claimReviewOf } from "../published.ts";
import { FactCheckStatusEnum, StanceEnum } from "./common.ts";
import { ClaimRef } from "./claim.ts";
import { PersonKindEnum } from "./person.ts";
import { RatingRef } from "./rating.ts";

type Published = PublishedRecord;
export const PublishedSpeaker = builder.objectRef<NonNullable<Published["speaker"]>>("PublishedSpeaker").implement({
  description: "The speaker as published",
  fields: (t) => ({
    name: t.exposeString("name"),
    kind: t.field({
      type: PersonKindEnum,
      description: "A person, or an organisation or group (ClaimReview claimant type)",
      resolve: (s) => s.kind ?? "PERSON",
    }),
    title: t.exposeString("title", { nullable: true }),
    affiliation: t.exposeString("affiliation", { nullable: true }),
    sameAs: t.exposeStringList("sameAs"),
  }),
});
const PublishedOutlet = builder.objectRef<{ name: string; url: string | null }>("PublishedOutlet").implement({
  fields: (t) => ({ name: t.exposeString("name"), url: t.exposeString("url", { nullable: true }) }),
});
const PublishedArticle = builder.objectRef<Published["appearances"][number]["article"]>("PublishedArticle").implement({
  description: "An article the claim appeared in, as published",
  fields: (t) => ({
    title: t.exposeString("title"),
    canonicalUrl: t.exposeString("canonicalUrl", { nullable: true }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    outlet: t.field({
      type: PublishedOutlet,
      nullable: true,
      resolve: (a) => (a.outlet ? { name: a.outlet, url: a.outletUrl ?? null } : null),
    }),
  }),
});
export const PublishedAppearance = builder.objectRef<Published["appearances"][number]>("PublishedAppearance").implement({
  fields: (t) => ({
    quote: t.exposeString("quote"),
    spanStart: t.exposeInt("spanStart"),
    spanEnd: t.exposeInt("spanEnd"),
    article: t.field({ type: PublishedArticle, resolve: (a) => a.article }),
  }),
});
const PublishedSource = builder.objectRef<Published["evidence"][number]["source"]>("PublishedSource").implement({
  description: "A cited source, as published",
  fields: (t) => ({
    url: t.exposeString("url", { nullable: true }),
    title: t.exposeString("title"),
    publisher: t.exposeString("publisher", { nullable: true }),
    archivedUrl: t.exposeString("archivedUrl", { nullable: true }),
    type: t.exposeString("type"),
  }),
});
export const PublishedEvidence = builder.objectRef<Published["evidence"][number]>("PublishedEvidence").implement({
  fields: (t) => ({
    stance: t.field({ type: StanceEnum, resolve: (e) => e.stance as never }),
    passage: t.exposeString("passage", { nullable: true }),
    location: t.exposeString("location", { nullable: true }),
    source: t.field({ type: PublishedSource, resolve: (e) => e.source }),
  }),
});

/** Fields of the public record: all read the snapshot through publishedRecord(). */
const recordField = { select: publishedRecordSelect };
const record = (fc: Parameters<typeof publishedRecord>[1], ctx: Context) => recordCache(ctx, fc);

/** One record per fact-check and request, however many fields ask. */
function recordCache(ctx: Context, fc: Parameters<typeof publishedRecord>[1]): Promise<Published> {
  let cache = records.get(ctx);
  if (!cache) records.set(ctx, (cache = new Map()));
  let found = cache.get(fc.id);
  if (!found) {
    found = publishedRecord(ctx.prisma, fc, ctx.newsroom.url).then((r) => {
      if (!r) throw new NotFoundError("The fact-check's claim");
      return r;
    });
    cache.set(fc.id, found);
  }
  return found;
}
const records = new WeakMap<Context, Map<string, Promise<Published>>>();

/** The public read path: published reviews and everything they cite. */
export const FactCheckRef = builder.prismaNode("FactCheck", {
  id: { field: "id" },
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  findUnique: (id, ctx) => ({ id, AND: [visible.factCheck(ctx.viewer)] }),
  authScopes: (factCheck, ctx) => factCheck.status === "PUBLISHED" || isStaff(ctx.viewer),
  fields: (t) => ({
    headline: t.exposeString("headline"),
    summary: t.exposeString("summary", { nullable: true }),
    url: t.string({
      nullable: true,
      description: "The public page: the one URL of this fact-check (ClaimReview url)",
      select: { slug: true },
      resolve: (fc, _args, ctx) => (fc.slug ? publicUrl(ctx.newsroom.url, fc.slug) : null),
    }),
    slug: t.exposeString("slug", { nullable: true, description: "The public page's path segment under /fact-checks/" }),
    dateModified: t.field({
      type: "DateTime",
      nullable: true,
      description: "ClaimReview dateModified: the last correction's or retraction's date, or null",
      select: { corrections: { select: { createdAt: true, retractedAt: true } } },
      resolve: (fc) => lastModified(fc.corrections),
    }),
    status: t.expose("status", { type: FactCheckStatusEnum }),
    publishedAt: t.expose("publishedAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", {
      type: "DateTime",
      description: "When the record last changed (not ClaimReview dateModified: see dateModified)",
    }),
    publisherName: t.exposeString("publisherName"),
    explanation: t.string({
      ...recordField,
      description: "Markdown, as published",
      resolve: async (fc, _a, ctx) => (await record(fc, ctx)).explanation ?? "",
    }),
    rating: t.relation("rating", { description: "The verdict as published (changes only through a correction)" }),
    claimReviewed: t.string({ ...recordField, resolve: async (fc, _a, ctx) => (await record(fc, ctx)).claimReviewed }),
    quote: t.string({ ...recordField, resolve: async (fc, _a, ctx) => (await record(fc, ctx)).quote }),
    claimDate: t.field({
      type: "DateTime",
      nullable: true,
      ...recordField,
      resolve: async (fc, _a, ctx) => (await record(fc, ctx)).claimDate,
    }),
    tags: t.stringList({ ...recordField, resolve: async (fc, _a, ctx) => (await record(fc, ctx)).tags }),
    speaker: t.field({
      type: PublishedSpeaker,
      nullable: true,
      ...recordField,
      resolve: async (fc, _a, ctx) => (await record(fc, ctx)).speaker,
    }),
    appearances: t.field({
      type: [PublishedAppearance],
      description: "Where the claim appeared (ClaimReview appearance), earliest first, as published",
      ...recordField,
      resolve: async (fc, _a, ctx) => (await record(fc, ctx)).appearances,
    }),
    evidence: t.field({
      type: [PublishedEvidence],
      description: "The sources cited, with their stance, as published",
      ...recordField,
      resolve: async (fc, _a, ctx) => (await record(fc, ctx)).evidence,
    }),
    version: t.exposeInt("version", { description: "Send it with addCorrection; a stale one is refused with ConflictError" }),
    corrections: t.relation("corrections", { query: { orderBy: { createdAt: "asc" } } }),
    claim: t.relation("claim", { authScopes: { staff: true } }),
    claimReview: t.field({
      type: "JSON",
      description: "schema.org ClaimReview JSON-LD of the public record",
      ...recordField,
      resolve: async (fc, _args, ctx) => claimReviewOf(await record(fc, ctx), ctx.newsroom),
    }),
  }),
});

const CorrectionPermissions = builder.objectRef<ReturnType<typeof correctionViewerCan>>("CorrectionPermissions").implement({
  fields: (t) => ({
    retract: t.exposeBoolean("retract", {
      description: "Retract it: the latest correction still standing, of a published fact-check (editors)",
    }),
  }),
});

export const CorrectionRef = builder.prismaNode("Correction", {
  id: { field: "id" },
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  findUnique: (id, ctx) => ({ id, AND: [visible.correction(ctx.viewer)] }),
  fields: (t) => ({
    whatChanged: t.exposeString("whatChanged"),
    reason: t.exposeString("reason"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    retractedAt: t.expose("retractedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the correction was retracted (it stays on the record), or null",
    }),
    retractionReason: t.exposeString("retractionReason", { nullable: true, description: "Why it was retracted (public)" }),
    factCheck: t.relation("factCheck"),
    viewerCan: t.field({
      type: CorrectionPermissions,
      authScopes: { staff: true }, // the newsroom's controls, not part of the public record
      description: "What you may do with this correction now: show controls from this, not from roles",
      select: {
        retractedAt: true,
        previousSnapshot: true,
        factCheck: {
          select: {
            status: true,
            corrections: { where: { retractedAt: null }, orderBy: { createdAt: "desc" }, take: 1, select: { id: true } },
          },
        },
      },
      resolve: (c, _args, ctx) =>
        correctionViewerCan(ctx.viewer, {
          published: c.factCheck.status === "PUBLISHED",
          retracted: !!c.retractedAt,
          latest: c.factCheck.corrections[0]?.id === c.id,
          restorable: c.previousSnapshot != null,
        }),
    }),
  }),
});

const publishedWhere = (ratingId: string | undefined): Prisma.FactCheckWhereInput => ({ status: "PUBLISHED", ratingId });

builder.queryField("factChecks", (t) =>
  t.prismaConnection({
    type: "FactCheck",
    cursor: "id",
    complexity: pageCost,
    description: "Published fact-checks, newest first. Open to everyone.",
    args: { ratingId: t.arg.globalID({ for: RatingRef, required: false }) },
    totalCount: (_p, args, ctx) => startedCount(args, () => ctx.prisma.factCheck.count({ where: publishedWhere(args.ratingId?.id) })),
    resolve: (query, _p, args, ctx, info) =>
      pageAndCount(
        info,
        args,
        publishedWhere(args.ratingId?.id),
        (where) => ctx.prisma.factCheck.findMany({ ...selection(query), where, orderBy: [{ publishedAt: "desc" }, { id: "desc" }] }),
        (where) => ctx.prisma.factCheck.count({ where }),
      ),
  }),
);

const PublishInput = builder.inputType("PublishFactCheckInput", {
  fields: (t) => ({
    claimId: t.globalID({ for: ClaimRef, required: true }),
    version: t.int({ required: true, description: "The claim version you reviewed" }),
    headline: t.string({ required: true }),
    summary: t.string({ required: false }),
  }),
});

builder.mutationField("publishFactCheck", (t) =>
  t.prismaField({
    type: "FactCheck",
    description:
      "Publishes the review of a claim that is IN_REVIEW (editors). Needs a verdict, an explanation and at least one source. Publishing again after unpublishing reuses the same fact-check.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, WorkflowError, ConflictError] },
    args: { input: t.arg({ type: PublishInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await factChecks.publishFactCheck(ctx, { ...input, claimId: input.claimId.id });
      return ctx.prisma.factCheck.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

builder.mutationField("unpublishFactCheck", (t) =>
  t.prismaField({
    type: "FactCheck",
    description: "Takes a fact-check down (editors); its claim goes back to IN_REVIEW.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, WorkflowError] },
    args: { id: t.arg.globalID({ for: FactCheckRef, required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await factChecks.unpublishFactCheck(ctx, args.id.id, args.reason);
      return ctx.prisma.factCheck.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

const CorrectionInput = builder.inputType("AddCorrectionInput", {
  fields: (t) => ({
    factCheckId: t.globalID({ for: FactCheckRef, required: true }),
    whatChanged: t.string({ required: true }),
    reason: t.string({ required: true }),
    ratingId: t.globalID({ for: RatingRef, required: false, description: "A new verdict, if the correction changes it" }),
    explanation: t.string({ required: false, description: "The corrected explanation, if it changes" }),
    version: t.int({
      required: false,
      description: "The fact-check version you corrected; if given, a stale one is refused with ConflictError",
    }),
    republish: t.boolean({
      required: false,
      description: "Also republish the desk's current wording, speaker, tags, appearances and evidence",
    }),
  }),
});

builder.mutationField("addCorrection", (t) =>
  t.prismaField({
    type: "FactCheck",
    description: "Corrects a published fact-check (editors): the only way its public record changes. The correction is public and dated.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, WorkflowError, ConflictError] },
    args: { input: t.arg({ type: CorrectionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await factChecks.addCorrection(ctx, { ...input, factCheckId: input.factCheckId.id, ratingId: input.ratingId?.id });
      return ctx.prisma.factCheck.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

const RetractCorrectionInput = builder.inputType("RetractCorrectionInput", {
  fields: (t) => ({
    correctionId: t.globalID({ for: CorrectionRef, required: true }),
    version: t.int({ required: true, description: "The fact-check version you saw; a stale one is refused with ConflictError" }),
    reason: t.string({ required: true, description: "Why the correction is retracted (shown publicly with the date)" }),
  }),
});

builder.mutationField("retractCorrection", (t) =>
  t.prismaField({
    type: "FactCheck",
    description:
      "Retracts the latest standing correction of a published fact-check (editors): it stays on the public record, dated and with the reason, and the verdict and explanation return to what they were before it.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, WorkflowError, ConflictError] },
    args: { input: t.arg({ type: RetractCorrectionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await factChecks.retractCorrection(ctx, { ...input, correctionId: input.correctionId.id });
      return ctx.prisma.factCheck.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);
