import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "../../apps/admin/src/components/Field.tsx";
import { Markdown } from "../../apps/admin/src/components/Markdown.tsx";
import { correctionLine, plural, toCodePoints, toUtf16 } from "../../apps/admin/src/lib/format.ts";
import { overlapping, segment } from "../../apps/admin/src/app/(desk)/articles/[id]/spans.ts";
import { describeEvent } from "../../apps/admin/src/app/(desk)/claims/[id]/history.ts";

describe("admin: selection offsets", () => {
  it("converts the browser's UTF-16 offsets to the API's code points and back", () => {
    const text = "🙂 Exports rose 12% — 🇵🇰 said";
    const utf16 = text.indexOf("Exports");
    expect(utf16).toBe(3);
    expect(toCodePoints(text, utf16)).toBe(2);
    expect(toUtf16(text, 2)).toBe(3);
    const end = text.indexOf(" said");
    expect(toUtf16(text, toCodePoints(text, end))).toBe(end);
  });
});

describe("admin: API field errors", () => {
  it("maps error paths to form field names, joining several messages", () => {
    expect(
      fieldErrorsFrom([
        { path: ["input", "title"], message: "is required" },
        { path: ["input", "canonicalUrl"], message: "must be an http(s) URL" },
        { path: ["input", "title"], message: "is too long" },
        { path: [], message: "something general" },
      ]),
    ).toEqual({ title: "is required; is too long", canonicalUrl: "must be an http(s) URL", _form: "something general" });
  });
});

describe("admin: explanation Markdown", () => {
  it("renders Markdown with GitHub's lists and tables", () => {
    const html = renderToStaticMarkup(
      <Markdown
        source={
          "Growth was **5.2%** in *2023*.\n\nSee [NBS](https://www.stats.gov.cn/).\n\n- 2023: 5.2%\n- 2024: 5.0%\n\n| year | growth |\n| --- | --- |\n| 2024 | 5.0% |"
        }
      />,
    );
    expect(html).toContain("<p>Growth was <strong>5.2%</strong> in <em>2023</em>.</p>");
    expect(html).toContain('<a href="https://www.stats.gov.cn/" target="_blank" rel="noopener noreferrer">NBS</a>');
    expect(html).toMatch(/<ul>\s*<li>2023: 5.2%<\/li>\s*<li>2024: 5.0%<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<table>[\s\S]*<td>5.0%<\/td>/);
  });

  it("never renders HTML or script links from the text", () => {
    const html = renderToStaticMarkup(
      <Markdown source={"<img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(1)</script> ![y](javascript:alert(2))"} />,
    );
    expect(html).not.toMatch(/<img[^>]*onerror|<script|href="javascript|src="javascript/);
  });
});

describe("admin: overlapping claim spans", () => {
  it("cuts the text at every boundary; each segment knows every claim covering it, innermost first", () => {
    const spans = [
      { start: 0, end: 20, item: "sentence" },
      { start: 5, end: 10, item: "figure" },
      { start: 8, end: 25, item: "overlap" },
    ];
    expect(segment(30, spans).map((s) => [s.start, s.end, s.covering.map((c) => c.item)])).toEqual([
      [0, 5, ["sentence"]],
      [5, 8, ["figure", "sentence"]],
      [8, 10, ["figure", "overlap", "sentence"]],
      [10, 20, ["overlap", "sentence"]],
      [20, 25, ["overlap"]],
      [25, 30, []],
    ]);
    expect(overlapping(spans, 21, 24).map((s) => s.item)).toEqual(["overlap"]);
    expect(overlapping(spans, 25, 30)).toEqual([]);
  });
});

describe("admin: history and corrections in the desk's words", () => {
  const names = {
    ratings: [
      { id: "r1", label: "Mostly true" },
      { id: "r2", label: "True" },
    ],
    users: [{ id: "u1", name: "Chandra Checker" }],
  };
  it("names fields and resolves ids", () => {
    expect(
      describeEvent(
        { action: "claim.update", before: { ratingId: "r1", claimReviewed: "a" }, after: { ratingId: "r2", claimReviewed: "b" } },
        names,
      ),
    ).toEqual({ summary: "edited the claim", details: ["Verdict: Mostly true → True", "Wording: a → b"] });
    expect(describeEvent({ action: "claim.assign", before: { assigneeId: null }, after: { assigneeId: "u1" } }, names).summary).toBe(
      "assigned it to Chandra Checker",
    );
    // The page's ratings carry global ids; the audit trail, database ids.
    const globalNames = { ratings: [{ id: Buffer.from("Rating:seed-rating-true").toString("base64"), label: "True" }], users: [] };
    expect(
      describeEvent({ action: "claim.update", before: { ratingId: null }, after: { ratingId: "seed-rating-true" } }, globalNames).details,
    ).toEqual(["Verdict: none → True"]);
    expect(
      describeEvent(
        { action: "claim.create", before: null, after: { quote: "q", claimReviewed: "q", spanStart: 233, spanEnd: 250, articleId: "x" } },
        names,
      ),
    ).toEqual({ summary: "marked the claim", details: [] });
  });
  it("says a correction kept the verdict rather than removed it", () => {
    const event = {
      action: "factCheck.correct",
      before: { ratingId: "r1" },
      after: { correctionId: "c", whatChanged: "Added a figure", reason: "New data", ratingId: null },
    };
    expect(describeEvent(event, names).details).toEqual(["Added a figure (New data)", "Verdict unchanged"]);
  });
  it("ends each sentence of a correction line with one full stop", () => {
    expect(correctionLine({ whatChanged: "We fixed the year.", reason: "It was a typo" })).toBe("We fixed the year. It was a typo.");
    expect(plural(1, "article")).toBe("1 article");
    expect(plural(2, "article")).toBe("2 articles");
  });
});
