/**
 * Ranking quality of a check-worthiness scorer on labelled articles:
 * precision at 3 and 5, mean average precision, and nDCG.
 */
import { type CheckworthinessScorer, ruleScorer, suggestClaims } from "./checkworthiness.ts";

export interface LabelledSet {
  articles: { id: string; sentences: [string, boolean][] }[];
}

export interface EvaluationResult {
  scorer: string;
  articles: number;
  sentences: number;
  precisionAt3: number;
  precisionAt5: number;
  meanAveragePrecision: number;
  ndcg: number;
  perArticle: { id: string; precisionAt3: number; averagePrecision: number }[];
}

export function evaluate(set: LabelledSet, scorer: CheckworthinessScorer = ruleScorer): EvaluationResult {
  const perArticle = set.articles.map((article) => {
    const body = article.sentences.map(([text]) => text).join(" ");
    const labels = new Map(article.sentences.map(([text, label]) => [text, label]));
    const ranked = suggestClaims(body, scorer).map((s) => {
      const label = labels.get(s.text);
      if (label === undefined) throw new Error(`${article.id}: the splitter produced "${s.text}", which is not a labelled sentence`);
      return label;
    });
    const relevant = ranked.filter(Boolean).length;
    const precisionAt = (k: number) => ranked.slice(0, k).filter(Boolean).length / Math.min(k, ranked.length);
    let hits = 0;
    let sumPrecision = 0;
    ranked.forEach((label, i) => {
      if (label) sumPrecision += ++hits / (i + 1);
    });
    const dcg = ranked.reduce((sum, label, i) => sum + (label ? 1 / Math.log2(i + 2) : 0), 0);
    const ideal = Array.from({ length: relevant }, (_, i) => 1 / Math.log2(i + 2)).reduce((a, b) => a + b, 0);
    return { id: article.id, precisionAt3: precisionAt(3), precisionAt5: precisionAt(5), averagePrecision: relevant ? sumPrecision / relevant : 0, ndcg: ideal ? dcg / ideal : 0 };
  });
  const mean = (f: (a: (typeof perArticle)[number]) => number) => perArticle.reduce((s, a) => s + f(a), 0) / perArticle.length;
  return {
    scorer: scorer.name,
    articles: perArticle.length,
    sentences: set.articles.reduce((n, a) => n + a.sentences.length, 0),
    precisionAt3: mean((a) => a.precisionAt3),
    precisionAt5: mean((a) => a.precisionAt5),
    meanAveragePrecision: mean((a) => a.averagePrecision),
    ndcg: mean((a) => a.ndcg),
    perArticle: perArticle.map(({ id, precisionAt3, averagePrecision }) => ({ id, precisionAt3, averagePrecision })),
  };
}
