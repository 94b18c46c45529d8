/**
 * Which sentences of an article are worth checking.
 *
 * A learned, explainable scorer: logistic regression over interpretable
 * signals (figures, money, dates, comparisons, statistics bodies, attribution;
 * hedges, opinion, predictions, questions) and word n-grams, trained on public
 * labelled debates (`npm run train:checkworthiness`, weights committed in
 * `checkworthiness-model.json`). Its reasons are the features that moved the
 * score most, both ways. Deterministic and in-process. Any scorer with the
 * same interface (e.g. a transformer served elsewhere) can replace it.
 */
import { describeFeature, extractFeatures, isExplanatory } from "./checkworthiness-features.ts";
import modelFile from "./checkworthiness-model.json" with { type: "json" };
import { detectLanguage } from "./language.ts";
import { type LinearModel, contributions, sigmoid } from "./logistic-regression.ts";
import { type Sentence, splitSentences } from "./sentences.ts";

export interface Suggestion extends Sentence {
  /** 0 (not worth checking) to 1. */
  score: number;
  reasons: string[];
}

export interface ScoringContext {
  /** ISO 639-3 code of the text's language when known (the article's, say); detected otherwise. */
  language?: string;
}

export interface CheckworthinessScorer {
  readonly name: string;
  score(sentence: string, context?: ScoringContext): { score: number; reasons: string[] };
}

export interface CheckworthinessModelFile {
  full: LinearModel;
  neutral: LinearModel;
  trainedOn: Record<string, number>;
}

/** Reasons shown per direction. */
const REASONS_UP = 3;
const REASONS_DOWN = 2;

export function linearScorer(model: CheckworthinessModelFile, name = "logreg-v1"): CheckworthinessScorer {
  const full = compile(model.full);
  const neutral = compile(model.neutral);
  return {
    name,
    score(sentence, context = {}) {
      const language = context.language ?? detectLanguage(sentence);
      const neutralOnly = language !== "eng";
      const { z, parts } = contributions(neutralOnly ? neutral : full, extractFeatures(sentence, { neutralOnly }));
      const shown = parts
        .filter(([k, c]) => Math.abs(c) > 0.05 && isExplanatory(k))
        .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1));
      const up = shown
        .filter(([, c]) => c > 0)
        .slice(0, REASONS_UP)
        .map(([k]) => describeFeature(k));
      const down = shown
        .filter(([, c]) => c < 0)
        .slice(0, REASONS_DOWN)
        .map(([k]) => `against: ${describeFeature(k)}`);
      const reasons = [...up, ...down];
      if (neutralOnly)
        reasons.push(`not in English${language === "und" ? "" : ` (${language})`}: scored on figures, symbols and length only`);
      // Six decimals: enough that distinct sentences rarely tie.
      return { score: Math.round(sigmoid(z) * 1e6) / 1e6, reasons };
    },
  };
}

/** Weights in a Map: faster to look up than a 15,000-key object. */
function compile(model: LinearModel): LinearModel {
  return { bias: model.bias, weights: new Map(Object.entries(model.weights)) as never };
}

export const defaultScorer: CheckworthinessScorer = linearScorer(modelFile as CheckworthinessModelFile);

/** The article's sentences, most check-worthy first (ties in reading order). */
export function suggestClaims(body: string, scorer: CheckworthinessScorer = defaultScorer): Suggestion[] {
  const language = detectLanguage(body);
  return splitSentences(body)
    .map((sentence) => ({ ...sentence, ...scorer.score(sentence.text, { language }) }))
    .sort((a, b) => b.score - a.score || a.start - b.start);
}
