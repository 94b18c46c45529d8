/**
 * Has this been checked already? Ranked retrieval of our claims and imported
 * fact-checks for a text (a claim being written, a sentence, a tweet).
 *
 * Three rankings, fused by reciprocal rank (RRF): full-text search on the
 * stored English vectors and on the language-neutral 'simple' ones, each
 * weighing the query's words by their rarity in the collection (IDF, counted
 * in the database), and trigram similarity. The top k come back with a score;
 * `likelyDuplicate` was chosen on CLEF-2020 task 2 training tweets (see
 * README). The interface (`ClaimMatcher`) takes other retrievers too, such as
 * a multilingual embedding model once one can be deployed.
 */
import { Prisma } from "@claimdesk/db";

/**
 * `evidence` (0 to 1): the larger of the trigram similarity and the share of
 * the query's word weight the candidate matches. Below `suggest` nothing is
 * shown; at `likelyDuplicate` or above, the best match is flagged.
 */
export const matchThresholds = { suggest: 0.12, likelyDuplicate: 0.5 } as const;

/** RRF: k and the weight of each ranking (chosen on the training tweets). */
export const fusion = { k: 20, english: 1, simple: 1, trigram: 0.6 } as const;

export type MatchLevel = "LIKELY_DUPLICATE" | "SUGGEST";

/** A match is one of our claims, or a fact-check imported from elsewhere. */
export interface ClaimMatchRow {
  claimId: string | null;
  externalId: string | null;
  /** Fused rank score, 0 to 1 (1: first in every ranking). */
  score: number;
  evidence: number;
  level: MatchLevel;
}

export interface ClaimMatcher {
  readonly name: string;
  find(prisma: Prisma.TransactionClient, text: string, options?: MatchOptions): Promise<ClaimMatchRow[]>;
}

export interface MatchOptions {
  excludeClaimId?: string | null;
  limit?: number;
  /** Imported fact-checks only (evaluation against a verified-claims collection). */
  externalOnly?: boolean;
  minEvidence?: number;
}

export function levelOf(evidence: number): MatchLevel | null {
  if (evidence >= matchThresholds.likelyDuplicate) return "LIKELY_DUPLICATE";
  if (evidence >= matchThresholds.suggest) return "SUGGEST";
  return null;
}

/** Tweets and pasted text: links, handles and sign-offs carry no claim; hashtags are words run together. */
export function normalizeQuery(text: string): string {
  return text
    .replace(/\bpic\.twitter\.com\/\S+/gi, " ")
    .replace(/https?:\/\/\S+/gi, " ")
    .replace(/[—–-]\s*[^—–\n]{0,60}\(@\w+\)\s*\w+\s+\d{1,2},\s+\d{4}\s*$/u, " ") // "— Name (@handle) January 6, 2020"
    .replace(/@\w+/g, " ")
    .replace(/#(\w+)/g, (_, tag: string) => tag.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/([A-Za-z])(\d)/g, "$1 $2"))
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

// English function words: rare enough in claims to look informative to IDF in the 'simple' ranking, yet say nothing.
const stopWords = new Set(
  "a an the of in on at to for from by with and or but is are was were be been being it its this that these those he she they them his her their we our i you your as so if than then there here have has had do does did not no can will would just about into over after before more most very what which who whom whose when where why how all any both each few other some such only own same too s t don now rt via amp".split(
    " ",
  ),
);

export function queryTerms(text: string): string[] {
  const words =
    normalizeQuery(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= 2 && !stopWords.has(w)))].slice(0, 64);
}

interface Candidate {
  kind: "c" | "e";
  id: string;
  english: number;
  simple: number;
  englishShare: number;
  simpleShare: number;
  trigram: number;
}

