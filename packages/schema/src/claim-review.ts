/**
 * schema.org ClaimReview JSON-LD for a fact-check, as search engines and
 * fact-check aggregators read it.
 */
import type { Prisma, PrismaClient } from "@claimdesk/db";

export interface ClaimReviewInput {
  url: string;
  headline: string | null;
  datePublished: Date;
  dateModified: Date | null;
  claimReviewed: string;
  claimDate: Date | null;
  speaker: { name: string; title: string | null; affiliation: string | null; sameAs: string[] } | null;
  appearances: { url: string | null; title: string; publishedAt: Date | null; outlet: string | null }[];
  rating: { label: string; value: number };
  scale: { best: number; worst: number };
  newsroom: { name: string; url: string };
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function buildClaimReview(input: ClaimReviewInput): Record<string, unknown> {
  const appearances = input.appearances.map((a) => ({
    "@type": "CreativeWork",
    ...(a.url ? { url: a.url } : {}),
    headline: a.title,
    ...(a.publishedAt ? { datePublished: isoDate(a.publishedAt) } : {}),
    ...(a.outlet ? { publisher: { "@type": "Organization", name: a.outlet } } : {}),
  }));
  const earliest = [...input.appearances.entries()].sort(([, a], [, b]) => (a.publishedAt?.getTime() ?? Infinity) - (b.publishedAt?.getTime() ?? Infinity))[0];
  const claimDate = input.claimDate ?? earliest?.[1].publishedAt ?? null;
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: input.url,
    ...(input.headline ? { headline: input.headline } : {}),
    claimReviewed: input.claimReviewed,
    datePublished: isoDate(input.datePublished),
    ...(input.dateModified ? { dateModified: input.dateModified.toISOString() } : {}),
    author: { "@type": "Organization", name: input.newsroom.name, url: input.newsroom.url },
    reviewRating: {
      "@type": "Rating",
      ratingValue: input.rating.value,
      bestRating: input.scale.best,
      worstRating: input.scale.worst,
      alternateName: input.rating.label,
    },
    itemReviewed: {
      "@type": "Claim",
      ...(input.speaker
        ? {
            author: {
              "@type": "Person",
              name: input.speaker.name,
              ...(input.speaker.title ? { jobTitle: input.speaker.title } : {}),
              ...(input.speaker.affiliation ? { affiliation: { "@type": "Organization", name: input.speaker.affiliation } } : {}),
              ...(input.speaker.sameAs.length ? { sameAs: input.speaker.sameAs } : {}),
            },
          }
        : {}),
      ...(claimDate ? { datePublished: isoDate(claimDate) } : {}),
      ...(appearances.length ? { appearance: appearances, firstAppearance: appearances[earliest?.[0] ?? 0] } : {}),
    },
  };
}

const claimInclude = {
  speaker: true,
  appearances: { include: { article: { include: { outlet: true } } }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.ClaimInclude;

/** Loads what a ClaimReview needs for one claim, with `rating` the verdict to publish. */
export async function claimReviewFor(
  prisma: PrismaClient,
  claimId: string,
  publication: { url: string; headline: string | null; datePublished: Date; dateModified: Date | null; ratingId: string | null },
  newsroom: { name: string; url: string },
): Promise<Record<string, unknown> | null> {
  if (!publication.ratingId) return null;
  const [claim, rating] = await Promise.all([
    prisma.claim.findUnique({ where: { id: claimId }, include: claimInclude }),
    prisma.rating.findUnique({ where: { id: publication.ratingId }, include: { scale: { include: { ratings: { select: { value: true } } } } } }),
  ]);
  if (!claim || !rating) return null;
  const values = rating.scale.ratings.map((r) => r.value);
  return buildClaimReview({
    ...publication,
    claimReviewed: claim.claimReviewed,
    claimDate: claim.claimDate,
    speaker: claim.speaker,
    appearances: claim.appearances.map((a) => ({ url: a.article.canonicalUrl, title: a.article.title, publishedAt: a.article.publishedAt, outlet: a.article.outlet?.name ?? null })),
    rating: { label: rating.label, value: rating.value },
    scale: { best: Math.max(...values), worst: Math.min(...values) },
    newsroom,
  });
}
