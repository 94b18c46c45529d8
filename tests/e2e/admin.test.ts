/**
 * The admin app in a real browser (Debian's Chromium) against the real API on
 * a fresh embedded database.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, accounts, startTestApi } from "../support/api.ts";
import { type AdminServer, launchBrowser, screenshot, selectText, signIn, startAdmin } from "../support/admin.ts";

const body = [
  "KARACHI: The provincial minister said on Tuesday that 1.2 million children were vaccinated against polio in the first week of the campaign.",
  "He said the government would do more next year.",
].join("\n\n");
const quote = "1.2 million children were vaccinated against polio in the first week of the campaign";

describe("admin app in the browser", () => {
  let t: TestApi;
  let admin: AdminServer;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApi("pglite", { CLAIMDESK_PUBLIC_URL: "http://news.example.org" });
    admin = await startAdmin(t.url);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await admin?.stop();
    await t?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    return context.newPage();
  }

  it("fact-checker researches a pasted article; editor publishes; the public page carries the JSON-LD", async () => {
    const page = await newPage();
    await signIn(page, admin.url, ...accounts.checker);
    await screenshot(page, "01-desk");

    await page.getByRole("link", { name: "Articles" }).click();
    await page.getByRole("link", { name: "+ New article" }).click();
    await page.getByLabel("Title").fill("Polio campaign reaches 1.2 million children");
    await page.getByLabel("URL").fill("https://news.example.org/polio-campaign");
    await page.getByLabel("Outlet").fill("Example News");
    await page.getByLabel("Byline").fill("Staff reporter");
    await page.getByLabel("Published").fill("2025-03-04");
    await page.getByLabel("Article text").fill(body);
    await screenshot(page, "02-new-article");
    await page.getByRole("button", { name: "Save article" }).click();
    await page.waitForURL(/\/articles\/[^/]+$/);
    await page.getByTestId("article-body").waitFor();

    await selectText(page, "[data-testid=article-body]", quote);
    await expect.poll(() => page.getByTestId("selected-quote").textContent()).toBe(quote);
    await page
      .getByLabel("Normalized wording (what you will rate)")
      .fill("1.2 million children were vaccinated against polio in the campaign's first week.");
    await page.getByLabel("Speaker").selectOption("__new");
    await page.getByLabel("Name").fill("Provincial health minister");
    await screenshot(page, "03-mark-claim");
    await page.getByRole("button", { name: "Mark as claim" }).click();
    await page.waitForURL(/\/claims\//);
    const claimUrl = page.url();

    // The claim kept the exact span.
    const stored = await t.db.prisma.claimAppearance.findFirstOrThrow({ where: { quote }, include: { article: true } });
    expect(Array.from(stored.article.body).slice(stored.spanStart, stored.spanEnd).join("")).toBe(quote);

    await page.getByRole("button", { name: "Start research" }).click();
    await expect.poll(() => page.getByText("Researching").first().isVisible()).toBe(true);

    for (const [title, stance] of [
      ["Polio campaign daily report, day 7", "Supports"],
      ["WHO polio surveillance bulletin", "Context"],
    ] as const) {
      const form = page.getByRole("form", { name: "Attach a source" });
      await form.getByLabel("Title").fill(title);
      await form.getByLabel("URL").fill(`https://health.example.gov/${stance.toLowerCase()}`);
      await form.getByLabel("Stance").selectOption({ label: stance });
      await form.getByLabel("Quoted passage").fill("Children vaccinated: 1,203,455");
      await form.getByRole("button", { name: "Attach source" }).click();
      await page.getByRole("link", { name: title }).waitFor();
    }

    await page.getByRole("radio", { name: /^True/ }).check();
    await page.getByLabel(/Explanation \(Markdown/).fill("The campaign's day-7 report counts **1,203,455** children.");
    await page.getByRole("tab", { name: "Preview" }).click();
    await expect.poll(() => page.getByLabel("Explanation preview").locator("strong").textContent()).toBe("1,203,455");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved.").waitFor();
    await expect.poll(() => page.getByTestId("jsonld-preview").textContent()).toContain('"alternateName": "True"');
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.getByText("In review").first().waitFor();
    await screenshot(page, "04-claim-in-review");
    expect(await page.getByRole("form", { name: "Publish" }).count()).toBe(0);

    const editorPage = await newPage();
    await signIn(editorPage, admin.url, ...accounts.editor);
    await editorPage.goto(claimUrl);
    await editorPage.getByLabel("Headline").fill("Yes, the polio campaign reached 1.2 million children");
    await editorPage.getByRole("button", { name: "Publish", exact: true }).click();
    await editorPage.getByText("Published.").waitFor();
    const factCheck = await t.db.prisma.factCheck.findFirstOrThrow({ where: { headline: { startsWith: "Yes, the polio" } } });

    const reader = await newPage();
    const started = Date.now();
    await reader.goto(`${admin.url}/fact-checks/${encodeURIComponent(Buffer.from(`FactCheck:${factCheck.id}`).toString("base64"))}`);
    await reader.getByRole("heading", { name: "Yes, the polio campaign reached 1.2 million children" }).waitFor();
    console.log(`public fact-check page: ${Date.now() - started} ms to load`);
    expect(await reader.getByTestId("verdict").textContent()).toBe("True");
    const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({
      "@type": "ClaimReview",
      claimReviewed: "1.2 million children were vaccinated against polio in the campaign's first week.",
      reviewRating: { alternateName: "True", ratingValue: 6, bestRating: 6, worstRating: 1 },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Provincial health minister" },
        appearance: [{ url: "https://news.example.org/polio-campaign" }],
      },
    });
    await screenshot(reader, "05-public-fact-check");
  });

  it("a fact-checker is not offered what only editors may do", async () => {
    const page = await newPage();
    await signIn(page, admin.url, ...accounts.checker);
    expect(await page.getByRole("link", { name: "Admin" }).count()).toBe(0);
    // The sample article page with its marked claims: server render plus load, measured.
    const articleUrl = `${admin.url}/articles/${encodeURIComponent(Buffer.from("Article:seed-article-cpec-two-sessions").toString("base64"))}`;
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      await page.goto(articleUrl);
      await page.getByTestId("article-body").locator("mark").first().waitFor();
      timings.push(Date.now() - started);
    }
    expect(await page.getByTestId("article-body").locator("mark").count()).toBe(5);
    console.log(`article page with 5 claims: ${timings.join(", ")} ms (median ${timings.sort((a, b) => a - b)[2]} ms)`);
    await screenshot(page, "00-article-with-claims");
    // A claim assigned to nobody: read-only for a fact-checker, no workflow buttons, no assignee picker.
    await page.goto(`${admin.url}/claims/${encodeURIComponent(Buffer.from("Claim:seed-claim-astronauts").toString("base64"))}`);
    await page.getByText("Only the assigned fact-checker or an editor can edit this claim.").waitFor();
    expect(await page.getByRole("button", { name: "Save", exact: true }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Select for checking" }).count()).toBe(0);
    expect(await page.getByLabel("Assignee").count()).toBe(0);

    const editor = await newPage();
    await signIn(editor, admin.url, ...accounts.editor);
    await editor.goto(page.url());
    await editor.getByRole("button", { name: "Select for checking" }).waitFor();
    expect(await editor.getByLabel("Assignee").count()).toBe(1);
  });

  it("a conflicting edit is caught and the editor chooses", async () => {
    const claimPath = `/claims/${encodeURIComponent(Buffer.from("Claim:seed-claim-patent-filings").toString("base64"))}`;
    const first = await newPage();
    const second = await newPage();
    await signIn(first, admin.url, ...accounts.editor);
    await signIn(second, admin.url, ...accounts.admin);
    await first.goto(admin.url + claimPath);
    await second.goto(admin.url + claimPath);

    await first.getByLabel("Wording to rate (claimReviewed)").fill("China files more patent applications than any other country.");
    await first.getByRole("button", { name: "Save", exact: true }).click();
    await first.getByText("Saved.").waitFor();

    await second.getByLabel("Wording to rate (claimReviewed)").fill("China leads the world in granted patents.");
    await second.getByRole("button", { name: "Save", exact: true }).click();
    const conflict = second.getByRole("alert", { name: "Conflict" });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain("China files more patent applications than any other country.");
    await screenshot(second, "06-conflict");
    // Nothing was overwritten.
    expect((await t.db.prisma.claim.findUniqueOrThrow({ where: { id: "seed-claim-patent-filings" } })).claimReviewed).toBe(
      "China files more patent applications than any other country.",
    );
    await conflict.getByRole("button", { name: "Take theirs (discard mine)" }).click();
    await expect
      .poll(() => second.getByLabel("Wording to rate (claimReviewed)").inputValue())
      .toBe("China files more patent applications than any other country.");
  });

  it("a cross-site form post through the admin's /graphql is refused and changes nothing", async () => {
    const { Client } = await import("../support/api.ts");
    const editor = await new Client(t.url).login(...accounts.editor);
    const before = await t.db.prisma.article.count();
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await fetch(`${admin.url}/graphql`, {
        method: "POST",
        headers: { "content-type": contentType, origin: "https://attacker.example", cookie: editor.cookie! },
        body: JSON.stringify({ query: 'mutation { createArticle(input: { title: "csrf", body: "x" }) { __typename } }' }),
      });
      expect(res.status, contentType).toBe(400);
    }
    const get = await fetch(`${admin.url}/graphql?query=${encodeURIComponent("mutation { logout { ok } }")}`, {
      headers: { cookie: editor.cookie!, origin: "null" },
    });
    expect(get.status).toBeGreaterThanOrEqual(400);
    expect(await t.db.prisma.article.count()).toBe(before);
    expect((await editor.ok(`{ me { name } }`)).me.name).toBe("Eddie Editor");
    console.log("CSRF (admin /graphql): 3 cross-site form posts and 1 GET mutation refused; 0 rows changed; the session still works");
  });

  it("invalid input shows the API's error next to the field", async () => {
    const page = await newPage();
    await signIn(page, admin.url, ...accounts.checker);
    await page.goto(`${admin.url}/articles/new`);
    await page.getByLabel("Title").fill("Bad URL");
    await page.getByLabel("URL").fill("not a url");
    await page.getByLabel("Article text").fill("Some text.");
    await page.getByRole("button", { name: "Save article" }).click();
    const error = page.locator("#field-canonicalUrl-error");
    await error.waitFor();
    expect(await error.textContent()).toBe("must be an http(s) URL");
    expect(await page.getByLabel("URL").getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "07-field-error");
  });
});
