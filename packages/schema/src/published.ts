import type { PublishedRecord } from "@claimdesk/desk";
import { buildClaimReview } from "./claim-review.ts";

/** ClaimReview JSON-LD of a public record (null without a verdict): built from the record alone. */
export function claimReviewOf(record: PublishedRecord, newsroom: { name: string; url: string }): Record<string, unknown> | null {
  if (!record.rating) return null;
  return buildClaimReview({
    url: record.url,
    headline: record.headline || null,
    datePublished: record.datePublished,
    dateModified: record.dateModified,
    claimReviewed: record.claimReviewed,
    claimDate: record.claimDate,
    speaker: record.speaker,
    appearances: record.appearances.map((a) => ({ url: a.article.canonicalUrl, title: a.article.title, publishedAt: a.article.publishedAt, outlet: a.article.outlet })),
    rating: { label: record.rating.label, value: record.rating.value },
    scale: { best: record.rating.best, worst: record.rating.worst },
    newsroom,
  });
}
