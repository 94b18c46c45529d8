/**
 * `npm run eval:checkworthiness [-- --data DIR]`
 *
 * Without --data: leave-one-document-out cross-validation on the shared
 * CLEF-2019 training debates. Each debate is scored by a model trained on the
 * other debates and ClaimBuster (minus any ClaimBuster sentence that also
 * occurs in the held-out debate), next to the digit rule and a random order.
 * With --data: scores every CLEF-format .tsv in DIR with the committed model.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { defaultScorer, linearScorer, type CheckworthinessScorer } from "../intelligence/checkworthiness.ts";
import { type RankingMetrics, digitScore, evaluateArticles, meanMetrics, randomScores, rankingMetrics } from "../intelligence/evaluate.ts";
import { trainCheckworthiness } from "./checkworthiness-training.ts";
import { type LabelledDocument, checkworthinessData, readClefFolder, sentenceKey } from "./shared-data.ts";

const { values } = parseArgs({ options: { data: { type: "string" }, quiet: { type: "boolean" } } });

const f3 = (x: number) => x.toFixed(3);
const row = (name: string, m: RankingMetrics) =>
  `${name.padEnd(28)} MAP ${f3(m.averagePrecision)}  P@5 ${f3(m.p5)}  P@10 ${f3(m.p10)}  P@20 ${f3(m.p20)}  AUC ${f3(m.auc)}`;

function scoreDocument(doc: LabelledDocument, scorer: CheckworthinessScorer) {
  const started = performance.now();
  // Debates are English throughout; the product decides per article the same way.
  const scores = doc.sentences.map((s) => scorer.score(s.text, { language: "eng" }).score);
  return { scores, ms: performance.now() - started };
}

let docs: LabelledDocument[];
let scorerFor: (doc: LabelledDocument) => CheckworthinessScorer;
if (values.data) {
  docs = readClefFolder(values.data);
  scorerFor = () => defaultScorer;
  console.log(`Scoring ${docs.length} documents in ${values.data} with the committed model (${defaultScorer.name})`);
} else {
  const data = checkworthinessData();
  docs = data.debates;
  console.log(
    `Leave-one-document-out cross-validation: ${docs.length} CLEF-2019 training debates (${docs.reduce((n, d) => n + d.sentences.length, 0)} sentences), ClaimBuster ${data.claimBuster.length} sentences added to each fold's training`,
  );
  scorerFor = (doc) => {
    const exclude = new Set(doc.sentences.map((s) => sentenceKey(s.text)));
    const model = trainCheckworthiness({ debates: docs.filter((d) => d !== doc), claimBuster: data.claimBuster, exclude });
    return linearScorer({ ...model, trainedOn: {} }, "logreg-v1 (fold)");
  };
}

const model: RankingMetrics[] = [];
const digit: RankingMetrics[] = [];
const random: RankingMetrics[] = [];
let sentences = 0;
let ms = 0;
console.log(`${"document".padEnd(28)} ${"sent".padStart(5)} ${"cw".padStart(4)}   AP model  digit  random   P@10 model  digit`);
for (const doc of docs) {
  const labels = doc.sentences.map((s) => s.label);
  const scored = scoreDocument(doc, scorerFor(doc));
  sentences += doc.sentences.length;
  ms += scored.ms;
  const m = rankingMetrics(scored.scores, labels);
  const d = rankingMetrics(
    doc.sentences.map((s) => digitScore(s.text)),
    labels,
  );
  // The mean of ten seeded orders: chance level without one lucky draw.
  const r = meanMetrics(Array.from({ length: 10 }, (_, seed) => rankingMetrics(randomScores(labels.length, seed + 1), labels)));
  model.push(m);
  digit.push(d);
  random.push(r);
  if (!values.quiet) {
    const positives = labels.filter(Boolean).length;
    console.log(
      `${doc.id.padEnd(28)} ${String(doc.sentences.length).padStart(5)} ${String(positives).padStart(4)}   ${f3(m.averagePrecision)}    ${f3(d.averagePrecision)}  ${f3(r.averagePrecision)}    ${f3(m.p10)}       ${f3(d.p10)}`,
    );
  }
}

const smoke = evaluateArticles(
  JSON.parse(fs.readFileSync(new URL("../intelligence/eval/labelled-articles.json", import.meta.url), "utf8")),
);
console.log("");
console.log(
  `smoke test, the team's own ${smoke.articles} articles (committed model): MAP ${f3(smoke.averagePrecision)} P@5 ${f3(smoke.p5)}`,
);
console.log(`speed: ${(ms / sentences).toFixed(4)} ms per sentence (${sentences} sentences)`);
console.log(row("random (mean of 10 orders)", meanMetrics(random)));
console.log(row("digit rule", meanMetrics(digit)));
console.log(row(values.data ? defaultScorer.name : "logreg-v1 (cross-validated)", meanMetrics(model)));
const m = meanMetrics(model);
console.log(`checkworthiness: MAP ${f3(m.averagePrecision)} P@5 ${f3(m.p5)} P@10 ${f3(m.p10)} AUC ${f3(m.auc)} (${docs.length} documents)`);
