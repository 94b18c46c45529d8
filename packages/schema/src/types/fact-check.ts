import { pageAndCount, selection, startedCount } from "../query.ts";
import type { Prisma } from "@claimdesk/db";
import { z } from "zod";
import { audited } from "../audit.ts";
import { isStaff, permissions, visible } from "../auth/access.ts";
import { builder, pageCost } from "../builder.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, WorkflowError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { factCheckSlug } from "@claimdesk/db";
import { factCheckClaimReview, publicFactCheckUrl } from "../claim-review.ts";
import { publishPreconditions } from "../workflow.ts";
import { FactCheckStatusEnum } from "./common.ts";
import { ClaimAppearanceRef, ClaimRef } from "./claim.ts";
import { PersonRef } from "./person.ts";
import { EvidenceRef } from "./source.ts";
import { RatingRef } from "./rating.ts";

/** Where the public page of a fact-check lives: its one URL, from its stored slug. */
export function factCheckUrl(ctx: { newsroom: { url: string } }, slug: string): string {
  return publicFactCheckUrl(ctx.newsroom.url, slug);
}

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
      resolve: (fc, _args, ctx) => (fc.slug ? factCheckUrl(ctx, fc.slug) : null),
    }),
    slug: t.exposeString("slug", { nullable: true, description: "The public page's path segment under /fact-checks/" }),
    dateModified: t.field({
      type: "DateTime",
      nullable: true,
      description: "ClaimReview dateModified: the last correction's date, or null",
      select: { corrections: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } } },
      resolve: (fc) => fc.corrections[0]?.createdAt ?? null,
    }),
    status: t.expose("status", { type: FactCheckStatusEnum }),
    publishedAt: t.expose("publishedAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When the record last changed (not ClaimReview dateModified: see dateModified)" }),
    publisherName: t.exposeString("publisherName"),
    explanation: t.exposeString("explanation", { description: "Markdown" }),
    rating: t.relation("rating"),
    claimReviewed: t.string({ select: { claim: { select: { claimReviewed: true } } }, resolve: (fc) => fc.claim.claimReviewed }),
    quote: t.string({ select: { claim: { select: { quote: true } } }, resolve: (fc) => fc.claim.quote }),
    claimDate: t.field({ type: "DateTime", nullable: true, select: { claim: { select: { claimDate: true } } }, resolve: (fc) => fc.claim.claimDate }),
    speaker: t.field({
      type: PersonRef,
      nullable: true,
      grantScopes: ["readPublished"],
      select: (_args, _ctx, nestedSelection) => ({ claim: { select: { speaker: nestedSelection(true) } } }),
      resolve: (fc) => fc.claim.speaker,
    }),
    appearances: t.field({
      type: [ClaimAppearanceRef],
      description: "Where the claim appeared (ClaimReview appearance), earliest first",
      grantScopes: ["readPublished"],
      select: (_args, _ctx, nestedSelection) => ({ claim: { select: { appearances: nestedSelection({ orderBy: { createdAt: "asc" } }) } } }),
      resolve: (fc) => fc.claim.appearances,
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: "The sources cited, with their stance",
      grantScopes: ["readPublished"],
      select: (_args, _ctx, nestedSelection) => ({ claim: { select: { sources: nestedSelection({ orderBy: { createdAt: "asc" } }) } } }),
      resolve: (fc) => fc.claim.sources,
    }),
    corrections: t.relation("corrections", { query: { orderBy: { createdAt: "asc" } } }),
    claim: t.relation("claim", { authScopes: { staff: true } }),
    claimReview: t.field({
      type: "JSON",
      description: "schema.org ClaimReview JSON-LD",
      select: { id: true },
      resolve: async (fc, _args, ctx) => factCheckClaimReview(ctx.prisma, fc.id, ctx.newsroom),
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
    factCheck: t.relation("factCheck"),
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
    description: "Publishes the review of a claim that is IN_REVIEW (editors). Needs a verdict, an explanation and at least one source. Publishing again after unpublishing reuses the same fact-check.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, WorkflowError, ConflictError] },
    args: { input: t.arg({ type: PublishInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (!permissions.runTheDesk(ctx.viewer)) throw new ForbiddenError("Only editors publish");
      const viewer = ctx.viewer;
      const fields = parseInput(z.object({ headline: z.string().trim().min(1, "is required").max(300), summary: z.string().trim().max(2000).nullish() }), input, ["input"]);
      const id = await audited(ctx, async (tx, audit) => {
        const claim = await tx.claim.findUnique({ where: { id: input.claimId.id }, include: { _count: { select: { sources: true } }, factCheck: true } });
        if (!claim) throw new NotFoundError("The claim");
        if (claim.version !== input.version) throw new ConflictError(claim);
        if (claim.status !== "IN_REVIEW") throw new WorkflowError(`Only a claim in review can be published (this one is ${claim.status})`);
        const missing = publishPreconditions({ ratingId: claim.ratingId, explanation: claim.explanation, sourceCount: claim._count.sources });
        if (missing.length) throw new WorkflowError(`Publishing needs ${missing.join(", ").toLowerCase()}`, missing);
        const now = new Date();
        const data = {
          headline: fields.headline,
          summary: fields.summary ?? null,
          ratingId: claim.ratingId!,
          explanation: claim.explanation!,
          publisherName: ctx.newsroom.name,
          status: "PUBLISHED" as const,
          publishedById: viewer.id,
        };
        const factCheck = claim.factCheck
          ? await tx.factCheck.update({ where: { id: claim.factCheck.id }, data })
          : await tx.factCheck.create({ data: { ...data, claimId: claim.id, publishedAt: now } });
        // The slug is set once: republishing or rewording keeps the URL.
        if (!factCheck.slug) {
          const slug = factCheckSlug(claim.claimReviewed, factCheck.id);
          await tx.factCheck.update({ where: { id: factCheck.id }, data: { slug, url: factCheckUrl(ctx, slug) } });
        }
        await tx.claim.update({ where: { id: claim.id }, data: { status: "PUBLISHED", version: { increment: 1 } } });
        await audit({ action: "factCheck.publish", entityType: "Claim", entityId: claim.id, before: { status: claim.status }, after: { status: "PUBLISHED", factCheckId: factCheck.id, ...fields } });
        return factCheck.id;
      });
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
      if (!permissions.runTheDesk(ctx.viewer)) throw new ForbiddenError("Only editors unpublish");
      const reason = parseInput(z.string().trim().min(1, "is required").max(2000), args.reason, ["reason"]);
      const id = args.id.id;
      await audited(ctx, async (tx, audit) => {
        const factCheck = await tx.factCheck.findUnique({ where: { id } });
        if (!factCheck) throw new NotFoundError("The fact-check");
        if (factCheck.status !== "PUBLISHED") throw new WorkflowError("This fact-check is not published");
        await tx.factCheck.update({ where: { id }, data: { status: "UNPUBLISHED" } });
        await tx.claim.update({ where: { id: factCheck.claimId }, data: { status: "IN_REVIEW", version: { increment: 1 } } });
        await audit({ action: "factCheck.unpublish", entityType: "Claim", entityId: factCheck.claimId, before: { status: "PUBLISHED" }, after: { status: "IN_REVIEW", reason } });
      });
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
  }),
});

builder.mutationField("addCorrection", (t) =>
  t.prismaField({
    type: "FactCheck",
    description: "Corrects a published fact-check (editors): the only way its verdict or explanation changes. The correction is public and dated.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, WorkflowError] },
    args: { input: t.arg({ type: CorrectionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (!permissions.runTheDesk(ctx.viewer)) throw new ForbiddenError("Only editors correct fact-checks");
      const viewer = ctx.viewer;
      const fields = parseInput(
        z.object({ whatChanged: z.string().trim().min(1, "is required").max(2000), reason: z.string().trim().min(1, "is required").max(2000), explanation: z.string().trim().min(1).max(50_000).nullish() }),
        input,
        ["input"],
      );
      const id = input.factCheckId.id;
      await audited(ctx, async (tx, audit) => {
        const factCheck = await tx.factCheck.findUnique({ where: { id } });
        if (!factCheck) throw new NotFoundError("The fact-check");
        if (factCheck.status !== "PUBLISHED") throw new WorkflowError("Only a published fact-check is corrected; edit the claim instead");
        const newRatingId = input.ratingId?.id;
        if (newRatingId && !(await tx.rating.findUnique({ where: { id: newRatingId }, select: { id: true } }))) throw new NotFoundError("The rating");
        const correction = await tx.correction.create({
          data: { factCheckId: id, whatChanged: fields.whatChanged, reason: fields.reason, previousRatingId: factCheck.ratingId, newRatingId: newRatingId ?? null, authorId: viewer.id },
        });
        const changes = { ratingId: newRatingId, explanation: fields.explanation ?? undefined };
        // updatedAt moves either way: dateModified reflects the correction.
        await tx.factCheck.update({ where: { id }, data: { ...changes, updatedAt: new Date() } });
        await tx.claim.update({ where: { id: factCheck.claimId }, data: { ...changes, version: { increment: 1 } } });
        await audit({
          action: "factCheck.correct",
          entityType: "Claim",
          entityId: factCheck.claimId,
          before: { ratingId: factCheck.ratingId, explanation: fields.explanation ? factCheck.explanation : undefined },
          after: { correctionId: correction.id, ...fields, ratingId: newRatingId },
        });
      });
      return ctx.prisma.factCheck.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);
