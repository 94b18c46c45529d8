/**
 * `npm run eval:matching [-- --claims FILE --queries FILE --qrels FILE] [--tune]`
 *
 * CLEF-2020 CheckThat! task 2: loads the verified claims as imported
 * fact-checks into a fresh embedded database (migrated as in production),
 * asks the product's matcher for each tweet's top 5 (word rankings, then the
 * sentence embeddings' re-ranking, each text embedded once), and prints MAP@5
 * and P@1 beside a plain BM25 ranking and the word rankings alone. Default:
 * the shared dev tweets. With --tune (meant for the training tweets) it also
 * prints the weight grid and how precise the "likely duplicate" flag is at
 * several thresholds.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { type FusionWeights, fusion, matchThresholds, rankedMatcher, selectMatches, wordsOnly } from "../intelligence/matching.ts";
import { wordsOf } from "../intelligence/words.ts";
import { clefFiles, openCollection, poolsOf, readClefMatching, storedId } from "./clef-matching.ts";

const { values } = parseArgs({
  options: {
    claims: { type: "string" },
    queries: { type: "string" },
    qrels: { type: "string" },
    tune: { type: "boolean" },
    dump: { type: "string" },
  },
});
const files = clefFiles(values, "dev");
const { claims, qrels, judged } = readClefMatching(files);
const fileId = new Map(claims.map((c) => [storedId(c.id), c.id]));
// Twins (title and claim with the same words) are one fact-check to an editor: a second figure
// counts finding either as a hit, once.
const twinKey = new Map(claims.map((c) => [c.id, wordsOf(`${c.title} ${c.vclaim}`)]));
const asTwins = (ranked: string[]) => [...new Set(ranked.map((id) => twinKey.get(id) ?? id))];

function averagePrecisionAt5(ranked: string[], relevant: Set<string>): number {
  let hits = 0;
  let sum = 0;
  ranked.slice(0, 5).forEach((id, i) => {
    if (relevant.has(id)) sum += ++hits / (i + 1);
  });
  return sum / Math.min(relevant.size, 5);
}

// ------------------------------------------------------------------ BM25 baseline (title + claim, plain tokens)
const tok = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
function bm25Ranker(docs: { id: string; key: string; text: string }[], k1 = 1.2, b = 0.75) {
  const tf = docs.map((d) => {
    const m = new Map<string, number>();
    for (const t of tok(d.text)) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  const len = tf.map((m) => [...m.values()].reduce((a, c) => a + c, 0));
  const avg = len.reduce((a, c) => a + c, 0) / docs.length;
  const df = new Map<string, number>();
  for (const m of tf) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const postings = new Map<string, number[]>();
  tf.forEach((m, i) => m.forEach((_, t) => (postings.get(t) ?? postings.set(t, []).get(t)!).push(i)));
  return (query: string, k = 5) => {
    const scores = new Map<number, number>();
    for (const t of new Set(tok(query))) {
      const n = df.get(t);
      if (!n) continue;
      const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
      for (const i of postings.get(t)!) {
        const f = tf[i]!.get(t)!;
        scores.set(i, (scores.get(i) ?? 0) + (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * len[i]!) / avg)));
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || (docs[a[0]]!.key < docs[b[0]]!.key ? -1 : 1))
      .slice(0, k)
      .map(([i]) => docs[i]!.id);
  };
}

const bm25 = bm25Ranker(claims.map((c) => ({ id: c.id, key: storedId(c.id), text: `${c.title} ${c.vclaim}` })));
let bm25Map = 0;
let bm25P1 = 0;
for (const q of judged) {
  const ranked = bm25(q.text);
  bm25Map += averagePrecisionAt5(ranked, qrels.get(q.id)!);
  bm25P1 += qrels.get(q.id)!.has(ranked[0] ?? "") ? 1 : 0;
}

// ------------------------------------------------------------------ the product's matcher on the embedded database
const started = performance.now();
const collection = await openCollection(claims);
try {
  console.log(
    `Loaded ${claims.length} verified claims into a fresh embedded database in ${((performance.now() - started) / 1000).toFixed(1)} s; ${judged.length} judged queries from ${files.queries}`,
  );
  // The matcher's own statement once per query; the ranking on top of it is the product's (selectMatches).
  const { pools, msPerQuery: ms, embeddingMsPerQuery } = await poolsOf(collection.db, judged, qrels);
  const n = judged.length;
  // The cosine alone, the query not adapted: what the learned adapter adds.
  const unadapted = pools.map((p) => ({ ...p, rows: p.rows.map((r) => ({ ...r, adapted: undefined })) }));
  const measure = (weights: FusionWeights, over = pools) => {
    let map = 0;
    let p1 = 0;
    let twinMap = 0;
    let twinP1 = 0;
    const tops: { evidence: number; meaning: number | null; flagged: boolean; correct: boolean; twin: boolean }[] = [];
    for (const { relevant, rows } of over) {
      const top = selectMatches(rows, { externalOnly: true, limit: 5 }, weights);
      const ranked = top.map((r) => fileId.get(r.externalId!)!);
      map += averagePrecisionAt5(ranked, relevant);
      p1 += relevant.has(ranked[0] ?? "") ? 1 : 0;
      const twins = asTwins(ranked);
      const relevantTwins = new Set(asTwins([...relevant]));
      twinMap += averagePrecisionAt5(twins, relevantTwins);
      twinP1 += relevantTwins.has(twins[0] ?? "") ? 1 : 0;
      if (top[0])
        tops.push({
          evidence: top[0].evidence,
          meaning: top[0].meaning,
          flagged: top[0].level === "LIKELY_DUPLICATE",
          correct: relevant.has(ranked[0]!),
          twin: relevantTwins.has(twins[0]!),
        });
    }
    return { map: map / n, p1: p1 / n, twinMap: twinMap / n, twinP1: twinP1 / n, tops };
  };
  const shipped = measure(fusion);
  if (values.dump)
    fs.writeFileSync(
      values.dump,
      JSON.stringify(pools.map((p) => ({ relevant: [...p.relevant], rows: p.rows.map((r) => ({ ...r, id: fileId.get(r.id) })) }))),
    );
  if (values.tune) {
    const grid = [0, 0.1, 0.25, 0.5, 0.75, 1];
    const results: { w: FusionWeights; map: number }[] = [];
    for (const english of grid)
      for (const simple of grid)
        for (const trigram of grid)
          for (const semantic of [...grid, 1.5, 2, 3]) {
            if (Math.max(english, simple, trigram) !== 1) continue; // the scale is free: the largest lexical weight is 1
            const w = { english, simple, trigram, semantic };
            results.push({ w, map: measure(w).map });
          }
    results.sort((a, b) => b.map - a.map);
    console.log("fusion weights (english, simple, trigram, semantic) by MAP@5 on these queries:");
    for (const r of results.slice(0, 8)) console.log(`  ${r.w.english} ${r.w.simple} ${r.w.trigram} ${r.w.semantic}  ${r.map.toFixed(3)}`);
    const lexical = results.filter((r) => r.w.semantic === 0)[0]!;
    console.log(`  best without embeddings: ${lexical.w.english} ${lexical.w.simple} ${lexical.w.trigram}  ${lexical.map.toFixed(3)}`);
    /** Precision (twin counted as right) and count of the best matches a rule flags. */
    const flagRow = (label: string, rule: (x: (typeof shipped.tops)[number]) => boolean) => {
      const f = shipped.tops.filter(rule);
      const share = (pick: (x: (typeof f)[number]) => boolean) => (f.length ? (f.filter(pick).length / f.length).toFixed(3) : "-");
      console.log(`  ${label}  ${share((x) => x.correct)} (${share((x) => x.twin)})  ${f.length} of ${n}`);
    };
    console.log("likely-duplicate threshold on the best match's evidence: precision (twin counted as right), flagged of queries");
    for (const t of [0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7]) flagRow(t.toFixed(2), (x) => x.evidence >= t);
    console.log(
      `the same, flagged at evidence >= ${matchThresholds.likelyDuplicate} or at a cosine of the embeddings (meaning) of at least:`,
    );
    for (const t of [0.6, 0.65, 0.7, 0.75, 0.8])
      flagRow(t.toFixed(2), (x) => x.evidence >= matchThresholds.likelyDuplicate || (x.meaning ?? 0) >= t);
    flagRow("never", (x) => x.evidence >= matchThresholds.likelyDuplicate);
  }
  const flagged = shipped.tops.filter((t) => t.flagged);
  const precision = flagged.length ? flagged.filter((t) => t.correct).length / flagged.length : 0;
  const twinPrecision = flagged.length ? flagged.filter((t) => t.twin).length / flagged.length : 0;
  console.log(`${"BM25 (title + claim, in memory)".padEnd(36)} MAP@5 ${(bm25Map / n).toFixed(3)}  P@1 ${(bm25P1 / n).toFixed(3)}`);
  const byWords = measure(wordsOnly);
  console.log(`${"bm25+trigram, words only (embedded)".padEnd(36)} MAP@5 ${byWords.map.toFixed(3)}  P@1 ${byWords.p1.toFixed(3)}`);
  const cosineOnly = measure(fusion, unadapted);
  console.log(`${"  + embeddings, query not adapted".padEnd(36)} MAP@5 ${cosineOnly.map.toFixed(3)}  P@1 ${cosineOnly.p1.toFixed(3)}`);
  console.log(
    `${`${rankedMatcher.name} (embedded database)`.padEnd(36)} MAP@5 ${shipped.map.toFixed(3)}  P@1 ${shipped.p1.toFixed(3)}  ${ms.toFixed(1)} ms/query ` +
      `(${embeddingMsPerQuery.toFixed(1)} of them embedding, each text once)`,
  );
  console.log(
    `${"  a near-identical twin counted as found".padEnd(36)} MAP@5 ${shipped.twinMap.toFixed(3)}  P@1 ${shipped.twinP1.toFixed(3)}`,
  );
  console.log(
    `likely duplicate (evidence >= ${matchThresholds.likelyDuplicate} or meaning >= ${matchThresholds.likelyDuplicateMeaning}): ${flagged.length} of ${n} best matches flagged, precision ${precision.toFixed(3)} (${twinPrecision.toFixed(3)} counting twins)`,
  );
  console.log(`matching: MAP@5 ${shipped.map.toFixed(3)} P@1 ${shipped.p1.toFixed(3)} (${n} queries)`);
} finally {
  await collection.close();
}
