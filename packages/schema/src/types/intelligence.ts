import { codePointLength } from "@claimdesk/db";
import { claims, visible } from "@claimdesk/desk";
import { builder } from "../builder.ts";
import { ForbiddenError, NotFoundError, ValidationError, WorkflowError } from "@claimdesk/desk";
import { suggestClaims } from "../intelligence/checkworthiness.ts";
import { type ClaimMatchRow, findRecurringFactChecks, findSimilarClaims, matchThresholds } from "../intelligence/matching.ts";
import { splitSentences } from "../intelligence/sentences.ts";
import { selection } from "../query.ts";
import { ArticleRef } from "./article.ts";
import { ClaimRef } from "./claim.ts";
import { FactCheckRef } from "./fact-check.ts";

// ---------------------------------------------------------------- check-worthiness

const SuggestionRef = builder
  .objectRef<{ text: string; start: number; end: number; score: number; reasons: string[]; alreadyMarked: boolean }>("ClaimSuggestion")
  .implement({
    description: "A sentence of the article ranked by how check-worthy it is, with the reasons",
    fields: (t) => ({
      text: t.exposeString("text"),
      spanStart: t.exposeInt("start"),
      spanEnd: t.exposeInt("end"),
      score: t.exposeFloat("score", { description: "0 to 1" }),
      reasons: t.exposeStringList("reasons"),
      alreadyMarked: t.exposeBoolean("alreadyMarked", { description: "A claim already covers part of this sentence" }),
    }),
  });

builder.prismaObjectFields(ArticleRef, (t) => ({
  suggestions: t.field({
    type: [SuggestionRef],
    description: "The article's sentences, most check-worthy first",
    authScopes: { staff: true },
    args: {
      first: t.arg.int({ required: false, defaultValue: 10 }),
      minScore: t.arg.float({
        required: false,
        description: "Leave out sentences scoring below this (no cut by default: the ranking is what matters)",
      }),
    },
    select: { body: true, appearances: { select: { spanStart: true, spanEnd: true } } },
    resolve: (article, args) => {
      const first = Math.min(Math.max(args.first ?? 10, 1), 200);
      return suggestClaims(article.body)
        .filter((s) => s.score >= (args.minScore ?? 0))
        .slice(0, first)
        .map((s) => ({ ...s, alreadyMarked: article.appearances.some((a) => a.spanStart < s.end && a.spanEnd > s.start) }));
    },
  }),
}));

// ---------------------------------------------------------------- matching

const MatchLevelEnum = builder.enumType("MatchLevel", {
  values: {
    LIKELY_DUPLICATE: { description: `Evidence of ${matchThresholds.likelyDuplicate} or more: probably the same claim` },
    SUGGEST: { description: `Evidence of ${matchThresholds.suggest} or more: worth a look` },
  } as const,
});

