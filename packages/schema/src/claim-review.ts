/**
 * schema.org ClaimReview JSON-LD for a fact-check, as search engines and
 * fact-check aggregators read it.
 *
 * `buildClaimReview` is a pure function of the public fields of a fact-check
 * (`PublicFactCheck`, plain data that may come from the database or from a
 * frozen snapshot as JSON); the loaders below only gather those fields.
 */
import type { Prisma, PrismaClient } from "@claimdesk/db";

type DateLike = Date | string;

export interface PublicFactCheck {
  /** The fact-check's one public URL. */
  url: string;
  headline: string | null;
  summary?: string | null;
  /** Markdown; not emitted (reviewBody is the summary), kept for snapshots. */
  explanation?: string | null;
  claimReviewed: string;
  claimDate: DateLike | null;
  rating: { label: string; value: number; definition: string; best: number; worst: number };
  speaker: { name: string; kind: "PERSON" | "ORGANIZATION"; title?: string | null; affiliation?: string | null; sameAs?: string[] } | null;
  appearances: { url: string | null; title: string; publishedAt: DateLike | null; outlet: { name: string; url?: string | null } | null }[];
  sources: { url: string | null; title: string }[];
  datePublished: DateLike;
  /** The last correction's date, or null: the one dateModified rule. */
  dateModified: DateLike | null;
  newsroom: { name: string; url: string };
}

const toDate = (d: DateLike) => (d instanceof Date ? d : new Date(d));
const isoDate = (d: DateLike) => toDate(d).toISOString().slice(0, 10);
const time = (d: DateLike | null) => (d == null ? Infinity : toDate(d).getTime());

export function buildClaimReview(fc: PublicFactCheck): Record<string, unknown> {
  // An appearance without a URL is still an inline description (Google accepts
  // either); firstAppearance prefers the earliest one that can be followed.
  const appearances = fc.appearances.map((a) => ({
    "@type": "CreativeWork",
    ...(a.url ? { url: a.url } : {}),
    headline: a.title,
    ...(a.publishedAt ? { datePublished: isoDate(a.publishedAt) } : {}),
    ...(a.outlet ? { publisher: { "@type": "Organization", name: a.outlet.name, ...(a.outlet.url ? { url: a.outlet.url } : {}) } } : {}),
  }));
  const order = [...fc.appearances.keys()].sort((i, j) => time(fc.appearances[i]!.publishedAt) - time(fc.appearances[j]!.publishedAt));
  const first = order.find((i) => fc.appearances[i]!.url) ?? order[0];
  const earliestDate = order.length ? fc.appearances[order[0]!]!.publishedAt : null;
  const claimDate = fc.claimDate ?? earliestDate ?? null;
  const speaker = fc.speaker;
  const citations = fc.sources.map((s) => ({ "@type": "CreativeWork", name: s.title, ...(s.url ? { url: s.url } : {}) }));
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: fc.url,
    ...(fc.headline ? { headline: fc.headline } : {}),
    ...(fc.summary ? { reviewBody: fc.summary } : {}),
    claimReviewed: fc.claimReviewed,
    datePublished: isoDate(fc.datePublished),
    ...(fc.dateModified ? { dateModified: toDate(fc.dateModified).toISOString() } : {}),
    author: { "@type": "Organization", name: fc.newsroom.name, url: fc.newsroom.url },
    reviewRating: {
      "@type": "Rating",
      ratingValue: fc.rating.value,
      bestRating: fc.rating.best,
      worstRating: fc.rating.worst,
      name: fc.rating.label,
      alternateName: fc.rating.label,
      ...(fc.rating.definition ? { ratingExplanation: fc.rating.definition } : {}),
    },
    itemReviewed: {
      "@type": "Claim",
      ...(speaker
        ? {
            author: {
              "@type": speaker.kind === "ORGANIZATION" ? "Organization" : "Person",
              name: speaker.name,
              // jobTitle and affiliation are Person properties; an organisation has neither.
              ...(speaker.kind !== "ORGANIZATION" && speaker.title ? { jobTitle: speaker.title } : {}),
              ...(speaker.kind !== "ORGANIZATION" && speaker.affiliation ? { affiliation: { "@type": "Organization", name: speaker.affiliation } } : {}),
              ...(speaker.sameAs?.length ? { sameAs: speaker.sameAs } : {}),
            },
          }
        : {}),
      ...(claimDate ? { datePublished: isoDate(claimDate) } : {}),
      ...(appearances.length ? { appearance: appearances, firstAppearance: appearances[first ?? 0] } : {}),
    },
    ...(citations.length ? { citation: citations } : {}),
  };
}

