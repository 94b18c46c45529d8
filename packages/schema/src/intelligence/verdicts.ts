/**
 * Other fact-checkers' verdicts on our rating scale.
 *
 * Order of rules (the first that answers wins):
 *  1. an editor's mapping for this publisher and label (stored, audited);
 *  2. a step of our scale with the same label;
 *  3. the label is a common verdict word or phrase (dictionary below, in
 *     English, Spanish, Portuguese, French, German, Hindi, Urdu, Arabic and
 *     Chinese; also when it opens the label, as in "Falso: …");
 *  4. its position, only when both worstRating < bestRating are given and the
 *     value lies between them. Numbers say how true a claim is, not whether it
 *     was invented, so their worst maps to our "false" step and their best to
 *     our best, linearly between; a value exactly between two of our steps takes
 *     the less true one (a verdict is never made milder by rounding).
 *  Otherwise it stays unmapped, keeping its own label, until an editor maps it.
 */

export type Verdict = "TRUE" | "MOSTLY_TRUE" | "HALF_TRUE" | "MISLEADING" | "MOSTLY_FALSE" | "FALSE" | "UNPROVEN" | "BASELESS";

export interface ScaleStep {
  id: string;
  label: string;
  value: number;
}

export interface TheirRating {
  ratingLabel: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
}

export type MappedBy = "editor" | "label" | "dictionary" | "position";

