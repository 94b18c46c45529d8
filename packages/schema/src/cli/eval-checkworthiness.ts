import fs from "node:fs";
import { evaluate } from "../intelligence/evaluate.ts";

// `npm run eval:checkworthiness`: prints the scorer's ranking quality on the labelled set.
const set = JSON.parse(fs.readFileSync(new URL("../intelligence/eval/labelled-articles.json", import.meta.url), "utf8"));
const result = evaluate(set);
console.log(`scorer ${result.scorer}: ${result.articles} articles, ${result.sentences} labelled sentences`);
console.log(`precision@3 ${result.precisionAt3.toFixed(3)}  precision@5 ${result.precisionAt5.toFixed(3)}  MAP ${result.meanAveragePrecision.toFixed(3)}  nDCG ${result.ndcg.toFixed(3)}`);
for (const a of result.perArticle) console.log(`  ${a.id.padEnd(14)} P@3 ${a.precisionAt3.toFixed(2)}  AP ${a.averagePrecision.toFixed(2)}`);
