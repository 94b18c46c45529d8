/**
 * How the check-worthiness model is trained, shared by `train:checkworthiness`
 * (which writes the committed weights) and `eval:checkworthiness` (which
 * retrains per held-out debate). Two linear models: one over every feature,
 * one over the language-neutral features only (for text in other languages).
 */
import { extractFeatures } from "../intelligence/checkworthiness-features.ts";
import type { CheckworthinessModelFile } from "../intelligence/checkworthiness.ts";
import { type Example, type TrainOptions, train } from "../intelligence/logistic-regression.ts";
import { type LabelledDocument, type LabelledSentence, sentenceKey } from "./shared-data.ts";

export const trainingSettings = {
  /** ClaimBuster's crowd labels (check-worthy factual sentences) count as much as CLEF's (chosen by cross-validation). */
  claimBusterWeight: 1,
  /** An editor's decision on the desk's own articles. */
  deskWeight: 2,
  /** CLEF positives are rare (about 1 in 37): weigh them up so the model learns them. */
  positiveWeight: 4,
  options: { epochs: 4, learningRate: 0.1, l2: 1e-5, seed: 16, minCount: 5, precision: 3 } satisfies TrainOptions,
};

export interface TrainingInput {
  debates: LabelledDocument[];
  claimBuster: LabelledSentence[];
  desk?: LabelledSentence[];
  /** Sentences never to learn from (the held-out debate's, in cross-validation). */
  exclude?: Set<string>;
}

export function trainCheckworthiness(input: TrainingInput, settings = trainingSettings): Omit<CheckworthinessModelFile, "trainedOn"> {
  const sources: [LabelledSentence[], number][] = [
    [input.debates.flatMap((d) => d.sentences), 1],
    [input.claimBuster, settings.claimBusterWeight],
    [input.desk ?? [], settings.deskWeight],
  ];
  const full: Example[] = [];
  const neutral: Example[] = [];
  for (const [sentences, weight] of sources) {
    for (const s of sentences) {
      if (input.exclude?.has(sentenceKey(s.text))) continue;
      const w = weight * (s.label ? settings.positiveWeight : 1);
      full.push({ features: extractFeatures(s.text), label: s.label, weight: w });
      neutral.push({ features: extractFeatures(s.text, { neutralOnly: true }), label: s.label, weight: w });
    }
  }
  return { full: train(full, settings.options), neutral: train(neutral, settings.options) };
}