export const verdictWords: Record<Verdict, string[]> = {
  TRUE: [
    "true",
    "correct",
    "accurate",
    "verified",
    "real",
    "verdadero",
    "cierto",
    "correcto",
    "verdad", // es
    "verdadeiro",
    "correto",
    "verdade", // pt
    "vrai",
    "exact",
    "correct", // fr
    "wahr",
    "richtig",
    "korrekt",
    "stimmt", // de
    "सच",
    "सही",
    "सत्य", // hi
    "سچ",
    "درست",
    "صحیح", // ur
    "صحيح",
    "حقيقي", // ar
    "正確",
    "正确",
    "真實",
    "真实",
    "屬實",
    "属实", // zh
  ],
  MOSTLY_TRUE: [
    "mostly true",
    "mostly correct",
    "mostly accurate",
    "largely true",
    "mayormente verdadero",
    "casi verdadero",
    "mayormente cierto",
    "quase verdadeiro",
    "verdadeiro mas",
    "majoritariamente verdadeiro",
    "plutot vrai",
    "globalement vrai",
    "weitgehend wahr",
    "uberwiegend wahr",
    "grosstenteils wahr",
    "ज़्यादातर सच",
    "अधिकतर सच",
    "زیادہ تر درست",
    "صحيح في الغالب",
    "大致正確",
    "大致正确",
    "基本屬實",
    "基本属实",
  ],
  HALF_TRUE: [
    "half true",
    "partly true",
    "partially true",
    "mixture",
    "mixed",
    "half truth",
    "verdad a medias",
    "medio verdadero",
    "parcialmente verdadero",
    "parcialmente cierto",
    "media verdad",
    "meia verdade",
    "parcialmente verdadeiro",
    "nao e bem assim",
    "a moitie vrai",
    "en partie vrai",
    "partiellement vrai",
    "moitie vrai",
    "halb wahr",
    "halbwahr",
    "teilweise wahr",
    "teils richtig",
    "आधा सच",
    "आंशिक रूप से सच",
    "आंशिक सच",
    "آدھا سچ",
    "جزوی طور پر درست",
    "جزوی سچ",
    "صحيح جزئيا",
    "نصف حقيقة",
    "部分正確",
    "部分正确",
    "半真半假",
  ],
  MISLEADING: [
    "misleading",
    "missing context",
    "lacks context",
    "needs context",
    "out of context",
    "exaggerated",
    "distorted",
    "cherry picked",
    "spin",
    "enganoso",
    "sacado de contexto",
    "fuera de contexto",
    "falta contexto",
    "exagerado",
    "impreciso",
    "descontextualizado",
    "enganoso",
    "fora de contexto",
    "sem contexto",
    "distorcido",
    "contraditorio",
    "descontextualizado",
    "trompeur",
    "trompeuse",
    "manque de contexte",
    "hors contexte",
    "sorti de son contexte",
    "exagere",
    "imprecis",
    "irrefuhrend",
    "fehlender kontext",
    "aus dem kontext gerissen",
    "ubertrieben",
    "verzerrt",
    "भ्रामक",
    "गुमराह करने वाला",
    "संदर्भ से बाहर",
    "گمراہ کن",
    "مضلل",
    "خارج السياق",
    "مبالغ فيه",
    "誤導",
    "误导",
    "易生誤解",
    "易生误解",
    "缺乏背景",
    "斷章取義",
    "断章取义",
  ],
  MOSTLY_FALSE: [
    "mostly false",
    "partly false",
    "partially false",
    "largely false",
    "mostly incorrect",
    "mayormente falso",
    "parcialmente falso",
    "casi falso",
    "parcialmente falso",
    "quase falso",
    "plutot faux",
    "partiellement faux",
    "en partie faux",
    "uberwiegend falsch",
    "teilweise falsch",
    "weitgehend falsch",
    "ज़्यादातर गलत",
    "आंशिक रूप से गलत",
    "आंशिक रूप से ग़लत",
    "جزوی طور پر غلط",
    "خطأ جزئيا",
    "زائف جزئيا",
    "部分錯誤",
    "部分错误",
    "大致錯誤",
    "大致错误",
  ],
  FALSE: [
    "false",
    "incorrect",
    "wrong",
    "untrue",
    "inaccurate",
    "fake",
    "hoax",
    "altered",
    "manipulated",
    "doctored",
    "pants on fire",
    "not true",
    "debunked",
    "falso",
    "incorrecto",
    "bulo",
    "montaje",
    "manipulado",
    "falsa", // es
    "falso",
    "incorreto",
    "boato",
    "montagem",
    "manipulado",
    "errado", // pt
    "faux",
    "fausse",
    "inexact",
    "infox",
    "montage",
    "truque", // fr
    "falsch",
    "unwahr",
    "manipuliert",
    "fake news", // de
    "गलत",
    "झूठ",
    "झूठा",
    "फर्जी",
    "फेक",
    "असत्य",
    "भ्रम", // hi (nukta stripped)
    "غلط",
    "جھوٹ",
    "جعلی",
    "جھوٹا", // ur
    "زائف",
    "خطا",
    "كاذب",
    "خاطي",
    "غير صحيح",
    "مزيف",
    "عار عن الصحه", // ar (hamza/taa marbuta folded)
    "錯誤",
    "错误",
    "假",
    "虛假",
    "虚假",
    "不實",
    "不实",
    "謠言",
    "谣言", // zh
  ],
  UNPROVEN: [
    "unproven",
    "unverified",
    "unsubstantiated",
    "insufficient evidence",
    "not enough evidence",
    "cannot be verified",
    "unsupported",
    "no verificable",
    "sin evidencia",
    "sin pruebas",
    "insuficiente",
    "sem provas",
    "sem evidencias",
    "insustentavel",
    "nao comprovado",
    "non verifie",
    "invérifiable",
    "inverifiable",
    "pas de preuve",
    "aucune preuve",
    "unbelegt",
    "nicht belegt",
    "unbewiesen",
    "अप्रमाणित",
    "असत्यापित",
    "غیر مصدقہ",
    "غير مثبت",
    "لا دليل",
    "證據不足",
    "证据不足",
    "無法證實",
    "无法证实",
    "尚無證據",
    "尚无证据",
  ],
  BASELESS: [
    "baseless",
    "unfounded",
    "fabricated",
    "no evidence",
    "made up",
    "invented",
    "infundado",
    "sin fundamento",
    "inventado",
    "sem fundamento",
    "inventado",
    "infundado",
    "infonde",
    "sans fondement",
    "invente",
    "frei erfunden",
    "erfunden",
    "haltlos",
    "बेबुनियाद",
    "निराधार",
    "मनगढ़ंत",
    "بے بنیاد",
    "من گھڑت",
    "مفبرك",
    "ملفق",
    "لا اساس له",
    "捏造",
    "無中生有",
    "无中生有",
  ],
};

/**
 * Folds what differs between spellings of one verdict: case, Latin accents
 * (not Devanagari or Arabic vowel signs, which are letters), Hindi nukta,
 * Arabic harakat and hamza forms, underscores and punctuation.
 */
