import { describe, expect, it } from "vitest";
import { splitSentences } from "../../packages/schema/src/intelligence/sentences.ts";
import { spanText } from "@claimdesk/db";
import { readCorpusArticle } from "../../packages/db/src/seed/corpus.ts";

describe("sentence splitting", () => {
  it("keeps abbreviations, initials, decimals, money and percentages inside sentences", () => {
    const text =
      'Mr. Sharif met Dr. A. Khan in the U.S. on Jan. 5. Growth was 5.2% and exports reached $600.5 million. "It is a remarkable feat." Next came the vote.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      "Mr. Sharif met Dr. A. Khan in the U.S. on Jan. 5.",
      "Growth was 5.2% and exports reached $600.5 million.",
      '"It is a remarkable feat."',
      "Next came the vote.",
    ]);
  });

  it("keeps a closing quote with its sentence and breaks at paragraphs", () => {
    const text = 'He said, "We signed 45 MOUs." Then he left\n\nA new paragraph without a stop';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'He said, "We signed 45 MOUs."',
      "Then he left",
      "A new paragraph without a stop",
    ]);
  });

  it("returns exact code-point spans", () => {
    const text = "🙂 Prices rose 5%. Wages fell 2%.";
    for (const s of splitSentences(text)) expect(spanText(text, s.start, s.end)).toBe(s.text);
    expect(splitSentences(text)[1]).toEqual({ text: "Wages fell 2%.", start: 18, end: 32 });
  });

  it("separates datelines from the first sentence and drops wire sign-offs", () => {
    const cases: [string, string][] = [
      ["LAHORE: The Punjab government approved Rs5 billion for schools.", "The Punjab government approved Rs5 billion for schools."],
      ["ISLAMABAD, March 11 (APP): Exports rose 5% in February.", "Exports rose 5% in February."],
      ["WASHINGTON (Reuters) - The Senate passed the bill 51-49.", "The Senate passed the bill 51-49."],
      ["BEIJING, (APP - UrduPoint / Pakistan Point News - 11th Mar, 2025) Pakistan's Ambassador spoke.", "Pakistan's Ambassador spoke."],
      ["NATO said on Monday it had 32 members.", "NATO said on Monday it had 32 members."],
      ["US and China agreed.", "US and China agreed."],
    ];
    for (const [text, first] of cases) {
      const [s] = splitSentences(text);
      expect(s!.text).toBe(first);
      expect(spanText(text, s!.start, s!.end)).toBe(first);
    }
    const body = "KARACHI: Prices rose 3%.\n\nThe bank held rates.\n\nAPP/asg";
    expect(splitSentences(body).map((s) => s.text)).toEqual(["Prices rose 3%.", "The bank held rates."]);
    expect(splitSentences("Talks ended.\n\n(Reporting by Asif Shahzad; Editing by Jane Doe)").map((s) => s.text)).toEqual(["Talks ended."]);
  });

  it("splits the sample article without its dateline or sign-off", () => {
    const { body } = readCorpusArticle("app-2025-03-11-two-sessions-cpec.txt");
    const texts = splitSentences(body).map((s) => s.text);
    expect(texts[0]).toMatch(/^Pakistan's Ambassador to China, Khalil Hashmi, highlighted/);
    expect(texts).not.toContain("APP/asg");
  });
});
