/**
 * Has this been checked already? Ranked retrieval of our claims and imported
 * fact-checks for a text (a claim being written, a sentence, a tweet).
 *
 * Candidates and their evidence come from one SQL statement, the same on
 * PostgreSQL and the embedded database: BM25 over the stored English
 * full-text vectors (stemmed) and over the language-neutral 'simple' ones
 * (any language, unstemmed), with document frequencies and lengths counted in
 * the database, and trigram similarity. An imported fact-check is indexed with
 * its headline, one of ours with its quote. The best candidates of those are
 * then compared in meaning: the cosine of sentence embeddings (embeddings.ts)
 * finds the paraphrase that shares few words, and the query, turned by an
 * adapter learned on tweets and the fact-checks that answer them
 * (query-adapter.ts), ranks them. The four scores, the BM25 ones relative to
 * the query's best, are added with weights chosen on the CLEF-2020 task 2
 * training tweets (`npm run eval:matching -- --tune`, see README). A
 * fact-check its publisher carries twice is shown once (collapseRepublished).
 * The encoder is English; the interface (`SentenceEncoder`, `ClaimMatcher`) takes
 * a multilingual model once one can be deployed.
 */
import { Prisma } from "@claimdesk/db";
import { type SentenceEncoder, cosine, embeddingsOf, universalSentenceEncoder } from "./embeddings.ts";
import { adaptQuery } from "./query-adapter.ts";
import { wordsOf } from "./words.ts";

/**
 * `evidence` (0 to 1): the larger of the trigram similarity and the share of
 * the query's word weight the candidate matches. Below `suggest` nothing is
 * shown; at `likelyDuplicate` or above, or with the embeddings' cosine at
 * `likelyDuplicateMeaning` or above (a paraphrase), the match is flagged.
 */
export const matchThresholds = { suggest: 0.12, likelyDuplicate: 0.35, likelyDuplicateMeaning: 0.75 } as const;

/** BM25's term-frequency saturation and length normalisation (the usual values; the tuning leaves them be). */
export const bm25 = { k1: 1.2, b: 0.75 } as const;

/** Weights of the English, 'simple', trigram and embedding evidence in the rank score (chosen on the training tweets). */
export const fusion = { english: 0.5, simple: 0.1, trigram: 1, semantic: 1 } as const;
export type FusionWeights = { english: number; simple: number; trigram: number; semantic?: number };
/** The same, by words alone (embeddings off, or failed for this request). */
export const wordsOnly: FusionWeights = { ...fusion, semantic: 0 };

/** How many of the lexical ranking's best candidates the embeddings re-rank. */
export const semanticDepth = 20;

/** Semantic re-ranking is on unless CLAIMDESK_SEMANTIC_MATCHING=off (a host short of memory: the encoder takes about 170 MB). */
const semanticEnabled = () => process.env.CLAIMDESK_SEMANTIC_MATCHING !== "off";

export type MatchLevel = "LIKELY_DUPLICATE" | "SUGGEST";

