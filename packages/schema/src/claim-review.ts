/**
 * schema.org ClaimReview JSON-LD for a fact-check, as search engines and
 * fact-check aggregators read it.
 *
 * `buildClaimReview` is a pure function of the public fields of a fact-check
 * (`PublicFactCheck`); `publicFactCheckOf` in published.ts takes them from the
 * published record, the only source ClaimReview reads.
 */

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
              ...(speaker.kind !== "ORGANIZATION" && speaker.affiliation
                ? { affiliation: { "@type": "Organization", name: speaker.affiliation } }
                : {}),
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
