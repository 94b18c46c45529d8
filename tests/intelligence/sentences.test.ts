import { describe, expect, it } from "vitest";
import { splitSentences } from "../../packages/schema/src/intelligence/sentences.ts";
import { spanText } from "@claimdesk/db";

describe("sentence splitting", () => {
  it("keeps abbreviations, initials, decimals, money and percentages inside sentences", () => {
    const text = 'Mr. Sharif met Dr. A. Khan in the U.S. on Jan. 5. Growth was 5.2% and exports reached $600.5 million. "It is a remarkable feat." Next came the vote.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      "Mr. Sharif met Dr. A. Khan in the U.S. on Jan. 5.",
      "Growth was 5.2% and exports reached $600.5 million.",
      '"It is a remarkable feat."',
      "Next came the vote.",
    ]);
  });

  it("keeps a closing quote with its sentence and breaks at paragraphs", () => {
    const text = 'He said, "We signed 45 MOUs." Then he left\n\nA new paragraph without a stop';
    expect(splitSentences(text).map((s) => s.text)).toEqual(['He said, "We signed 45 MOUs."', "Then he left", "A new paragraph without a stop"]);
  });

  it("returns exact code-point spans", () => {
    const text = "🙂 Prices rose 5%. Wages fell 2%.";
    for (const s of splitSentences(text)) expect(spanText(text, s.start, s.end)).toBe(s.text);
    expect(splitSentences(text)[1]).toEqual({ text: "Wages fell 2%.", start: 18, end: 32 });
  });
});
