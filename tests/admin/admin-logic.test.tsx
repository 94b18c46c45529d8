import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "../../apps/admin/src/components/Field.tsx";
import { Markdown } from "../../apps/admin/src/components/Markdown.tsx";
import { toCodePoints, toUtf16 } from "../../apps/admin/src/lib/format.ts";

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
  it("renders the supported subset", () => {
    const html = renderToStaticMarkup(<Markdown source={"Growth was **5.2%** in *2023*.\n\nSee [NBS](https://www.stats.gov.cn/)."} />);
    expect(html).toBe(
      '<div class="markdown"><p>Growth was <strong>5.2%</strong> in <em>2023</em>.</p><p>See <a href="https://www.stats.gov.cn/" rel="noopener noreferrer" target="_blank">NBS</a>.</p></div>',
    );
  });

  it("never renders HTML or script links from the text", () => {
    const html = renderToStaticMarkup(<Markdown source={'<img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(1)</script>'} />);
    expect(html).not.toMatch(/<img|<script|href="javascript/);
    expect(html).toContain("&lt;img");
  });
});
