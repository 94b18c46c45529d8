import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ruleScorer, suggestClaims } from "../../packages/schema/src/intelligence/checkworthiness.ts";
import { readCorpusArticle } from "../../packages/db/src/seed/corpus.ts";

describe("check-worthiness", () => {
  it("ranks the sample article's verifiable factual sentences first", () => {
    const { body } = readCorpusArticle("app-2025-03-11-two-sessions-cpec.txt");
    const top = suggestClaims(body).slice(0, 2).map((s) => s.text);
    expect(top.some((t) => t.includes("45 new MOUs worth over $600 million"))).toBe(true);
    expect(top.some((t) => t.includes("sustained 5% economic growth"))).toBe(true);
    const last = suggestClaims(body).slice(-6).map((s) => s.text);
    expect(last.some((t) => t.startsWith("Experts believe"))).toBe(true);
  });

  it("explains its score and down-ranks opinion, intent and prediction", () => {
    const fact = ruleScorer.score("Exports rose 12% to $3.1 billion in 2024, according to the statistics bureau.");
    expect(fact.score).toBeGreaterThan(0.8);
    expect(fact.reasons).toEqual(expect.arrayContaining(["states a percentage", "states an amount of money", "names a date or year", "cites a source of statistics"]));
    expect(ruleScorer.score("I think the government should do more for farmers.").score).toBe(0);
    expect(ruleScorer.score("The minister will visit Beijing next year to discuss trade.").reasons).toContain("makes a prediction");
  });

  it("is deterministic", () => {
    const { body } = readCorpusArticle("app-2025-03-11-two-sessions-cpec.txt");
    expect(JSON.stringify(suggestClaims(body))).toBe(JSON.stringify(suggestClaims(body)));
  });

  it("meets its floor on the labelled evaluation set", async () => {
    const { evaluate } = await import("../../packages/schema/src/intelligence/evaluate.ts");
    const set = JSON.parse(fs.readFileSync(new URL("../../packages/schema/src/intelligence/eval/labelled-articles.json", import.meta.url), "utf8"));
    const result = evaluate(set);
    console.log(`check-worthiness eval: P@3 ${result.precisionAt3.toFixed(2)}, P@5 ${result.precisionAt5.toFixed(2)}, MAP ${result.meanAveragePrecision.toFixed(2)}, nDCG ${result.ndcg.toFixed(2)}`);
    expect(result.articles).toBeGreaterThanOrEqual(5);
    expect(result.precisionAt3).toBeGreaterThanOrEqual(0.6);
  });
});