/** The candidates of each ranking with their raw scores: one statement. */
async function candidates(prisma: Prisma.TransactionClient, text: string, terms: string[], options: MatchOptions): Promise<Candidate[]> {
  const list = terms.join(" ");
  const exclude = options.excludeClaimId ?? "";
  const claims = options.externalOnly ? Prisma.sql`false` : Prisma.sql`true`;
  // Trigram candidates of their own (typos, other word forms) for claim-length text only: for a
  // long text pg_trgm's index finds nothing above its threshold and PostgreSQL scans every row.
  const trigramOwn = Array.from(text).length <= 200 ? Prisma.sql`true` : Prisma.sql`false`;
  return prisma.$queryRaw<Candidate[]>`
    WITH terms AS (SELECT DISTINCT t AS term FROM unnest(string_to_array(${list}::text, ' ')) t WHERE t <> ''),
    n AS (SELECT (CASE WHEN ${claims} THEN (SELECT count(*) FROM "Claim") ELSE 0 END + (SELECT count(*) FROM "ExternalFactCheck"))::float8 AS n),
    hits_en AS (
      SELECT q.term, 'c' AS kind, c.id FROM terms q JOIN "Claim" c ON c."searchVector" @@ to_tsquery('english', q.term) WHERE ${claims} AND c.id <> ${exclude}
      UNION ALL
      SELECT q.term, 'e', e.id FROM terms q JOIN "ExternalFactCheck" e ON e."searchVector" @@ to_tsquery('english', q.term)
    ),
    hits_si AS (
      SELECT q.term, 'c' AS kind, c.id FROM terms q JOIN "Claim" c ON c."simpleVector" @@ to_tsquery('simple', q.term) WHERE ${claims} AND c.id <> ${exclude}
      UNION ALL
      SELECT q.term, 'e', e.id FROM terms q JOIN "ExternalFactCheck" e ON e."simpleVector" @@ to_tsquery('simple', q.term)
    ),
    idf_en AS (SELECT term, ln(1 + (n.n - count(*) + 0.5) / (count(*) + 0.5)) AS idf FROM hits_en, n GROUP BY term, n.n),
    idf_si AS (SELECT term, ln(1 + (n.n - count(*) + 0.5) / (count(*) + 0.5)) AS idf FROM hits_si, n GROUP BY term, n.n),
    en AS (
      SELECT h.kind, h.id, sum(i.idf) AS s, sum(i.idf) / nullif((SELECT sum(idf) FROM idf_en), 0) AS share
      FROM hits_en h JOIN idf_en i USING (term) GROUP BY h.kind, h.id ORDER BY s DESC, h.id LIMIT 100
    ),
    si AS (
      SELECT h.kind, h.id, sum(i.idf) AS s, sum(i.idf) / nullif((SELECT sum(idf) FROM idf_si), 0) AS share
      FROM hits_si h JOIN idf_si i USING (term) GROUP BY h.kind, h.id ORDER BY s DESC, h.id LIMIT 100
    ),
    tg AS (
      (SELECT 'c' AS kind, c.id FROM "Claim" c WHERE ${claims} AND ${trigramOwn} AND c.id <> ${exclude} AND c."claimReviewed" % ${text} ORDER BY similarity(c."claimReviewed", ${text}) DESC, c.id LIMIT 50)
      UNION ALL
      (SELECT 'e', e.id FROM "ExternalFactCheck" e WHERE ${trigramOwn} AND e."claimReviewed" % ${text} ORDER BY similarity(e."claimReviewed", ${text}) DESC, e.id LIMIT 50)
    ),
    pool AS (SELECT kind, id FROM en UNION SELECT kind, id FROM si UNION SELECT kind, id FROM tg)
    SELECT p.kind, p.id,
           coalesce(en.s, 0)::float8 AS english, coalesce(si.s, 0)::float8 AS simple,
           coalesce(en.share, 0)::float8 AS "englishShare", coalesce(si.share, 0)::float8 AS "simpleShare",
           coalesce(
             (SELECT greatest(similarity(c."claimReviewed", ${text}), similarity(c."quote", ${text})) FROM "Claim" c WHERE p.kind = 'c' AND c.id = p.id),
             (SELECT similarity(e."claimReviewed", ${text}) FROM "ExternalFactCheck" e WHERE p.kind = 'e' AND e.id = p.id)
           )::float8 AS trigram
    FROM pool p LEFT JOIN en USING (kind, id) LEFT JOIN si USING (kind, id)`;
}

/** Fuses the rankings: each candidate scores w / (k + rank) in every ranking it appears in. */
export function fuse(rows: Candidate[], weights: { k: number; english: number; simple: number; trigram: number } = fusion) {
  const fused = new Map<string, number>(rows.map((r) => [r.kind + r.id, 0]));
  const rank = (key: keyof Candidate, weight: number) => {
    [...rows]
      .filter((r) => (r[key] as number) > 0)
      .sort((a, b) => (b[key] as number) - (a[key] as number) || (a.id < b.id ? -1 : 1))
      .forEach((r, i) => fused.set(r.kind + r.id, fused.get(r.kind + r.id)! + weight / (weights.k + i + 1)));
  };
  rank("english", weights.english);
  rank("simple", weights.simple);
  rank("trigram", weights.trigram);
  const best = (weights.english + weights.simple + weights.trigram) / (weights.k + 1);
  return rows
    .map((r) => ({ ...r, score: fused.get(r.kind + r.id)! / best, evidence: Math.max(r.trigram, r.englishShare, r.simpleShare) }))
    .sort((a, b) => b.score - a.score || b.evidence - a.evidence || (a.id < b.id ? -1 : 1));
}

export const rankedMatcher: ClaimMatcher = {
  name: "fts+trigram-rrf",
  async find(prisma, text, options = {}) {
    const terms = queryTerms(text);
    const query = normalizeQuery(text);
    if (terms.length === 0 && query.length < 8) return [];
    const rows = fuse(await candidates(prisma, query, terms, options));
    const min = options.minEvidence ?? matchThresholds.suggest;
    return rows
      .filter((r) => r.evidence >= min)
      .slice(0, options.limit ?? 10)
      .map((r) => ({
        claimId: r.kind === "c" ? r.id : null,
        externalId: r.kind === "e" ? r.id : null,
        score: Math.round(r.score * 1000) / 1000,
        evidence: Math.round(r.evidence * 1000) / 1000,
        level: levelOf(r.evidence) ?? "SUGGEST",
      }));
  },
};

/** The claims (and imported fact-checks) most similar to `text`, best first. */
export function findSimilarClaims(
  prisma: Prisma.TransactionClient,
  text: string,
  options: MatchOptions = {},
  matcher: ClaimMatcher = rankedMatcher,
): Promise<ClaimMatchRow[]> {
  return matcher.find(prisma, text, options);
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
  return rows.filter((row) => row.score >= 0.3).map((row) => ({ ...row, score: Math.round(row.score * 1000) / 1000 }));
}
