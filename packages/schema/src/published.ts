import type { PublishedRecord } from "@claimdesk/desk";
import { type PublicFactCheck, buildClaimReview } from "./claim-review.ts";

/** The public fields ClaimReview is built from, taken from the published record alone (null without a verdict). */
export function publicFactCheckOf(record: PublishedRecord, newsroom: { name: string; url: string }): PublicFactCheck | null {
  if (!record.rating) return null;
  return {
    url: record.url,
    headline: record.headline || null,
    summary: record.summary,
    explanation: record.explanation,
    claimReviewed: record.claimReviewed,
    claimDate: record.claimDate,
    rating: {
      label: record.rating.label,
      value: record.rating.value,
      definition: record.rating.definition ?? "",
      best: record.rating.best,
      worst: record.rating.worst,
    },
    speaker: record.speaker ? { ...record.speaker, kind: record.speaker.kind ?? "PERSON" } : null,
    appearances: record.appearances.map((a) => ({
      url: a.article.canonicalUrl,
      title: a.article.title,
      publishedAt: a.article.publishedAt,
      outlet: a.article.outlet ? { name: a.article.outlet, url: a.article.outletUrl ?? null } : null,
    })),
    sources: record.evidence.map((e) => ({ url: e.source.url, title: e.source.title })),
    datePublished: record.datePublished,
    dateModified: record.dateModified,
    newsroom,
  };
}

/** ClaimReview JSON-LD of a public record (null without a verdict): built from the record alone. */
export function claimReviewOf(record: PublishedRecord, newsroom: { name: string; url: string }): Record<string, unknown> | null {
  const fields = publicFactCheckOf(record, newsroom);
  return fields ? buildClaimReview(fields) : null;
}
