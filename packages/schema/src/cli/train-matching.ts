/**
 * `npm run train:matching [-- --claims FILE --queries FILE --qrels FILE] [--check]`
 *
 * Learns the query adapter of matching (intelligence/query-adapter.ts) on
 * CLEF-2020 task 2 tweets and the fact-checks that answer them: the shared
 * training split by default, or any files in that format, such as the desk's
 * own match decisions (`npm run export:labels`). The candidates are the
 * product's (its SQL statement, the lexical ranking's best re-ranked by
 * meaning); the dev split is left for `npm run eval:matching`. Writes
 * query-adapter.json; --check retrains and compares instead (the encoder runs
 * on WebAssembly, so another machine may differ in the last digits).
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { embeddingsOf, universalSentenceEncoder } from "../intelligence/embeddings.ts";
import { fusion, rank, wordsOnly } from "../intelligence/matching.ts";
import type { QueryAdapter } from "../intelligence/query-adapter.ts";
import { clefFiles, openCollection, poolsOf, readClefMatching, storedId } from "./clef-matching.ts";
import { type AdapterExample, adapterTraining, factorise, trainAdapterMatrix } from "./query-adapter-training.ts";

const { values } = parseArgs({
  options: { claims: { type: "string" }, queries: { type: "string" }, qrels: { type: "string" }, check: { type: "boolean" } },
});
const out = new URL("../intelligence/query-adapter.json", import.meta.url);
const files = clefFiles(values, "train");
const { claims, qrels, judged } = readClefMatching(files);
console.log(`${judged.length} judged tweets from ${files.queries}; ${claims.length} fact-checks`);

// Ranked by words alone, a score is the words' part of the full rank score over the words' weights.
const wordWeights = fusion.english + fusion.simple + fusion.trigram;
const collection = await openCollection(claims);
let examples: AdapterExample[];
try {
  const { pools } = await poolsOf(collection.db, judged, qrels);
  examples = [];
  for (const { query, relevant, rows } of pools) {
    const answering = new Set([...relevant].map(storedId));
    // A republished twin of an answering fact-check answers too: the matcher shows the pair as one.
    const groups = new Set(rows.filter((r) => answering.has(r.id)).map((r) => r.sameAs));
    const reranked = rank(rows, wordsOnly).filter((r) => r.semantic !== undefined);
    const vectors = await embeddingsOf(collection.db.prisma, [
      query.trim(),
      ...reranked.flatMap((r) => [r.claimText, r.otherText].filter(Boolean)),
    ]);
    const q = vectors.get(query.trim());
    if (!q || reranked.length === 0) continue;
    examples.push({
      query: q,
      candidates: reranked.map((r) => ({
        lexical: r.score * wordWeights,
        claim: (r.claimText && vectors.get(r.claimText)) || null,
        other: (r.otherText && vectors.get(r.otherText)) || null,
        relevant: groups.has(r.sameAs),
      })),
    });
  }
} finally {
  await collection.close();
}

const w = trainAdapterMatrix(examples, fusion.semantic, console.log); // throws when there is nothing to learn from
const dim = examples[0]!.query.length;
const { u, v, energy } = factorise(w, dim);
const adapter: QueryAdapter & Record<string, unknown> = {
  model: universalSentenceEncoder.name,
  trainedOn: { tweets: examples.length, file: files.queries.split("/").slice(-3).join("/") },
  training: adapterTraining,
  u,
  v,
};
const json = `${JSON.stringify(adapter).replace(/\],\[/g, "],\n[")}\n`;
console.log(`W − I cut to rank ${adapterTraining.rank}: ${(energy * 100).toFixed(1)} % of its energy`);
if (values.check) {
  const committed = JSON.parse(fs.readFileSync(out, "utf8")) as QueryAdapter & Record<string, unknown>;
  // Compare the products U Vᵀ (a singular vector's sign is arbitrary), relative to their size.
  const product = (uu: number[][], vv: number[][]) => uu.map((row) => vv.map((col) => row.reduce((s, x, k) => s + x * col[k]!, 0)));
  const [mine, theirs] = [product(u, v), product(committed.u, committed.v)];
  let diff = 0;
  let size = 0;
  mine.forEach((row, i) => row.forEach((x, j) => ((diff += (x - theirs[i]![j]!) ** 2), (size += theirs[i]![j]! ** 2))));
  const relative = Math.sqrt(diff / (size || 1));
  const same =
    committed.model === adapter.model && JSON.stringify(committed.training) === JSON.stringify(adapter.training) && relative < 1e-2;
  console.log(
    `${same ? "The committed adapter is reproduced" : "The trained adapter differs from the committed file"}: U Vᵀ differs by ${relative.toExponential(2)} of its size`,
  );
  process.exit(same ? 0 : 1);
}
fs.writeFileSync(out, json);
console.log(`Wrote ${out.pathname} (${(json.length / 1024).toFixed(0)} KB)`);