export const ExternalFactCheckRef = builder.prismaNode("ExternalFactCheck", {
  id: { field: "id" },
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  authScopes: { staff: true },
  findUnique: (id, ctx) => ({ id, AND: [visible.desk(ctx.viewer)] }),
  description: "A fact-check published elsewhere, imported from its ClaimReview",
  fields: (t) => ({
    url: t.exposeString("url"),
    claimReviewed: t.exposeString("claimReviewed"),
    publisherName: t.exposeString("publisherName"),
    ratingLabel: t.exposeString("ratingLabel", { description: "Their verdict, as they name it" }),
    ratingValue: t.exposeFloat("ratingValue", { nullable: true }),
    bestRating: t.exposeFloat("bestRating", { nullable: true }),
    worstRating: t.exposeFloat("worstRating", { nullable: true }),
    rating: t.relation("rating", { nullable: true, description: "Their verdict on our scale, where it maps" }),
    claimAuthor: t.exposeString("claimAuthor", { nullable: true }),
    reviewAuthor: t.exposeString("reviewAuthor", { nullable: true, description: "The journalist who wrote it, when named" }),
    datePublished: t.expose("datePublished", { type: "DateTime", nullable: true }),
    raw: t.expose("raw", { type: "JSON" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const ClaimMatchRef = builder.objectRef<ClaimMatchRow>("ClaimMatch").implement({
  description: "A close claim of ours (claim) or an imported fact-check (externalFactCheck)",
  fields: (t) => ({
    score: t.exposeFloat("score", {
      description: "Rank score fusing the full-text, trigram and sentence-embedding rankings, 0 to 1 (best first)",
    }),
    evidence: t.exposeFloat("evidence", {
      description: "The larger of trigram similarity and the share of the text's word weight matched, 0 to 1",
    }),
    meaning: t.exposeFloat("meaning", {
      nullable: true,
      description: "Cosine similarity of the sentence embeddings (how close in meaning, -1 to 1); null when not computed",
    }),
    closeInMeaning: t.exposeBoolean("closeInMeaning", {
      description: "Says the same in other words: as close in meaning as a likely duplicate, however few words it shares",
    }),
    level: t.expose("level", { type: MatchLevelEnum }),
    claim: t.prismaField({
      type: "Claim",
      nullable: true,
      resolve: (query, row, _a, ctx) =>
        row.claimId ? ctx.prisma.claim.findUnique({ ...selection(query), where: { id: row.claimId } }) : null,
    }),
    publishedFactCheck: t.prismaField({
      type: "FactCheck",
      nullable: true,
      resolve: (query, row, _a, ctx) =>
        row.claimId ? ctx.prisma.factCheck.findFirst({ ...selection(query), where: { claimId: row.claimId, status: "PUBLISHED" } }) : null,
    }),
    externalFactCheck: t.prismaField({
      type: "ExternalFactCheck",
      nullable: true,
      resolve: (query, row, _a, ctx) =>
        row.externalId ? ctx.prisma.externalFactCheck.findUnique({ ...selection(query), where: { id: row.externalId } }) : null,
    }),
  }),
});

builder.queryField("similarClaims", (t) =>
  t.field({
    type: [ClaimMatchRef],
    description: "Existing claims and fact-checks close to a text being written: has this been checked already?",
    authScopes: { staff: true },
    args: {
      text: t.arg.string({ required: true }),
      excludeClaimId: t.arg.globalID({ for: ClaimRef, required: false }),
      first: t.arg.int({ required: false, defaultValue: 5 }),
    },
    resolve: (_root, args, ctx) => {
      const text = args.text.trim();
      if (codePointLength(text) < 8) return [];
      return findSimilarClaims(ctx.prisma, text.slice(0, 2000), {
        excludeClaimId: args.excludeClaimId?.id,
        limit: Math.min(args.first ?? 5, 50),
      });
    },
  }),
);

builder.prismaObjectFields(ClaimRef, (t) => ({
  matches: t.field({
    type: [ClaimMatchRef],
    description: "Other claims this one may duplicate",
    select: { id: true, claimReviewed: true },
    resolve: (claim, _args, ctx) => findSimilarClaims(ctx.prisma, claim.claimReviewed, { excludeClaimId: claim.id, limit: 5 }),
  }),
}));

const KnownClaimRef = builder
  .objectRef<{ sentence: string; spanStart: number; spanEnd: number; factCheckId: string; score: number }>("RecurringClaim")
  .implement({
    description: "A sentence of an article that repeats a claim already fact-checked",
    fields: (t) => ({
      sentence: t.exposeString("sentence"),
      spanStart: t.exposeInt("spanStart"),
      spanEnd: t.exposeInt("spanEnd"),
      score: t.exposeFloat("score"),
      factCheck: t.prismaField({
        type: "FactCheck",
        resolve: (query, row, _a, ctx) => ctx.prisma.factCheck.findUniqueOrThrow({ ...selection(query), where: { id: row.factCheckId } }),
      }),
    }),
  });

builder.prismaObjectFields(ArticleRef, (t) => ({
  recurringClaims: t.field({
    type: [KnownClaimRef],
    description: "Alert: published fact-checks whose claim reappears in this article",
    authScopes: { staff: true },
    select: { body: true },
    resolve: async (article, _args, ctx) => {
      const sentences = splitSentences(article.body).filter((s) => codePointLength(s.text) >= 20);
      const matches = await findRecurringFactChecks(
        ctx.prisma,
        sentences.map((s) => s.text),
      );
      return matches
        .map((m) => ({
          sentence: sentences[m.index]!.text,
          spanStart: sentences[m.index]!.start,
          spanEnd: sentences[m.index]!.end,
          factCheckId: m.factCheckId,
          score: m.score,
        }))
        .sort((a, b) => b.score - a.score);
    },
  }),
}));

// ---------------------------------------------------------------- editor decisions

builder.mutationField("confirmDuplicate", (t) =>
  t.prismaField({
    type: "Claim",
    description:
      "Marks a claim as a duplicate of a canonical one (editors, or its fact-checker). With reuseVerdict, the canonical claim's verdict and explanation are copied.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, WorkflowError] },
    args: {
      claimId: t.arg.globalID({ for: ClaimRef, required: true }),
      canonicalId: t.arg.globalID({ for: ClaimRef, required: true }),
      reuseVerdict: t.arg.boolean({ required: false, defaultValue: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = await claims.confirmDuplicate(ctx, args.claimId.id, args.canonicalId.id, !!args.reuseVerdict);
      return ctx.prisma.claim.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

builder.mutationField("rejectMatch", (t) =>
  t.prismaField({
    type: "Claim",
    description: "Records that a suggested match is not the same claim.",
    authScopes: { deskWriter: true },
    errors: { types: [ForbiddenError, NotFoundError] },
    args: { claimId: t.arg.globalID({ for: ClaimRef, required: true }), candidateId: t.arg.globalID({ for: ClaimRef, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await claims.rejectMatch(ctx, args.claimId.id, args.candidateId.id);
      return ctx.prisma.claim.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

export { FactCheckRef };
