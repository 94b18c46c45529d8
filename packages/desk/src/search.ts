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
          await db.$queryRaw<{ id: string }[]>`SELECT id FROM "Source" WHERE "searchVector" @@ websearch_to_tsquery('english', ${query}) OR "url" ILIKE ${`%${query}%`}`;
  return rows.map((row) => row.id);
}
