import { describe, expect, it } from "vitest";
import { mapVerdict, normalizeLabel, verdictOf, verdictWords } from "../../packages/schema/src/intelligence/verdicts.ts";

const scale = [
  ["True", 6],
  ["Mostly true", 5],
  ["Half true", 4],
  ["Mostly false", 3],
  ["False", 2],
  ["Baseless", 1],
].map(([label, value]) => ({ id: label as string, label: label as string, value: value as number }));
const map = (ratingLabel: string, ratingValue: number | null = null, worstRating: number | null = null, bestRating: number | null = null) =>
  mapVerdict({ ratingLabel, ratingValue, worstRating, bestRating }, scale);

describe("verdict mapping", () => {
  it("knows 'false' in every language our users publish in, and 'misleading' is not 'false'", () => {
    const falses = { en: "False", es: "Falso", pt: "FALSO", fr: "Faux", de: "Falsch", hi: "ग़लत", ur: "غلط", ar: "زائف", zh: "錯誤" };
    for (const [lang, word] of Object.entries(falses)) expect(map(word).ratingId, lang).toBe("False");
    const misleading = {
      en: "Misleading",
      es: "Engañoso",
      pt: "Enganoso",
      fr: "Trompeur",
      de: "Irreführend",
      hi: "भ्रामक",
      ur: "گمراہ کن",
      ar: "مضلل",
      zh: "誤導",
    };
    for (const [lang, word] of Object.entries(misleading)) expect(map(word).ratingId, lang).toBe("Mostly false");
    expect(map("Verdadeiro").ratingId).toBe("True");
    expect(map("Medio verdadero").ratingId).toBe("Half true");
    expect(map("証拠不足").ratingId).toBeNull(); // Japanese is not in the dictionary
    expect(map("证据不足").ratingId).toBe("Baseless");
  });

  it("reads a verdict that opens a longer label, and folds spelling", () => {
    expect(map("FALSO: a foto é de 2019").ratingId).toBe("False");
    expect(normalizeLabel("não_é_bem_assim")).toBe("nao e bem assim");
    expect(verdictOf("Half-True")).toBe("HALF_TRUE");
  });

  it("no word names two verdicts", () => {
    const owner = new Map<string, string>();
    for (const [verdict, list] of Object.entries(verdictWords))
      for (const word of list) {
        const key = normalizeLabel(word);
        expect(owner.get(key) ?? verdict, `${word} is both ${owner.get(key)} and ${verdict}`).toBe(verdict);
        owner.set(key, verdict);
      }
  });

  it("maps by position only with worstRating < bestRating both given; worst is our False, never Baseless; ties go to the less true step", () => {
    expect(map("xyz", 1, 1, 5)).toEqual({ ratingId: "False", mappedBy: "position" });
    expect(map("xyz", 5, 1, 5).ratingId).toBe("True");
    expect(map("xyz", 3, 1, 5).ratingId).toBe("Half true");
    expect(map("xyz", 4, null, 6).ratingId).toBeNull(); // Lupa gives no worstRating
    expect(map("xyz", -1, -1, -1).ratingId).toBeNull();
    expect(map("xyz", 7, 1, 5).ratingId).toBeNull(); // outside their own scale
    // 1..9: value 2 is 2.5 on our False(2)..True(6): between False and Mostly false.
    expect(map("xyz", 2, 1, 9).ratingId).toBe("False");
    // The label wins over the position.
    expect(map("Falso", 4, 1, 6)).toEqual({ ratingId: "False", mappedBy: "dictionary" });
  });

  it("an editor's mapping for the publisher and label comes first", () => {
    const editor = new Map([["dpa\u0000reker hat diesen satz nie gesagt", "Baseless"]]);
    expect(
      mapVerdict(
        { publisherName: "DPA", ratingLabel: "Reker hat diesen Satz nie gesagt.", ratingValue: null, bestRating: null, worstRating: null },
        scale,
        editor,
      ),
    ).toEqual({ ratingId: "Baseless", mappedBy: "editor" });
  });
});
