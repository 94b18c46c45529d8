/**
 * `npm run export:labels [-- --out DIR]`: writes the desk's decisions as
 * labelled data in the public benchmarks' formats (see intelligence/desk-labels.ts):
 * `DIR/checkworthiness/<article>.tsv` (CLEF-2019 task 1; feed them to
 * `npm run train:checkworthiness -- --labels FILE ...`) and
 * `DIR/matching/{verified_claims.docs.tsv,tweets.queries.tsv,tweet-vclaim-pairs.qrels}`
 * (CLEF-2020 task 2; `npm run eval:matching -- --claims ... --queries ... --qrels ...`).
 * Reads the database named by the environment, as every db command does.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { assertMigrated, openDatabase } from "@claimdesk/db";
import { exportDeskLabels } from "../intelligence/desk-labels.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: "desk-labels" } } });
const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out!);
const db = await openDatabase();
try {
  await assertMigrated(db.sql);
  const labels = await exportDeskLabels(db.prisma);
  fs.mkdirSync(path.join(out, "checkworthiness"), { recursive: true });
  fs.mkdirSync(path.join(out, "matching"), { recursive: true });
  for (const doc of labels.checkworthiness) fs.writeFileSync(path.join(out, "checkworthiness", `${doc.articleId}.tsv`), doc.tsv);
  fs.writeFileSync(path.join(out, "matching/verified_claims.docs.tsv"), labels.matching.claims);
  fs.writeFileSync(path.join(out, "matching/tweets.queries.tsv"), labels.matching.queries);
  fs.writeFileSync(path.join(out, "matching/tweet-vclaim-pairs.qrels"), labels.matching.qrels);
  const sentences = labels.checkworthiness.reduce((n, d) => n + d.tsv.split("\n").length - 1, 0);
  console.log(
    `Wrote ${out}: ${labels.checkworthiness.length} articles (${sentences} labelled sentences), ${labels.matching.qrels.split("\n").length - 1} match decisions`,
  );
} finally {
  await db.close();
}
