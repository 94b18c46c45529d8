/**
 * Which sentences of an article are worth checking.
 *
 * A transparent, deterministic scorer: each signal a fact-checker looks for
 * (quantities, money, dates, rankings, named statistics, attribution, definite
 * past events) adds weight and names itself as a reason; opinion, intent and
 * prediction take weight away. Runs in-process. Any scorer with the same
 * interface (e.g. a trained model) can replace it.
 */
import { type Sentence, splitSentences } from "./sentences.ts";

export interface Suggestion extends Sentence {
  /** 0 (not worth checking) to 1. */
  score: number;
  reasons: string[];
}

export interface CheckworthinessScorer {
  readonly name: string;
  score(sentence: string): { score: number; reasons: string[] };
}

interface Signal {
  reason: string;
  weight: number;
  pattern: RegExp;
}

const signals: Signal[] = [
  { reason: "states a percentage", weight: 0.3, pattern: /\d+(?:\.\d+)?\s?(?:%|per ?cent\b)/i },
  { reason: "states an amount of money", weight: 0.3, pattern: /(?:[$€£¥₹]|\b(?:us\$|usd|rs\.?|rupees?|yuan|rmb|euros?|dollars?)\s?)\s?\d|\d[\d,.]*\s?(?:million|billion|trillion)?\s?(?:dollars|rupees|yuan|euros)\b/i },
  { reason: "gives a quantity", weight: 0.2, pattern: /\b\d[\d,]*(?:\.\d+)?\b(?!\s?(?:%|per ?cent))/ },
  { reason: "gives a count", weight: 0.15, pattern: /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds|thousands)\b/i },
  { reason: "gives a large figure", weight: 0.1, pattern: /\b(?:million|billion|trillion|lakh|crore)\b/i },
  { reason: "names a date or year", weight: 0.1, pattern: /\b(?:19|20)\d{2}\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\blast (?:year|month|week)\b/i },
  { reason: "ranks or compares (superlative)", weight: 0.2, pattern: /\b(?:first|largest|biggest|highest|lowest|smallest|fastest|slowest|most|least|leading|record|top|only|second-largest|worst|best)\b/i },
  { reason: "cites a source of statistics", weight: 0.2, pattern: /\b(?:according to|data (?:from|show)|statistics|census|survey|bureau|ministry|imf|world bank|united nations|who\b|official figures|report(?:ed)?|study)\b/i },
  { reason: "is an attributed statement", weight: 0.1, pattern: /\b(?:said|says|stated|told|claimed|added|noted|announced|pointed out|highlighted)\b/i },
  { reason: "reports a definite past event", weight: 0.15, pattern: /\b(?:signed|approved|launched|completed|increased|decreased|rose|fell|grew|declined|dropped|doubled|reached|built|vaccinated|killed|arrested|won|lost|passed|imported|exported|spent|invested|recorded|filed)\b/i },
];

const penalties: Signal[] = [
  { reason: "expresses an opinion", weight: -0.25, pattern: /\b(?:i think|i believe|we believe|remarkable|generous|outstanding|great|wonderful|excellent|important|ironclad|should|must|deserve)\b/i },
  { reason: "states an intent or plan", weight: -0.25, pattern: /\b(?:aims? to|plans? to|intends? to|is committed to|are committed to|seeks? to|wants? to|priorit(?:y|izing|ising)|will be|efforts to)\b/i },
  { reason: "makes a prediction", weight: -0.2, pattern: /\b(?:will|would|could|might|may|expected to|likely to|potential|prospects|set to|offers? .* advantages)\b/i },
  { reason: "asks a question", weight: -0.3, pattern: /\?\s*["”']?$/ },
];

export const ruleScorer: CheckworthinessScorer = {
  name: "rules-v1",
  score(sentence) {
    let score = 0.1;
    const reasons: string[] = [];
    for (const signal of [...signals, ...penalties]) {
      if (signal.pattern.test(sentence)) {
        score += signal.weight;
        reasons.push(signal.reason);
      }
    }
    // Very short fragments are rarely checkable on their own.
    if (sentence.split(/\s+/).length < 6) {
      score -= 0.15;
      reasons.push("is very short");
    }
    return { score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000, reasons };
  },
};

/** The article's sentences, most check-worthy first (ties in reading order). */
export function suggestClaims(body: string, scorer: CheckworthinessScorer = ruleScorer): Suggestion[] {
  return splitSentences(body)
    .map((sentence) => ({ ...sentence, ...scorer.score(sentence.text) }))
    .sort((a, b) => b.score - a.score || a.start - b.start);
}
