/**
 * Has this been checked already? Finds existing claims close to a text with
 * PostgreSQL trigram similarity (pg_trgm), widened by full-text search.
 * Two thresholds, as in established matching tools: above `suggest` a match
 * is shown; above `likelyDuplicate` it is flagged as probably the same claim.
 */
import type { Prisma } from "@claimdesk/db";

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
  options: { excludeClaimId?: string | null; publishedOnly?: boolean; includeExternal?: boolean; limit?: number } = {},
): Promise<ClaimMatchRow[]> {
  const rows = await prisma.$queryRaw<{ claimId: string | null; externalId: string | null; score: number }[]>`
    SELECT * FROM (
      SELECT c.id AS "claimId", NULL::text AS "externalId",
             greatest(similarity(c."claimReviewed", ${text}), similarity(c."quote", ${text}))::float8 AS score
      FROM "Claim" c
      WHERE (c."claimReviewed" % ${text}
             OR to_tsvector('english'::regconfig, c."quote" || ' ' || c."claimReviewed") @@ plainto_tsquery('english', ${text}))
        AND c.id <> ${options.excludeClaimId ?? ""}
        AND (${options.publishedOnly ?? false} = false OR EXISTS (SELECT 1 FROM "FactCheck" f WHERE f."claimId" = c.id AND f.status = 'PUBLISHED'))
      UNION ALL
      SELECT NULL::text, e.id, similarity(e."claimReviewed", ${text})::float8
      FROM "ExternalFactCheck" e
      WHERE ${options.includeExternal ?? true} AND e."claimReviewed" % ${text}
    ) m
    ORDER BY score DESC, coalesce("claimId", "externalId")
    LIMIT ${options.limit ?? 10}`;
  return rows.flatMap((row) => {
    const level = levelOf(row.score);
    return level ? [{ claimId: row.claimId, externalId: row.externalId, score: Math.round(row.score * 1000) / 1000, level }] : [];
  });
}
