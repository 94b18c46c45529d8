/**
 * Has this been checked already? Finds existing claims close to a text with
 * PostgreSQL trigram similarity (pg_trgm), widened by full-text search.
 * Two thresholds, as in established matching tools: above `suggest` a match
 * is shown; above `likelyDuplicate` it is flagged as probably the same claim.
 */
import { Prisma } from "@claimdesk/db";

export const matchThresholds = { suggest: 0.3, likelyDuplicate: 0.6 } as const;

export type MatchLevel = "LIKELY_DUPLICATE" | "SUGGEST";

/** A match is one of our claims, or a fact-check imported from elsewhere. */
export interface ClaimMatchRow {
  claimId: string | null;
  externalId: string | null;
  score: number;
  level: MatchLevel;
}

export function levelOf(score: number): MatchLevel | null {
  if (score >= matchThresholds.likelyDuplicate) return "LIKELY_DUPLICATE";
  if (score >= matchThresholds.suggest) return "SUGGEST";
  return null;
}

/** The claims (and imported fact-checks) most similar to `text`, best first, at or above the suggest threshold. */
export async function findSimilarClaims(
  prisma: Prisma.TransactionClient,
  text: string,
  options: { excludeClaimId?: string | null; limit?: number } = {},
): Promise<ClaimMatchRow[]> {
  const rows = await prisma.$queryRaw<{ claimId: string | null; externalId: string | null; score: number }[]>`
    SELECT * FROM (
      SELECT c.id AS "claimId", NULL::text AS "externalId",
             greatest(similarity(c."claimReviewed", ${text}), similarity(c."quote", ${text}))::float8 AS score
      FROM "Claim" c
      WHERE (c."claimReviewed" % ${text}
             OR c."searchVector" @@ plainto_tsquery('english', ${text}))
        AND c.id <> ${options.excludeClaimId ?? ""}
      UNION ALL
      SELECT NULL::text, e.id, similarity(e."claimReviewed", ${text})::float8
      FROM "ExternalFactCheck" e
      WHERE e."claimReviewed" % ${text}
    ) m
    ORDER BY score DESC, coalesce("claimId", "externalId")
    LIMIT ${options.limit ?? 10}`;
  return rows.flatMap((row) => {
    const level = levelOf(row.score);
    return level ? [{ claimId: row.claimId, externalId: row.externalId, score: Math.round(row.score * 1000) / 1000, level }] : [];
  });
}

/**
 * For each sentence, the best-matching published fact-check at or above the
 * suggest threshold: one statement for the whole article.
 */
export async function findRecurringFactChecks(
  prisma: Prisma.TransactionClient,
  sentences: string[],
): Promise<{ index: number; factCheckId: string; score: number }[]> {
  if (sentences.length === 0) return [];
  const values = Prisma.join(sentences.map((text, i) => Prisma.sql`(${i}::int, ${text}::text)`));
  // Per sentence (LATERAL), each looking its candidates up in the trigram
  // indexes over published claims only (a claim is PUBLISHED exactly while its
  // fact-check is). Without `c.status` the planner cannot use those indexes
  // and compares every sentence with every claim.
  const rows = await prisma.$queryRaw<{ index: number; factCheckId: string; score: number }[]>`
    SELECT s.idx AS "index", m."factCheckId", m.score
    FROM (VALUES ${values}) AS s(idx, text)
    CROSS JOIN LATERAL (
      SELECT f.id AS "factCheckId", greatest(similarity(c."claimReviewed", s.text), similarity(c."quote", s.text))::float8 AS score
      FROM "Claim" c
      JOIN "FactCheck" f ON f."claimId" = c.id AND f.status = 'PUBLISHED'
      WHERE c.status = 'PUBLISHED' AND (c."claimReviewed" % s.text OR c."quote" % s.text)
      ORDER BY score DESC, f.id
      LIMIT 1
    ) m
    ORDER BY s.idx`;
  return rows.filter((row) => levelOf(row.score)).map((row) => ({ ...row, score: Math.round(row.score * 1000) / 1000 }));
}