export function normalizeLabel(label: string): string {
  return label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\u093c/g, "")
    .replace(/[\u064b-\u065f\u0670]/g, "")
    .replace(/[أإآ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .replace(/ئ/g, "ي")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[_\-–—]+/g, " ")
    .replace(/[«»"“”'‘’!¡?¿.,;:()[\]]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const dictionary = new Map<string, Verdict>();
for (const [verdict, list] of Object.entries(verdictWords) as [Verdict, string[]][])
  for (const w of list) dictionary.set(normalizeLabel(w), verdict);

/** The verdict a label names: the whole label, or the words before its first colon, dash or full stop. */
export function verdictOf(label: string): Verdict | null {
  const whole = dictionary.get(normalizeLabel(label));
  if (whole) return whole;
  const head = /^([^:.!–—]+?)\s*[:.!–—]/.exec(label)?.[1] ?? /^(.+?)\s+-\s+/.exec(label)?.[1];
  return head ? (dictionary.get(normalizeLabel(head)) ?? null) : null;
}

/** Where a verdict lands on our scale when we have no step of that name. */
const fallbacks: Record<Verdict, Verdict[]> = {
  TRUE: ["TRUE"],
  MOSTLY_TRUE: ["MOSTLY_TRUE", "TRUE"],
  HALF_TRUE: ["HALF_TRUE", "MISLEADING", "MOSTLY_FALSE"],
  MISLEADING: ["MISLEADING", "MOSTLY_FALSE", "HALF_TRUE"],
  MOSTLY_FALSE: ["MOSTLY_FALSE", "MISLEADING", "FALSE"],
  FALSE: ["FALSE"],
  UNPROVEN: ["UNPROVEN", "BASELESS"],
  BASELESS: ["BASELESS", "UNPROVEN", "FALSE"],
};

function stepFor(verdict: Verdict, scale: ScaleStep[]): ScaleStep | null {
  for (const v of fallbacks[verdict]) {
    const step = scale.find((s) => verdictOf(s.label) === v);
    if (step) return step;
  }
  return null;
}

export function mapVerdict(
  review: TheirRating & { publisherName?: string },
  scale: ScaleStep[],
  editorMappings: Map<string, string> = new Map(),
): { ratingId: string | null; mappedBy: MappedBy | null } {
  const mapped = review.publisherName ? editorMappings.get(mappingKey(review.publisherName, review.ratingLabel)) : undefined;
  if (mapped) return { ratingId: mapped, mappedBy: "editor" };
  const label = normalizeLabel(review.ratingLabel);
  const same = scale.find((s) => normalizeLabel(s.label) === label);
  if (same) return { ratingId: same.id, mappedBy: "label" };
  const verdict = verdictOf(review.ratingLabel);
  const byWord = verdict ? stepFor(verdict, scale) : null;
  if (byWord) return { ratingId: byWord.id, mappedBy: "dictionary" };
  const byPosition = positionOnScale(review, scale);
  return byPosition ? { ratingId: byPosition.id, mappedBy: "position" } : { ratingId: null, mappedBy: null };
}

function positionOnScale({ ratingValue: v, bestRating: best, worstRating: worst }: TheirRating, scale: ScaleStep[]): ScaleStep | null {
  if (v == null || best == null || worst == null || !(worst < best) || v < worst || v > best || scale.length === 0) return null;
  const top = Math.max(...scale.map((s) => s.value));
  const bottom = stepFor("FALSE", scale)?.value ?? Math.min(...scale.map((s) => s.value));
  const target = bottom + ((v - worst) / (best - worst)) * (top - bottom);
  const candidates = scale.filter((s) => s.value >= bottom);
  // Nearest step; on an exact tie, the lower (less true) one.
  return [...candidates].sort((a, b) => Math.abs(a.value - target) - Math.abs(b.value - target) || a.value - b.value)[0] ?? null;
}

/** The key of an editor's mapping: one publisher's one label, compared as the dictionary compares. */
export function mappingKey(publisherName: string, ratingLabel: string): string {
  return `${publisherName.trim().toLowerCase()}\u0000${normalizeLabel(ratingLabel)}`;
}
