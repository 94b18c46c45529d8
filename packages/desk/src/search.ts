/**
 * The full-text filter of the claims, articles and sources lists: the ids
 * whose stored "searchVector" (a generated tsvector, GIN-indexed) matches the
 * words, all of them, so pages and totalCount are exact at any size. The ids
 * go to the list's read as one array parameter (`id = ANY($1)`).
 */
import type { Prisma } from "@claimdesk/db";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

export type Searchable = "Claim" | "Article" | "Source";

export async function fullTextIds(db: Reader, table: Searchable, words: string): Promise<string[]> {
  const query = words.trim();
  const rows =
    table === "Claim"
      ? await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Claim" WHERE "searchVector" @@ websearch_to_tsquery('english', ${query})`
      : table === "Article"
        ? await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Article" WHERE "searchVector" @@ websearch_to_tsquery('english', ${query})`
        : // Sources are also found by part of their URL.
          await db.$queryRaw<
            { id: string }[]
          >`SELECT id FROM "Source" WHERE "searchVector" @@ websearch_to_tsquery('english', ${query}) OR "url" ILIKE ${`%${query}%`}`;
  return rows.map((row) => row.id);
}

export interface SearchHit {
  kind: Searchable;
  id: string;
  rank: number;
}

/**
 * Articles, claims and sources in one ranked list (claims weigh double: they
 * are what the desk works on), best first.
 */
export async function searchAll(db: Reader, words: string, first: number): Promise<SearchHit[]> {
  const query = words.trim();
  return db.$queryRaw<SearchHit[]>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS q)
    SELECT * FROM (
      SELECT 'Article' AS kind, a.id, ts_rank_cd(a."searchVector", q.q)::float8 AS rank
      FROM "Article" a, q WHERE a."searchVector" @@ q.q
      UNION ALL
      SELECT 'Claim', c.id, ts_rank_cd(c."searchVector", q.q)::float8 * 2
      FROM "Claim" c, q WHERE c."searchVector" @@ q.q
      UNION ALL
      SELECT 'Source', s.id, ts_rank_cd(s."searchVector", q.q)::float8
      FROM "Source" s, q WHERE s."searchVector" @@ q.q
    ) hits ORDER BY rank DESC, id LIMIT ${first}`;
}
