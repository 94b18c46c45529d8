/**
 * The interpretable signals a check-worthiness model weighs, each with the
 * words an editor sees when it contributes ("states an amount of money"), plus
 * the sentence's word n-grams. Features are binary or small counts, so a linear
 * model's contribution of each is its weight (times the count).
 *
 * `neutral` features read only digits, symbols and punctuation: they still
 * mean something in a language the word features were not trained on.
 */

export interface FeatureDef {
  id: string;
  /** What it says about the sentence when it raises the score. */
  reason: string;
  neutral?: boolean;
}

const num = String.raw`\d[\d,]*(?:\.\d+)?`;
const months =
  "january|february|march|april|june|july|august|september|october|november|december|jan\\.|feb\\.|aug\\.|sept?\\.|oct\\.|nov\\.|dec\\.";
const numberWords =
  "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|hundreds|thousands|millions|half|quarter|a third|twice|triple";

interface Detector extends FeatureDef {
  /** 0 when absent; 1 (or a small count) when present. */
  test: (s: string, words: string[]) => number;
}

const has = (re: RegExp) => (s: string) => (re.test(s) ? 1 : 0);

const detectors: Detector[] = [
  { id: "number", reason: "gives a figure", neutral: true, test: has(/\d/) },
  { id: "percent", reason: "states a percentage", neutral: true, test: has(new RegExp(`${num}\\s?(?:%|per ?cent\\b|percent\\b)`, "i")) },
  {
    id: "money",
    reason: "states an amount of money",
    neutral: true,
    test: has(
      new RegExp(
        `[$€£¥₹]\\s?${num}|\\b(?:us\\$|usd|rs\\.?|rupees?|yuan|rmb|euros?|dollars?|pounds)\\s?${num}|${num}\\s?(?:million|billion|trillion|m|bn)?\\s?(?:dollars|rupees|yuan|euros|pounds)\\b`,
        "i",
      ),
    ),
  },
  { id: "large", reason: "gives a large figure", test: has(/\b(?:million|billion|trillion|lakh|crore|bn)\b/i) },
  { id: "year", reason: "names a year", neutral: true, test: has(/\b(?:1[89]|20)\d{2}\b/) },
  {
    id: "date",
    reason: "names a date",
    test: has(
      new RegExp(
        `\\b(?:${months})\\b|\\bmay \\d|\\b(?:last|this|next) (?:year|month|week|decade)\\b|\\bsince (?:${num}|the)\\b|\\b\\d+ (?:years?|months?|days?) ago\\b`,
        "i",
      ),
    ),
  },
  // "Two Sessions" (a name) and "the two countries" (both of them) are not counts.
  {
    id: "count",
    reason: "gives a count",
    test: has(
      new RegExp(`(?<!\\b(?:the|these|those|both|all) )\\b(?:${numberWords})\\b(?! (?:of (?:them|us|you|those|these)|sessions)\\b)`, "i"),
    ),
  },
  {
    id: "unit",
    reason: "gives a quantity with a unit",
    neutral: true,
    test: has(
      new RegExp(
        `${num}\\s?(?:km|kilomet|miles?|tons?|tonnes?|kg|mw|gw|kwh|barrels?|acres?|hectares?|people|jobs|percent|times|points|votes|cases|deaths|troops|soldiers|workers|students|children|americans|illegal)`,
        "i",
      ),
    ),
  },
  {
    id: "comparative",
    reason: "compares quantities",
    test: has(
      /\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|faster|slower|cheaper|richer|poorer) than\b|\b(?:increased?|decreased?|doubled|tripled|halved|rose|fell|grew|dropped|declined|cut|raised|up|down) (?:by|from|to)\b/i,
    ),
  },
  // Ordinals like "first quarter" or "first time" are positions, not rankings.
  {
    id: "superlative",
    reason: "ranks something (superlative, record)",
    test: has(
      /\b(?:largest|biggest|highest|lowest|smallest|fastest|slowest|worst|best|greatest|poorest|richest|strongest|weakest|deadliest|most|least|record|all-time|ever|number one|second-largest|leading)\b/i,
    ),
  },
  {
    id: "statsBody",
    reason: "cites a source of statistics",
    test: (s) =>
      /\b(?:according to|data (?:from|show)|statistics|census|survey|poll|bureau|ministry|department of|imf|world bank|united nations|official figures|study|studies|report(?:ed|s)? (?:by|from|that)|economists?|analysts?|cbo|gao|fbi|cdc)\b/i.test(
        s,
      ) || /\bWHO\b|\bOECD\b|\bBLS\b/.test(s)
        ? 1
        : 0,
  },
  {
    id: "attribution",
    reason: "is an attributed statement",
    test: has(/\b(?:said|says|stated|told|claimed|added|noted|announced|pointed out|highlighted|reported|confirmed|denied)\b/i),
  },
  {
    id: "pastEvent",
    reason: "reports a definite past event",
    test: has(
      /\b(?:signed|approved|launched|completed|increased|decreased|rose|fell|grew|declined|dropped|doubled|reached|built|voted|killed|arrested|won|lost|passed|imported|exported|spent|invested|recorded|filed|created|cut|raised|paid|lost|added|closed|opened|sent|shipped|fired|hired)\b/i,
    ),
  },
  {
    id: "law",
    reason: "refers to a law, bill or policy",
    test: has(
      /\b(?:law|bill|act|tax(?:es)?|budget|deficit|debt|treaty|deal|agreement|regulation|plan|obamacare|medicare|medicaid|social security|tariffs?)\b/i,
    ),
  },
  {
    id: "economy",
    reason: "is about jobs, prices or the economy",
    test: has(
      /\b(?:jobs?|unemployment|wages?|income|gdp|economy|growth|inflation|prices?|trade|exports?|imports?|manufacturing|taxpayers?|spending)\b/i,
    ),
  },
  { id: "entities", reason: "names people, places or organisations", test: (_s, words) => Math.min(3, properNames(words)) },
  { id: "acronym", reason: "names an organisation (acronym)", neutral: true, test: has(/\b[A-Z]{2,6}\b(?<!\bI\b)/) },
  {
    id: "hedge",
    reason: "hedges (maybe, perhaps, probably)",
    test: has(/\b(?:maybe|perhaps|probably|possibly|seems?|apparently|sort of|kind of|roughly|i guess|i suppose)\b/i),
  },
  {
    id: "modal",
    reason: "says what should happen (should, must, need to)",
    test: has(/\b(?:should|must|ought to|need to|needs to|have to|has to|got to|gotta)\b/i),
  },
  // "set to join" reports a scheduled fact; the future cue is "will", "going to", "plans".
  {
    id: "future",
    reason: "is a prediction or promise",
    test: has(
      /\b(?:will|won't|'ll|going to|gonna|would|could|might|expected to|likely to|plans? to|aims? to|intends? to|wants? to|promise|vow)\b/i,
    ),
  },
  {
    id: "opinion",
    reason: "expresses an opinion",
    test: has(
      /\b(?:i think|i believe|we believe|i feel|in my opinion|i hope|remarkable|generous|outstanding|great|wonderful|excellent|terrible|horrible|amazing|beautiful|disgrace(?:ful)?|ridiculous|incredible|tremendous|disaster|fantastic|important|ironclad|deserve|love|hate)\b/i,
    ),
  },
  { id: "firstPerson", reason: "speaks of the speaker (I, we)", test: has(/\b(?:i|i'm|i've|i'd|we|we're|we've|my|our|me|us)\b/i) },
  { id: "secondPerson", reason: "addresses someone (you)", test: has(/\b(?:you|you're|your|you've)\b/i) },
  { id: "question", reason: "asks a question", neutral: true, test: has(/\?\s*["”'’)]*\s*$/) },
  { id: "negation", reason: "states a negation", test: has(/\b(?:not|never|no|n't|nobody|nothing|none)\b|n't\b/i) },
  {
    id: "thanks",
    reason: "is a greeting or thanks",
    test: has(/\b(?:thank(?:s| you)|applause|laughter|crosstalk|good (?:evening|morning|night)|welcome|hello|congratulations)\b/i),
  },
  { id: "quote", reason: "quotes someone", neutral: true, test: has(/["“”]/) },
  { id: "short", reason: "is very short", neutral: true, test: (_s, words) => (words.length < 6 ? 1 : 0) },
  { id: "medium", reason: "is of medium length", neutral: true, test: (_s, words) => (words.length >= 6 && words.length < 15 ? 1 : 0) },
  { id: "long", reason: "is long and detailed", neutral: true, test: (_s, words) => (words.length >= 25 ? 1 : 0) },
];

export const featureDefs: FeatureDef[] = detectors.map(({ id, reason, neutral }) => ({ id, reason, neutral }));

/** Capitalised words that do not start the sentence and are not "I". */
function properNames(words: string[]): number {
  let n = 0;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w !== "I" && /^\p{Lu}\p{Ll}/u.test(w) && !/[.!?:]$/.test(words[i - 1]!)) n++;
  }
  return n;
}

/** Lower-case word tokens, figures folded into one token so "$600 million" and "$3 billion" share n-grams. */
export function tokens(sentence: string): string[] {
  return (sentence.toLowerCase().match(/[\p{L}\p{N}$%€£']+/gu) ?? [])
    .map((t) => (/\d/.test(t) ? (/%/.test(t) ? "<pct>" : /[$€£]/.test(t) ? "<money>" : "<num>") : t.replace(/^'+|'+$/g, "")))
    .filter(Boolean);
}

export type Features = Map<string, number>;

/**
 * The sentence's features: `f:<id>` for each signal present, `w:<word>` and
 * `b:<word word>` for its n-grams. With `neutralOnly`, only the language-neutral ones.
 */
export function extractFeatures(sentence: string, options: { neutralOnly?: boolean } = {}): Features {
  const features: Features = new Map();
  const words = sentence.split(/\s+/).filter(Boolean);
  for (const d of detectors) {
    if (options.neutralOnly && !d.neutral) continue;
    const v = d.test(sentence, words);
    if (v) features.set(`f:${d.id}`, v);
  }
  if (options.neutralOnly) return features;
  const toks = tokens(sentence);
  for (let i = 0; i < toks.length; i++) {
    features.set(`w:${toks[i]}`, 1);
    if (i + 1 < toks.length) features.set(`b:${toks[i]} ${toks[i + 1]}`, 1);
  }
  return features;
}

const reasonById = new Map(featureDefs.map((d) => [`f:${d.id}`, d.reason]));

const functionWords = new Set(
  "a an the of in on at to for from by with and or but is are was were be been it its this that these those he she they them his her their we our i you your as so if than then there here have has had do does did not can up".split(
    " ",
  ),
);

/** Whether a feature can be shown as a reason: signals, and n-grams with a content word. */
export function isExplanatory(key: string): boolean {
  if (key.startsWith("f:")) return true;
  if (key.includes("<")) return false; // figures folded into n-grams repeat what the signals say in words
  return key
    .slice(2)
    .split(" ")
    .some((w) => !functionWords.has(w));
}

/** The words an editor reads for a feature: the signal's reason, or the phrase it saw. */
export function describeFeature(key: string): string {
  const reason = reasonById.get(key);
  if (reason) return reason;
  return `uses the words "${key.slice(2)}"`;
}