/** A match is one of our claims, or a fact-check imported from elsewhere. */
export interface ClaimMatchRow {
  claimId: string | null;
  externalId: string | null;
  /** Rank score, 0 to 1 (1: best in every ranking). */
  score: number;
  evidence: number;
  /** Cosine of the sentence embeddings; null when not computed. */
  meaning: number | null;
  /** As close in meaning as a likely duplicate, whatever the words. */
  closeInMeaning: boolean;
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

/** As close in meaning as a likely duplicate, whatever the words (`meaning`: the embeddings' cosine, if computed). */
export const closeInMeaning = (meaning: number | null | undefined) => (meaning ?? 0) >= matchThresholds.likelyDuplicateMeaning;

export function levelOf(evidence: number, meaning: number | null = null): MatchLevel | null {
  if (evidence >= matchThresholds.likelyDuplicate || closeInMeaning(meaning)) return "LIKELY_DUPLICATE";
  if (evidence >= matchThresholds.suggest) return "SUGGEST";
  return null;
}

/** "realDonaldTrump" → "real Donald Trump", "Covid19" → "Covid 19": hashtags and handles are words run together. */
const splitWords = (run: string) =>
  run
    .replace(/_/g, " ")
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .replace(/(\p{L})(\p{N})/gu, "$1 $2");

/**
 * Tweets and pasted text: links carry no claim, hashtags and handles are
 * words run together. An embedded tweet's signature ("— Name (@handle) date")
 * stays: who said it is often what the fact-check is about (keeping it scored
 * better on the training tweets than dropping it).
 */
export function normalizeQuery(text: string): string {
  return text
    .replace(/\S*pic\.twitter\.com\/\S*/gi, (m) => m.replace(/pic\.twitter\.com\/\S*/i, " "))
    .replace(/https?:\/\/\S+/gi, " ")
    .replace(/[@#]([\p{L}\p{N}_]+)/gu, (_, run: string) => ` ${splitWords(run)} `)
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

/** The words looked up in the 'simple' vectors (the English ones take the database's own stemmed lexemes). */
export function queryTerms(text: string): string[] {
  const words =
    normalizeQuery(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= 2 && !stopWords.has(w)))].slice(0, 64);
}

/** A candidate and its evidence, as the database computes it. */
export interface Candidate {
  kind: "c" | "e";
  id: string;
  /** BM25 over the English vectors. */
  english: number;
  /** BM25 over the 'simple' vectors. */
  simple: number;
  /** Share of the query's IDF weight matched, in each configuration. */
  englishShare: number;
  simpleShare: number;
  /** Share of the candidate's English lexemes the query has. */
  cover: number;
  /** Trigram similarity of the query to the claim, and to its quote (ours) or headline (imported). */
  trigramClaim: number;
  trigramOther: number;
  /** pg_trgm's word similarity: how well the claim (quote, headline) appears somewhere in the query. */
  wordClaim: number;
  wordOther: number;
  /** The candidate's claim, and its quote (ours) or headline (imported). */
  claimText: string;
  otherText: string;
  /** An imported fact-check's publisher and verdict label (null for ours). */
  publisher: string | null;
  verdict: string | null;
  /** When it was published (if known) and when the record was made, in epoch milliseconds. */
  publishedAt: number | null;
  createdAt: number;
  /** Equal for two records that are one fact-check to an editor (collapseRepublished). */
  sameAs: string;
  /** Cosine of the sentence embeddings, query against claim or quote/headline (the larger); absent when not computed. */
  semantic?: number;
  /** The same with the query adapted (query-adapter.ts): what the rank score uses; absent when not computed. */
  adapted?: number;
}

/** A candidate with its rank score and evidence (0 to 1). */
export type RankedCandidate = Candidate & { score: number; evidence: number };

/** The candidates of each ranking with their raw scores: one statement. */
export async function candidates(prisma: Prisma.TransactionClient, text: string, options: MatchOptions = {}): Promise<Candidate[]> {
  const query = normalizeQuery(text);
  const list = queryTerms(text).join(" ");
  const exclude = options.excludeClaimId ?? "";
  const claims = options.externalOnly ? Prisma.sql`false` : Prisma.sql`true`;
  // Trigram candidates of their own (typos, other word forms) for claim-length text only: for a
  // long text pg_trgm's index finds nothing above its threshold and PostgreSQL scans every row.
  const trigramOwn = Array.from(query).length <= 200 ? Prisma.sql`true` : Prisma.sql`false`;
  const k1 = Prisma.raw(String(bm25.k1));
  const b = Prisma.raw(String(bm25.b));
  // Each query lexeme is looked up in the GIN index on its own (a one-lexeme tsquery); its
  // frequency in a candidate comes from the stored vector's positions, the candidate's length is
  // its number of distinct lexemes.
  const rows = await prisma.$queryRaw<Omit<Candidate, "sameAs">[]>`
    WITH qe AS (
      SELECT DISTINCT lexeme FROM unnest(to_tsvector('english', ${query}::text))
      WHERE position(chr(92) IN lexeme) = 0 LIMIT 64
    ),
    qs AS (SELECT DISTINCT t AS lexeme FROM unnest(string_to_array(${list}::text, ' ')) t WHERE t <> '' AND position(chr(92) IN t) = 0),
    docs AS (
      SELECT count(*)::float8 AS n, coalesce(avg(en), 1)::float8 AS en_avg, coalesce(avg(si), 1)::float8 AS si_avg FROM (
        SELECT length(c."searchVector") AS en, length(c."simpleVector") AS si FROM "Claim" c WHERE ${claims}
        UNION ALL
        SELECT length(e."searchVector"), length(e."simpleVector") FROM "ExternalFactCheck" e
      ) d
    ),
    hits_en AS (
      SELECT q.lexeme, 'c' AS kind, c.id, length(c."searchVector") AS dl,
             (SELECT array_length(u.positions, 1) FROM unnest(c."searchVector") u WHERE u.lexeme = q.lexeme) AS tf
      FROM qe q JOIN "Claim" c ON c."searchVector" @@ quote_literal(q.lexeme)::tsquery WHERE ${claims} AND c.id <> ${exclude}
      UNION ALL
      SELECT q.lexeme, 'e', e.id, length(e."searchVector"),
             (SELECT array_length(u.positions, 1) FROM unnest(e."searchVector") u WHERE u.lexeme = q.lexeme)
      FROM qe q JOIN "ExternalFactCheck" e ON e."searchVector" @@ quote_literal(q.lexeme)::tsquery
    ),
    hits_si AS (
      SELECT q.lexeme, 'c' AS kind, c.id, length(c."simpleVector") AS dl,
             (SELECT array_length(u.positions, 1) FROM unnest(c."simpleVector") u WHERE u.lexeme = q.lexeme) AS tf
      FROM qs q JOIN "Claim" c ON c."simpleVector" @@ quote_literal(q.lexeme)::tsquery WHERE ${claims} AND c.id <> ${exclude}
      UNION ALL
      SELECT q.lexeme, 'e', e.id, length(e."simpleVector"),
             (SELECT array_length(u.positions, 1) FROM unnest(e."simpleVector") u WHERE u.lexeme = q.lexeme)
      FROM qs q JOIN "ExternalFactCheck" e ON e."simpleVector" @@ quote_literal(q.lexeme)::tsquery
    ),
    idf_en AS (SELECT lexeme, ln(1 + (d.n - count(*) + 0.5) / (count(*) + 0.5)) AS idf FROM hits_en, docs d GROUP BY lexeme, d.n),
    idf_si AS (SELECT lexeme, ln(1 + (d.n - count(*) + 0.5) / (count(*) + 0.5)) AS idf FROM hits_si, docs d GROUP BY lexeme, d.n),
    en AS (
      SELECT h.kind, h.id,
             sum(i.idf * coalesce(h.tf, 1) * (${k1} + 1) / (coalesce(h.tf, 1) + ${k1} * (1 - ${b} + ${b} * h.dl / d.en_avg))) AS s,
             sum(i.idf) / nullif((SELECT sum(idf) FROM idf_en), 0) AS share,
             count(*)::float8 / greatest(max(h.dl), 1) AS cover
      FROM hits_en h JOIN idf_en i USING (lexeme) CROSS JOIN docs d GROUP BY h.kind, h.id ORDER BY s DESC, h.id LIMIT 100
    ),
    si AS (
      SELECT h.kind, h.id,
             sum(i.idf * coalesce(h.tf, 1) * (${k1} + 1) / (coalesce(h.tf, 1) + ${k1} * (1 - ${b} + ${b} * h.dl / d.si_avg))) AS s,
             sum(i.idf) / nullif((SELECT sum(idf) FROM idf_si), 0) AS share
      FROM hits_si h JOIN idf_si i USING (lexeme) CROSS JOIN docs d GROUP BY h.kind, h.id ORDER BY s DESC, h.id LIMIT 100
    ),
    tg AS (
      (SELECT 'c' AS kind, c.id FROM "Claim" c WHERE ${claims} AND ${trigramOwn} AND c.id <> ${exclude} AND c."claimReviewed" % ${query} ORDER BY similarity(c."claimReviewed", ${query}) DESC, c.id LIMIT 50)
      UNION ALL
      (SELECT 'e', e.id FROM "ExternalFactCheck" e WHERE ${trigramOwn} AND e."claimReviewed" % ${query} ORDER BY similarity(e."claimReviewed", ${query}) DESC, e.id LIMIT 50)
    ),
    pool AS (SELECT kind, id FROM en UNION SELECT kind, id FROM si UNION SELECT kind, id FROM tg)
    SELECT p.kind, p.id,
           coalesce(en.s, 0)::float8 AS english, coalesce(si.s, 0)::float8 AS simple,
           coalesce(en.share, 0)::float8 AS "englishShare", coalesce(si.share, 0)::float8 AS "simpleShare", coalesce(en.cover, 0)::float8 AS cover,
           similarity(x.claim, ${query})::float8 AS "trigramClaim", similarity(x.other, ${query})::float8 AS "trigramOther",
           word_similarity(x.claim, ${query})::float8 AS "wordClaim", word_similarity(x.other, ${query})::float8 AS "wordOther",
           x.claim AS "claimText", x.other AS "otherText", x.publisher, x.verdict,
           (extract(epoch FROM x.published) * 1000)::float8 AS "publishedAt", (extract(epoch FROM x.created) * 1000)::float8 AS "createdAt"
    FROM pool p
    CROSS JOIN LATERAL (
      SELECT c."claimReviewed" AS claim, c."quote" AS other, NULL::text AS publisher, NULL::text AS verdict,
             NULL::timestamptz AS published, c."createdAt" AS created
      FROM "Claim" c WHERE p.kind = 'c' AND c.id = p.id
      UNION ALL
      SELECT e."claimReviewed", coalesce(e.raw->>'headline', e.raw->>'name', ''), e."publisherName", e."ratingLabel",
             e."datePublished", e."createdAt"
      FROM "ExternalFactCheck" e WHERE p.kind = 'e' AND e.id = p.id
    ) x
    LEFT JOIN en USING (kind, id) LEFT JOIN si USING (kind, id)`;
  return rows.map((r) => ({ ...r, sameAs: sameFactCheck(r) }));
}

/**
 * The rank score: each BM25 score relative to the query's best, plus the
 * trigram similarity and the adapted relevance (the embeddings' cosine where
 * there is no adapter), weighted, over the sum of the weights (1: best in
 * every ranking and identical).
 */
export function rank(rows: Candidate[], weights: FusionWeights = fusion): RankedCandidate[] {
  const maxEn = Math.max(0, ...rows.map((r) => r.english)) || 1;
  const maxSi = Math.max(0, ...rows.map((r) => r.simple)) || 1;
  const semantic = weights.semantic ?? 0;
  const total = weights.english + weights.simple + weights.trigram + semantic || 1;
  return rows
    .map((r) => ({
      ...r,
      score:
        (weights.english * (r.english / maxEn) +
          weights.simple * (r.simple / maxSi) +
          weights.trigram * Math.max(r.trigramClaim, r.trigramOther) +
          semantic * Math.max(0, r.adapted ?? r.semantic ?? 0)) /
        total,
      evidence: Math.max(r.trigramClaim, r.trigramOther, r.englishShare, r.simpleShare),
    }))
    .sort((a, b) => b.score - a.score || b.evidence - a.evidence || (a.id < b.id ? -1 : 1));
}

/**
 * Adds the embeddings' cosine, and the adapted query's relevance, to the
 * lexical ranking's top `semanticDepth` candidates (the rest keep 0 and stay
 * below). Only those are embedded: a first query against a large, fresh
 * collection embeds at most that many texts twice over, and every later one
 * finds them stored.
 */
export async function withSemantic(
  prisma: Prisma.TransactionClient,
  text: string,
  rows: Candidate[],
  encoder: SentenceEncoder = universalSentenceEncoder,
  depth = semanticDepth,
): Promise<Candidate[]> {
  const top = rank(rows, wordsOnly).slice(0, depth);
  if (top.length === 0) return rows;
  // The text as written: the encoder's own tokenizer reads hashtags and links, and on the training
  // tweets it ranked better so (MAP@5 0.846) than given the text normalised for the word rankings (0.831).
  const query = text.trim();
  const vectors = await embeddingsOf(prisma, [query, ...top.flatMap((r) => [r.claimText, r.otherText].filter(Boolean))], encoder);
  const q = vectors.get(query);
  if (!q) return rows;
  // The turned query is not a unit vector: its "cosine" is the adapter's relevance d · W q, kept
  // within 0 to 1 like the other scores.
  const turned = adaptQuery(q, encoder.name);
  const best = (r: Candidate, query: Float32Array) =>
    Math.max(
      ...[r.claimText, r.otherText].map((t) => {
        const v = t ? vectors.get(t) : null;
        return v ? cosine(query, v) : 0;
      }),
    );
  const scored = new Map(
    top.map((r) => [`${r.kind}:${r.id}`, { semantic: best(r, q), adapted: Math.min(1, Math.max(0, best(r, turned))) }]),
  );
  return rows.map((r) => ({ ...r, ...scored.get(`${r.kind}:${r.id}`) }));
}

/** Ours are each their own; an imported record is known by its publisher, claim, headline and verdict. */
const sameFactCheck = (r: Pick<Candidate, "kind" | "id" | "publisher" | "verdict" | "claimText" | "otherText">) =>
  r.publisher === null ? `${r.kind}:${r.id}` : [r.publisher, r.verdict, wordsOf(r.claimText), wordsOf(r.otherText)].join("\n");

/** Published first, else (no date, or the same) imported first, else the smaller id. */
function isEarlier(a: Candidate, b: Candidate): boolean {
  const [pa, pb] = [a.publishedAt ?? Infinity, b.publishedAt ?? Infinity];
  if (pa !== pb) return pa < pb;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt;
  return a.id < b.id;
}

/**
 * One row per fact-check as an editor sees it. A feed can carry the same
 * fact-check twice (re-published, or with other quote marks): imported
 * records with the same publisher, claim, headline and verdict are one match,
 * shown once at the best-ranked one's place with its scores, as the record
 * published (or imported) first. A changed verdict is another fact-check.
 */
export function collapseRepublished(ranked: RankedCandidate[]): RankedCandidate[] {
  const first = new Map<string, RankedCandidate>();
  for (const r of ranked) {
    const seen = first.get(r.sameAs);
    if (!seen || isEarlier(r, seen)) first.set(r.sameAs, r);
  }
  const shown = new Set<string>();
  const out: RankedCandidate[] = [];
  for (const r of ranked) {
    if (shown.has(r.sameAs)) continue;
    shown.add(r.sameAs);
    const original = first.get(r.sameAs)!;
    // The record shown is the original; the ranking it earned is its best twin's.
    out.push(original === r ? r : { ...original, score: r.score, evidence: r.evidence, semantic: r.semantic, adapted: r.adapted });
  }
  return out;
}

/** The ranked candidates the matcher returns: one per fact-check, evidence at least the suggest threshold, the top k. */
export function selectMatches(rows: Candidate[], options: MatchOptions = {}, weights: FusionWeights = fusion): ClaimMatchRow[] {
  const min = options.minEvidence ?? matchThresholds.suggest;
  return collapseRepublished(rank(rows, weights))
    .filter((r) => r.evidence >= min || closeInMeaning(r.semantic))
    .slice(0, options.limit ?? 10)
    .map((r) => ({
      claimId: r.kind === "c" ? r.id : null,
      externalId: r.kind === "e" ? r.id : null,
      score: Math.round(r.score * 1000) / 1000,
      evidence: Math.round(r.evidence * 1000) / 1000,
      meaning: r.semantic === undefined ? null : Math.round(r.semantic * 1000) / 1000,
      closeInMeaning: closeInMeaning(r.semantic),
      level: levelOf(r.evidence, r.semantic ?? null) ?? "SUGGEST",
    }));
}

let encoderFailureSaid = false;

export const rankedMatcher: ClaimMatcher = {
  name: "bm25+trigram+embeddings",
  async find(prisma, text, options = {}) {
    if (queryTerms(text).length === 0 && normalizeQuery(text).length < 8) return [];
    const rows = await candidates(prisma, text, options);
    if (!semanticEnabled()) return selectMatches(rows, options, wordsOnly);
    try {
      return selectMatches(await withSemantic(prisma, text, rows), options);
    } catch (error) {
      // The words still rank: a failing encoder costs this answer its re-ranking, not the answer.
      if (!encoderFailureSaid) console.error("matching without embeddings: the sentence encoder failed", error);
      encoderFailureSaid = true;
      return selectMatches(rows, options, wordsOnly);
    }
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
