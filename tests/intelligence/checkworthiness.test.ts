import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultScorer, suggestClaims } from "../../packages/schema/src/intelligence/checkworthiness.ts";
import { extractFeatures } from "../../packages/schema/src/intelligence/checkworthiness-features.ts";
import { detectLanguage } from "../../packages/schema/src/intelligence/language.ts";
import { readCorpusArticle } from "../../packages/db/src/seed/corpus.ts";

const features = (s: string) => [...extractFeatures(s).keys()].filter((k) => k.startsWith("f:"));

describe("check-worthiness", () => {
  it("ranks the sample article's verifiable factual sentences above its opinions", () => {
    const { body } = readCorpusArticle("app-2025-03-11-two-sessions-cpec.txt");
    const ranked = suggestClaims(body);
    const rank = (fragment: string) => ranked.findIndex((s) => s.text.includes(fragment));
    expect(rank("45 new MOUs worth over $600 million")).toBeLessThan(3);
    expect(rank("sustained 5% economic growth")).toBeLessThan(6);
    expect(rank("first astronauts set to join")).toBeLessThan(rank("Experts believe"));
    expect(rank("Experts believe")).toBeGreaterThan(ranked.length / 2);
    expect(ranked.some((s) => s.text === "APP/asg")).toBe(false);
  });

  it("explains a score with the features that moved it, both ways", () => {
    const fact = defaultScorer.score("Exports rose 12% to $3.1 billion in 2024, according to the statistics bureau.");
    expect(fact.score).toBeGreaterThan(0.9);
    expect(fact.reasons).toEqual(expect.arrayContaining(["gives a figure", "gives a large figure"]));
    const opinion = defaultScorer.score("I think the government should do more for farmers.");
    expect(opinion.score).toBeLessThan(fact.score);
    expect(opinion.reasons.some((r) => r.startsWith("against: "))).toBe(true);
    expect(defaultScorer.score("Thank you very much.").score).toBeLessThan(opinion.score + 0.5);
  });

  it("does not fire on the listed false signals", () => {
    expect(features("The woman who spoke first left early.")).not.toContain("f:statsBody");
    expect(features("According to the WHO, cases doubled.")).toContain("f:statsBody");
    expect(features("Sales fell in the first quarter.")).not.toContain("f:superlative");
    expect(features("It is the largest dam in Asia.")).toContain("f:superlative");
    expect(features("He spoke about the Two Sessions.")).not.toContain("f:count");
    expect(features("Trade between the two countries grew.")).not.toContain("f:count");
    expect(features("Three ministers resigned.")).toContain("f:count");
    expect(features("Pakistan's first astronauts are set to join a Chinese mission.")).not.toContain("f:future");
    expect(features("The minister will visit Beijing next year.")).toContain("f:future");
  });

  it("gives distinct sentences distinct scores (no mass ties)", () => {
    const { body } = readCorpusArticle("app-2025-03-11-two-sessions-cpec.txt");
    const scores = suggestClaims(body).map((s) => s.score);
    expect(new Set(scores).size).toBeGreaterThanOrEqual(scores.length - 1);
  });

  it("says so when a sentence is scored on language-neutral features only", () => {
    expect(detectLanguage("The government said exports rose five percent last year, the highest rise in a decade.")).toBe("eng");
    const es = "El gobierno informó que las exportaciones crecieron un 5% el año pasado, el mayor aumento en una década.";
    expect(detectLanguage(es)).toBe("spa");
    const scored = defaultScorer.score(es);
    expect(scored.reasons.at(-1)).toMatch(/^not in English \(spa\): scored on figures, symbols and length only$/);
    expect(scored.reasons).toContain("gives a figure");
    expect(defaultScorer.score("中国去年经济增长5%，创十年来新高。").reasons.at(-1)).toMatch(/^not in English/);
  });

  it("scores well under a millisecond per sentence, deterministically", () => {
    const { body } = readCorpusArticle("app-2025-03-11-two-sessions-cpec.txt");
    const sentences = suggestClaims(body).map((s) => s.text);
    const started = performance.now();
    for (let i = 0; i < 50; i++) for (const s of sentences) defaultScorer.score(s, { language: "eng" });
    expect((performance.now() - started) / (50 * sentences.length)).toBeLessThan(1);
    expect(JSON.stringify(suggestClaims(body))).toBe(JSON.stringify(suggestClaims(body)));
  });

  it("keeps the team's own labelled articles as a smoke test", async () => {
    const { evaluateArticles } = await import("../../packages/schema/src/intelligence/evaluate.ts");
    const set = JSON.parse(
      fs.readFileSync(new URL("../../packages/schema/src/intelligence/eval/labelled-articles.json", import.meta.url), "utf8"),
    );
    const result = evaluateArticles(set);
    expect(result.articles).toBeGreaterThanOrEqual(5);
    expect(result.averagePrecision).toBeGreaterThan(0.5);
  });

  it("reproduces the committed weights exactly from the shared data", () => {
    const out = execFileSync("npx", ["tsx", "src/cli/train-checkworthiness.ts", "--check"], {
      cwd: new URL("../../packages/schema/", import.meta.url),
      encoding: "utf8",
    });
    expect(out).toContain("reproduced exactly");
  }, 600_000);
});
