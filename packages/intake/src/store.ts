import type { Prisma } from "@claimdesk/db";

export interface ArticleToStore {
  title: string;
  canonicalUrl: string | null;
  byline: string | null;
  publishedAt: Date | null;
  language: string;
  body: string;
}

/**
 * Saves an article unless one with its canonical URL is already in the desk,
 * in which case that one is returned (`created: false`). Call inside a
 * transaction together with whatever records the intake.
 */
export async function storeArticle(
  tx: Prisma.TransactionClient,
  article: ArticleToStore,
  outlet: { id: string } | { name: string } | null,
): Promise<{ id: string; created: boolean }> {
  if (article.canonicalUrl) {
    const existing = await tx.article.findUnique({ where: { canonicalUrl: article.canonicalUrl }, select: { id: true } });
    if (existing) return { id: existing.id, created: false };
  }
  const outletId = !outlet
    ? null
    : "id" in outlet
      ? outlet.id
      : (await tx.outlet.upsert({ where: { name: outlet.name }, create: { name: outlet.name }, update: {}, select: { id: true } })).id;
  const created = await tx.article.create({ data: { ...article, outletId }, select: { id: true } });
  return { id: created.id, created: true };
}

/** A unique-index violation: a concurrent ingest of the same canonical URL won. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}