/** The one public URL of a fact-check. */
export function publicFactCheckUrl(newsroomUrl: string, slug: string): string {
  return `${newsroomUrl.replace(/\/$/, "")}/fact-checks/${slug}`;
}

const claimInclude = {
  speaker: true,
  appearances: { include: { article: { include: { outlet: true } } }, orderBy: { createdAt: "asc" } },
  sources: { include: { source: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.ClaimInclude;

type LoadedClaim = Prisma.ClaimGetPayload<{ include: typeof claimInclude }>;

async function loadRating(prisma: PrismaClient, ratingId: string) {
  const rating = await prisma.rating.findUnique({ where: { id: ratingId }, include: { scale: { include: { ratings: { select: { value: true } } } } } });
  if (!rating) return null;
  const values = rating.scale.ratings.map((r) => r.value);
  return { label: rating.label, value: rating.value, definition: rating.description, best: Math.max(...values), worst: Math.min(...values) };
}

function claimFields(claim: LoadedClaim): Pick<PublicFactCheck, "claimReviewed" | "claimDate" | "speaker" | "appearances" | "sources"> {
  return {
    claimReviewed: claim.claimReviewed,
    claimDate: claim.claimDate,
    speaker: claim.speaker,
    appearances: claim.appearances.map((a) => ({
      url: a.article.canonicalUrl,
      title: a.article.title,
      publishedAt: a.article.publishedAt,
      outlet: a.article.outlet ? { name: a.article.outlet.name, url: a.article.outlet.url } : null,
    })),
    sources: claim.sources.map((s) => ({ url: s.source.url, title: s.source.title })),
  };
}

/** The public fields of a fact-check as it stands in the database (null if it has no verdict). */
export async function publicFactCheckFields(prisma: PrismaClient, factCheckId: string, newsroom: { name: string; url: string }): Promise<PublicFactCheck | null> {
  const fc = await prisma.factCheck.findUnique({
    where: { id: factCheckId },
    include: { claim: { include: claimInclude }, corrections: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } } },
  });
  if (!fc?.slug) return null;
  const rating = await loadRating(prisma, fc.ratingId);
  if (!rating) return null;
  return {
    url: publicFactCheckUrl(newsroom.url, fc.slug),
    headline: fc.headline,
    summary: fc.summary,
    explanation: fc.explanation,
    ...claimFields(fc.claim),
    rating,
    datePublished: fc.publishedAt,
    dateModified: fc.corrections[0]?.createdAt ?? null,
    newsroom,
  };
}

/** The ClaimReview of a published fact-check. */
export async function factCheckClaimReview(prisma: PrismaClient, factCheckId: string, newsroom: { name: string; url: string }): Promise<Record<string, unknown> | null> {
  const fields = await publicFactCheckFields(prisma, factCheckId, newsroom);
  return fields ? buildClaimReview(fields) : null;
}

/** What publishing a claim would produce now, with `publication` standing in for the fact-check. */
export async function claimReviewFor(
  prisma: PrismaClient,
  claimId: string,
  publication: { url: string; headline: string | null; datePublished: Date; dateModified: Date | null; ratingId: string | null },
  newsroom: { name: string; url: string },
): Promise<Record<string, unknown> | null> {
  if (!publication.ratingId) return null;
  const [claim, rating] = await Promise.all([prisma.claim.findUnique({ where: { id: claimId }, include: claimInclude }), loadRating(prisma, publication.ratingId)]);
  if (!claim || !rating) return null;
  return buildClaimReview({ ...publication, ...claimFields(claim), rating, newsroom });
}
