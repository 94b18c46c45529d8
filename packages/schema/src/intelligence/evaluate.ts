/**
 * Ranking quality of a check-worthiness scorer on labelled documents, as the
 * CLEF CheckThat! lab measures it: per document, average precision, P@k and
 * ROC-AUC, then the mean over documents.
 */
import { type CheckworthinessScorer, defaultScorer, suggestClaims } from "./checkworthiness.ts";

export interface RankingMetrics {
  averagePrecision: number;
  p5: number;
  p10: number;
  p20: number;
  auc: number;
}

/** Metrics of one document's sentences ranked by score (ties in reading order). */
export function rankingMetrics(scores: number[], labels: (0 | 1 | boolean)[]): RankingMetrics {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const ranked = order.map((i) => (labels[i] ? 1 : 0));
  const relevant = ranked.reduce<number>((n, l) => n + l, 0);
  let hits = 0;
  let sum = 0;
  ranked.forEach((l, i) => {
    if (l) sum += ++hits / (i + 1);
  });
  const at = (k: number) => ranked.slice(0, k).reduce<number>((n, l) => n + l, 0) / k;
  // AUC: the chance a check-worthy sentence outranks another, ties counting half.
  let pairs = 0;
  let wins = 0;
  const pos = order.filter((i) => labels[i]).map((i) => scores[i]!);
  const neg = order
    .filter((i) => !labels[i])
    .map((i) => scores[i]!)
    .sort((a, b) => a - b);
  for (const p of pos) {
    let lo = 0;
    let hi = neg.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (neg[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    let eq = lo;
    while (eq < neg.length && neg[eq] === p) eq++;
    wins += lo + (eq - lo) / 2;
    pairs += neg.length;
  }
  return { averagePrecision: relevant ? sum / relevant : 0, p5: at(5), p10: at(10), p20: at(20), auc: pairs ? wins / pairs : 0.5 };
}

export function meanMetrics(all: RankingMetrics[]): RankingMetrics {
  const mean = (f: (m: RankingMetrics) => number) => all.reduce((s, m) => s + f(m), 0) / all.length;
  return {
    averagePrecision: mean((m) => m.averagePrecision),
    p5: mean((m) => m.p5),
    p10: mean((m) => m.p10),
    p20: mean((m) => m.p20),
    auc: mean((m) => m.auc),
  };
}

/** The one-line baseline of the CLEF reference figures: does the sentence contain a digit. */
export const digitScore = (text: string) => (/\d/.test(text) ? 1 : 0);

/** A seeded random order, the chance baseline. */
export function randomScores(n: number, seed: number): number[] {
  let a = seed >>> 0;
  return Array.from({ length: n }, () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 4294967296;
  });
}

export interface LabelledSet {
  articles: { id: string; sentences: [string, boolean][] }[];
}

/** The team's own small labelled articles: a smoke test of the whole path (splitting, language, scoring). */
export function evaluateArticles(set: LabelledSet, scorer: CheckworthinessScorer = defaultScorer) {
  const perArticle = set.articles.map((article) => {
    const body = article.sentences.map(([text]) => text).join(" ");
    const labels = new Map(article.sentences.map(([text, label]) => [text, label]));
    const ranked = suggestClaims(body, scorer);
    const flags = ranked.map((s) => {
      // A dateline is cut off the first sentence: "LAHORE: The ..." is labelled as a whole.
      const label = labels.get(s.text) ?? article.sentences.find(([text]) => text.endsWith(` ${s.text}`))?.[1];
      if (label === undefined) throw new Error(`${article.id}: the splitter produced "${s.text}", which is not a labelled sentence`);
      return label;
    });
    return {
      id: article.id,
      ...rankingMetrics(
        ranked.map((s) => s.score),
        flags,
      ),
    };
  });
  return { scorer: scorer.name, articles: perArticle.length, ...meanMetrics(perArticle), perArticle };
}
