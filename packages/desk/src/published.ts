/**
 * Published means frozen. At publication the fact-check stores what the
 * public reads (its snapshot, built by the database's published_snapshot() in
 * one statement); afterwards desk edits change the desk, and only a correction
 * changes the publication. Public fields, public pages and ClaimReview all
 * read the record through `publishedRecord`.
 */
import type { Prisma } from "@claimdesk/db";
import type { Tx } from "./unit-of-work.ts";

export interface PublishedRating {
  id: string;
  label: string;
  value: number;
  color: string;
  best: number;
  worst: number;
  /** The rating's definition (ClaimReview ratingExplanation); absent in snapshots taken before it was stored. */
  definition?: string;
}

export interface PublishedSnapshot {
  /** The claim's version this was taken from. */
  claimVersion: number;
  quote: string;
  claimReviewed: string;
  explanation: string | null;
  claimDate: string | null;
  tags: string[];
  rating: PublishedRating | null;
  speaker: { name: string; kind?: "PERSON" | "ORGANIZATION"; title: string | null; affiliation: string | null; sameAs: string[] } | null;
  appearances: {
    quote: string;
    spanStart: number;
    spanEnd: number;
    article: { title: string; canonicalUrl: string | null; publishedAt: string | null; outlet: string | null; outletUrl?: string | null };
  }[];
  evidence: {
    stance: string;
    passage: string | null;
    location: string | null;
    source: { url: string | null; title: string; publisher: string | null; archivedUrl: string | null; type: string };
  }[];
}

/** The public record of a fact-check: a plain object, as readers and ClaimReview see it. */
export interface PublishedRecord extends Omit<PublishedSnapshot, "claimDate" | "appearances"> {
  id: string;
  /** The one public URL (from the slug set at publication). */
  url: string;
  slug: string | null;
  headline: string;
  summary: string | null;
  publisherName: string;
  datePublished: Date;
  /** The last correction's or retraction's date, or null: the one dateModified rule (see lastModified). */
  dateModified: Date | null;
  claimDate: Date | null;
  appearances: (Omit<PublishedSnapshot["appearances"][number], "article"> & {
    article: Omit<PublishedSnapshot["appearances"][number]["article"], "publishedAt"> & { publishedAt: Date | null };
  })[];
  corrections: number;
}

/** The columns `publishedRecord` reads. */
export const publishedRecordSelect = {
  id: true,
  claimId: true,
  url: true,
  slug: true,
  headline: true,
  summary: true,
  publisherName: true,
  publishedAt: true,
  updatedAt: true,
  snapshot: true,
  _count: { select: { corrections: true } },
  corrections: { select: { createdAt: true, retractedAt: true } },
} satisfies Prisma.FactCheckSelect;

/** dateModified: the latest correction or retraction of one, or null (never corrected). */
export function lastModified(corrections: { createdAt: Date; retractedAt: Date | null }[]): Date | null {
  let last: Date | null = null;
  for (const c of corrections) for (const d of [c.createdAt, c.retractedAt]) if (d && (!last || d > last)) last = d;
  return last;
}

export type PublishedRow = Prisma.FactCheckGetPayload<{ select: typeof publishedRecordSelect }>;

type Reader = Pick<Tx, "$queryRaw">;

/** The snapshot the desk would publish for a claim now (previews; fact-checks stored before snapshots existed). */
export async function currentSnapshot(db: Reader, claimId: string): Promise<PublishedSnapshot | null> {
  const rows = await db.$queryRaw<{ snapshot: PublishedSnapshot | null }[]>`SELECT published_snapshot(${claimId}) AS snapshot`;
  return rows[0]?.snapshot ?? null;
}

/** The one way to read what the public sees of a fact-check. */
export async function publishedRecord(db: Reader, row: PublishedRow, baseUrl: string): Promise<PublishedRecord | null> {
  const snapshot = (row.snapshot as PublishedSnapshot | null) ?? (await currentSnapshot(db, row.claimId));
  if (!snapshot) return null;
  return recordOf(row, snapshot, baseUrl);
}

export function recordOf(row: Omit<PublishedRow, "snapshot" | "claimId">, snapshot: PublishedSnapshot, baseUrl: string): PublishedRecord {
  const date = (value: string | null) => (value ? new Date(value) : null);
  return {
    ...snapshot,
    id: row.id,
    url: row.slug ? factCheckUrl(baseUrl, row.slug) : (row.url ?? factCheckUrl(baseUrl, row.id)),
    slug: row.slug,
    headline: row.headline,
    summary: row.summary,
    publisherName: row.publisherName,
    datePublished: row.publishedAt,
    dateModified: lastModified(row.corrections),
    claimDate: date(snapshot.claimDate),
    appearances: snapshot.appearances.map((a) => ({ ...a, article: { ...a.article, publishedAt: date(a.article.publishedAt) } })),
    corrections: row._count.corrections,
  };
}

/** Where the public page of a fact-check lives: /fact-checks/<slug>, its one URL. */
export function factCheckUrl(baseUrl: string, slug: string): string {
  return `${baseUrl.replace(/\/$/, "")}/fact-checks/${slug}`;
}

/**
 * The public record publishing the claim now would produce, with the headline
 * and summary being typed (previews). A claim published before keeps its URL
 * and corrections; a first publication's URL is set when it happens (null).
 */
export async function previewRecord(
  db: Reader & Pick<Tx, "factCheck">,
  claimId: string,
  draft: { headline?: string | null; summary?: string | null },
  baseUrl: string,
  publisherName: string,
): Promise<PublishedRecord | null> {
  const snapshot = await currentSnapshot(db, claimId);
  if (!snapshot) return null;
  const fc = await db.factCheck.findUnique({ where: { claimId }, select: publishedRecordSelect });
  const now = new Date();
  const record = recordOf(
    {
      id: fc?.id ?? "",
      url: null,
      slug: fc?.slug ?? null,
      headline: draft.headline?.trim() || fc?.headline || "",
      summary: draft.summary?.trim() || (draft.summary === undefined ? (fc?.summary ?? null) : null),
      publisherName: fc?.publisherName ?? publisherName,
      publishedAt: fc?.publishedAt ?? now,
      updatedAt: fc?.updatedAt ?? now,
      _count: { corrections: fc?._count.corrections ?? 0 },
      corrections: fc?.corrections ?? [],
    },
    snapshot,
    baseUrl,
  );
  return fc?.slug ? record : { ...record, url: "" };
}
