import { ClaimReviewImportError, ForbiddenError, NotFoundError, ValidationError } from "@claimdesk/desk";
import { builder } from "../builder.ts";
import { type ImportOutcome, type ImportRefusal, importClaimReviews, mapPublisherLabel } from "../intelligence/import-claim-reviews.ts";
import { selection } from "../query.ts";
import { ErrorInterface } from "./common.ts";
import { RatingRef } from "./rating.ts";

builder.objectType(ClaimReviewImportError, {
  name: "ClaimReviewImportError",
  description: "Why nothing could be read: the input is empty, not JSON or HTML, or holds no ClaimReview",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ClaimReviewImportError,
  fields: (t) => ({ problems: t.exposeStringList("problems") }),
});

const RefusalRef = builder.objectRef<ImportRefusal>("ClaimReviewRefusal").implement({
  description: "One ClaimReview that was not imported, and why",
  fields: (t) => ({
    position: t.exposeInt("position", { description: "Its place among the ClaimReviews found, from 1" }),
    url: t.exposeString("url", { nullable: true }),
    reasons: t.exposeStringList("reasons"),
  }),
});

const ImportResultRef = builder.objectRef<ImportOutcome>("ClaimReviewImport").implement({
  description: "What an import did, record by record: each was saved or refused on its own",
  fields: (t) => ({
    imported: t.prismaField({
      type: ["ExternalFactCheck"],
      description: "New to us",
      resolve: (query, result, _a, ctx) =>
        ctx.prisma.externalFactCheck.findMany({
          ...selection(query),
          where: { id: { in: result.importedIds } },
          orderBy: { createdAt: "asc" },
        }),
    }),
    updated: t.prismaField({
      type: ["ExternalFactCheck"],
      description: "Already known by URL: updated from this import, not duplicated",
      resolve: (query, result, _a, ctx) =>
        ctx.prisma.externalFactCheck.findMany({
          ...selection(query),
          where: { id: { in: result.updatedIds } },
          orderBy: { createdAt: "asc" },
        }),
    }),
    alreadyKnown: t.int({ description: "How many were already known (see updated)", resolve: (result) => result.updatedIds.length }),
    refused: t.field({ type: [RefusalRef], resolve: (result) => result.refused }),
  }),
});

builder.mutationField("importClaimReviews", (t) =>
  t.field({
    type: ImportResultRef,
    description:
      "Imports other fact-checkers' ClaimReview JSON-LD (an object, an array, @graph, a DataFeed or DataFeedItem, or a page's ld+json scripts) so matching finds them. Each review is saved or refused on its own.",
    authScopes: { deskWriter: true },
    errors: { types: [ClaimReviewImportError, ForbiddenError, ValidationError] },
    args: {
      text: t.arg.string({ required: true, description: "JSON-LD, or the HTML of a page containing it" }),
      pageUrl: t.arg.string({ required: false, description: "The page the markup came from: relative URLs resolve against it" }),
    },
    resolve: async (_root, args, ctx) => {
      const answer = await importClaimReviews(ctx, args.text, args.pageUrl);
      if (!answer.ok) throw new ClaimReviewImportError(answer.problems);
      return answer.outcome;
    },
  }),
);

const UnmappedRef = builder.objectRef<{ publisherName: string; ratingLabel: string; count: number }>("UnmappedVerdict").implement({
  description: "A publisher's verdict label that maps to none of our ratings yet",
  fields: (t) => ({
    publisherName: t.exposeString("publisherName"),
    ratingLabel: t.exposeString("ratingLabel"),
    count: t.exposeInt("count", { description: "Imported fact-checks with this label" }),
  }),
});

builder.queryField("unmappedVerdicts", (t) =>
  t.field({
    type: [UnmappedRef],
    description: "Imported verdict labels awaiting an editor's mapping, most frequent first",
    authScopes: { staff: true },
    resolve: async (_root, _args, ctx) => {
      const groups = await ctx.prisma.externalFactCheck.groupBy({
        by: ["publisherName", "ratingLabel"],
        where: { ratingId: null },
        _count: { _all: true },
      });
      return groups
        .map((g) => ({ publisherName: g.publisherName, ratingLabel: g.ratingLabel, count: g._count._all }))
        .sort((a, b) => b.count - a.count || a.publisherName.localeCompare(b.publisherName))
        .slice(0, 200);
    },
  }),
);

builder.prismaObject("RatingLabelMapping", {
  description: "An editor's mapping of one publisher's verdict label to our rating",
  fields: (t) => ({
    publisherName: t.exposeString("publisherName"),
    ratingLabel: t.exposeString("ratingLabel"),
    rating: t.relation("rating"),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.queryField("verdictMappings", (t) =>
  t.prismaField({
    type: ["RatingLabelMapping"],
    authScopes: { staff: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.ratingLabelMapping.findMany({
        ...selection(query),
        orderBy: [{ publisherName: "asc" }, { ratingLabel: "asc" }],
        take: 500,
      }),
  }),
);

const MapVerdictResultRef = builder.objectRef<{ mappingId: string; applied: number }>("MapVerdictResult").implement({
  fields: (t) => ({
    applied: t.exposeInt("applied", { description: "Imported fact-checks now carrying this rating" }),
    mapping: t.prismaField({
      type: "RatingLabelMapping",
      resolve: (query, r, _a, ctx) => ctx.prisma.ratingLabelMapping.findUniqueOrThrow({ ...selection(query), where: { id: r.mappingId } }),
    }),
  }),
});

builder.mutationField("mapImportedVerdict", (t) =>
  t.field({
    type: MapVerdictResultRef,
    description: "Maps one publisher's verdict label to our rating (editors), for what was imported and every later import. Audited.",
    authScopes: { deskWriter: true },
    errors: { types: [ForbiddenError, NotFoundError, ValidationError] },
    args: {
      publisherName: t.arg.string({ required: true }),
      ratingLabel: t.arg.string({ required: true }),
      ratingId: t.arg.globalID({ for: RatingRef, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      return mapPublisherLabel(ctx, args.publisherName, args.ratingLabel, args.ratingId.id);
    },
  }),
);
