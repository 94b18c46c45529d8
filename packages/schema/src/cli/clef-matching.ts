/**
 * CLEF-2020 CheckThat! task 2 for `eval:matching` and `train:matching`: the
 * three files (the shared ones by default), the collection imported into a
 * fresh embedded database (migrated as in production), and each judged
 * tweet's candidates as the product's matcher sees them (its SQL statement,
 * then the embeddings' cosine for the best of them).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Database, migrate, openDatabase } from "@claimdesk/db";
import { type Candidate, candidates, withSemantic } from "../intelligence/matching.ts";
import { parseCsv, sharedDataDir } from "./shared-data.ts";

export interface ClefFiles {
  claims?: string;
  queries?: string;
  qrels?: string;
}

/** The files given, or the shared split's (`train` or `dev`). */
export function clefFiles(given: ClefFiles, split: "train" | "dev") {
  const base = given.claims && given.queries && given.qrels ? null : path.join(sharedDataDir(), "claim-matching/clef2020-task2");
  return {
    claims: given.claims ?? path.join(base!, "verified_claims.docs.tsv"),
    queries: given.queries ?? path.join(base!, `${split}/tweets.queries.tsv`),
    qrels: given.qrels ?? path.join(base!, `${split}/tweet-vclaim-pairs.qrels`),
  };
}

/** Tab-separated rows after the header line. */
const tsv = (file: string, header = true) => parseCsv(fs.readFileSync(file, "utf8"), "\t").slice(header ? 1 : 0);

export function readClefMatching(files: { claims: string; queries: string; qrels: string }) {
  const claims = tsv(files.claims).map(([id, vclaim, title]) => ({ id: id!.trim(), vclaim: vclaim ?? "", title: title ?? "" }));
  const queries = tsv(files.queries).map(([id, text]) => ({ id: id!.trim(), text: text ?? "" }));
  const qrels = new Map<string, Set<string>>();
  for (const [q, , v, rel] of tsv(files.qrels, false)) {
    if (rel?.trim() === "0") continue;
    if (!qrels.has(q!.trim())) qrels.set(q!.trim(), new Set());
    qrels.get(q!.trim())!.add(v!.trim());
  }
  return { claims, qrels, judged: queries.filter((q) => qrels.has(q.id)) };
}
export type ClefClaim = ReturnType<typeof readClefMatching>["claims"][number];

// The collection holds near-identical claims (the same text with other quote marks), and the gold
// pairs name the one listed first. The matcher shows such twins once, as the record imported first
// (collapseRepublished); other ties are broken by id, so ids are hashed: a tie-break that knows
// nothing about the order of the file.
export const storedId = (id: string) => `vclaim-${createHash("sha256").update(id).digest("hex").slice(0, 16)}`;

/** A fresh embedded database holding the collection as imported fact-checks; `close` removes it. */
export async function openCollection(claims: ClefClaim[]): Promise<{ db: Database; close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-clef-matching-"));
  const db = await openDatabase({ kind: "pglite", dataDir });
  const close = async () => {
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await migrate(db.sql);
    // One record after another in the file's order, as an import of the collection would make them
    // (a bulk statement would give a batch one time): the matcher shows a republished twin as the
    // record imported first.
    const importedAt = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString();
    for (let i = 0; i < claims.length; i += 500) {
      const batch = claims.slice(i, i + 500);
      const params: unknown[] = [];
      const rows = batch.map((c, j) => {
        params.push(
          storedId(c.id),
          `clef2020-task2:vclaim:${c.id}`,
          c.vclaim,
          JSON.stringify({ "@type": "ClaimReview", headline: c.title, claimReviewed: c.vclaim }),
          importedAt(i + j),
        );
        const p = j * 5;
        return `($${p + 1}, $${p + 2}, $${p + 3}, 'Snopes', '', $${p + 4}::jsonb, $${p + 5}::timestamptz)`;
      });
      await db.sql.query(
        `INSERT INTO "ExternalFactCheck" (id, url, "claimReviewed", "publisherName", "ratingLabel", raw, "createdAt") VALUES ${rows.join(", ")}`,
        params,
      );
    }
    await db.sql.exec(`VACUUM ANALYZE "ExternalFactCheck"`); // flushes the GIN pending lists of the bulk load
    return { db, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface Pool {
  query: string;
  relevant: Set<string>;
  rows: Candidate[];
}

/** Each judged tweet's candidates with their evidence and cosine (each text embedded once, then stored). */
export async function poolsOf(db: Database, judged: { id: string; text: string }[], qrels: Map<string, Set<string>>) {
  const pools: Pool[] = [];
  let embeddingMs = 0;
  const t0 = performance.now();
  for (const [i, q] of judged.entries()) {
    const rows = await candidates(db.prisma, q.text, { externalOnly: true });
    const t1 = performance.now();
    pools.push({ query: q.text, relevant: qrels.get(q.id)!, rows: await withSemantic(db.prisma, q.text, rows) });
    embeddingMs += performance.now() - t1;
    if ((i + 1) % 50 === 0) console.log(`  ${i + 1} of ${judged.length} queries`);
  }
  return { pools, msPerQuery: (performance.now() - t0) / judged.length, embeddingMsPerQuery: embeddingMs / judged.length };
}
