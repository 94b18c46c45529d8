/**
 * What publishing a claim would put in front of readers: the public page's
 * fields and its social card, from the draft as it is now (never stored).
 */
import { type PublishedRecord, factChecks } from "@claimdesk/desk";
import { builder } from "../builder.ts";
import { claimReviewOf } from "../published.ts";
import { ClaimRef } from "./claim.ts";
import { CorrectionRef, PublishedAppearance, PublishedEvidence, PublishedSpeaker } from "./fact-check.ts";
import { RatingRef } from "./rating.ts";

const PublicationPreview = builder.objectRef<PublishedRecord>("PublicationPreview").implement({
  description: "The public fact-check this claim would publish as now: the same fields as FactCheck's public record, not stored",
  fields: (t) => ({
    headline: t.exposeString("headline"),
    summary: t.exposeString("summary", { nullable: true }),
    url: t.string({
      nullable: true,
      description: "The public page's URL: kept from an earlier publication, or null until the first one sets it",
      resolve: (r) => r.url || null,
    }),
    publisherName: t.exposeString("publisherName"),
    publishedAt: t.expose("datePublished", { type: "DateTime", description: "The first publication's date, or now" }),
    dateModified: t.expose("dateModified", { type: "DateTime", nullable: true }),
    claimReviewed: t.exposeString("claimReviewed"),
    quote: t.exposeString("quote"),
    explanation: t.string({ description: "Markdown", resolve: (r) => r.explanation ?? "" }),
    rating: t.field({
      type: RatingRef,
      nullable: true,
      description: "The verdict it would carry (null: none set yet, publishing would be refused)",
      resolve: (r, _args, ctx) => (r.rating ? ctx.prisma.rating.findUnique({ where: { id: r.rating.id } }) : null),
    }),
    speaker: t.field({ type: PublishedSpeaker, nullable: true, resolve: (r) => r.speaker }),
    appearances: t.field({ type: [PublishedAppearance], resolve: (r) => r.appearances }),
    evidence: t.field({ type: [PublishedEvidence], resolve: (r) => r.evidence }),
    corrections: t.field({
      type: [CorrectionRef],
      description: "The corrections an earlier publication carries (republishing keeps them), oldest first",
      resolve: (r, _args, ctx) =>
        r.id ? ctx.prisma.correction.findMany({ where: { factCheckId: r.id }, orderBy: { createdAt: "asc" } }) : [],
    }),
    claimReview: t.field({
      type: "JSON",
      nullable: true,
      description: "The ClaimReview JSON-LD it would carry (null without a verdict)",
      resolve: (r, _args, ctx) => claimReviewOf(r, ctx.newsroom),
    }),
  }),
});

builder.objectField(ClaimRef, "publicationPreview", (t) =>
  t.field({
    type: PublicationPreview,
    nullable: true,
    description: "The public page and social card publishing would produce now, with the headline and summary being written (staff)",
    args: {
      headline: t.arg.string({ required: false, description: "The headline being written (default: the published one, if any)" }),
      summary: t.arg.string({ required: false, description: "The summary being written" }),
    },
    resolve: (claim, args, ctx) => factChecks.previewPublication(ctx, claim.id, args),
  }),
);
