/**
 * Publishing seen before and after, in a real browser against the real API,
 * on each database this run covers: the preview of the public page and its
 * social card from the claim's publish area (newsroom only, never indexed),
 * unpublishing and retracting a correction behind a confirmation with a
 * recorded reason (one request each, with an Idempotency-Key), the public page
 * showing the retraction dated, the dashboard's totals; axe-core on each of
 * these screens, and no sideways scroll at 390 px.
 */
import { findSpan } from "@claimdesk/db";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type TestApi, accounts, globalId, startTestApi } from "../support/api.ts";
import { type AdminServer, launchBrowser, screenshot, screenshotDir, signIn, startAdmin } from "../support/admin.ts";
import { seriousViolations } from "../support/axe.ts";
import { databaseKinds } from "../support/databases.ts";

const localId = (id: string) => Buffer.from(id, "base64").toString().split(":").slice(1).join(":");
const body = [
  "PESHAWAR: Officials said on Tuesday that polio cases fell to 12 this year, down from 74.",
  "They added that vaccination teams reached 9 million children in March, and that literacy rose 3% since 2020.",
].join("\n\n");
const phone = { width: 390, height: 844 };
const describeViolations = (vs: Awaited<ReturnType<typeof seriousViolations>>) =>
  vs.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).join(", ")})`);

for (const kind of databaseKinds()) {
  describe(`publication previews, unpublishing and retractions in the browser (${kind})`, () => {
    let t: TestApi;
    let admin: AdminServer;
    let browser: Browser;
    let editor: Client;
    let checker: Client;
    let articleId: string;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      t = await startTestApi(kind);
      admin = await startAdmin(t.url);
      browser = await launchBrowser();
      editor = await t.as("editor");
      checker = await t.as("checker");
      const created = await checker.ok(
        `mutation($input: CreateArticleInput!) { createArticle(input: $input) { ... on MutationCreateArticleSuccess { data { id } } } }`,
        { input: { title: "Polio cases fall in Khyber Pakhtunkhwa", body, outletName: "Example News" } },
      );
      articleId = created.createArticle.data.id;
    }, 180_000);
    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser?.close();
      await admin?.stop();
      await t?.stop();
    });

    async function newPage(role: keyof typeof accounts, viewport = { width: 1280, height: 800 }): Promise<Page> {
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, admin.url, accounts[role][0], accounts[role][1]);
      return page;
    }

    const ratingId = async (label: string) => globalId("Rating", (await t.db.prisma.rating.findFirstOrThrow({ where: { label } })).id);

    /** A claim in review with a True verdict, an explanation (with a list) and a source. */
    async function toReview(quote: string): Promise<{ id: string; version: number }> {
      const span = findSpan(body, quote)!;
      const made = await checker.ok(
        `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on MutationCreateClaimSuccess { data { id } } } }`,
        { input: { articleId, spanStart: span.start, spanEnd: span.end, quote } },
      );
      const id = made.createClaim.data.id;
      await checker.ok(`mutation($input: AttachSourceInput!) { attachSource(input: $input) { __typename } }`, {
        input: {
          claimId: id,
          stance: "SUPPORTS",
          source: { title: "Polio eradication update", url: `https://data.example.gov/${encodeURIComponent(quote)}` },
        },
      });
      const version = (await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(id) } })).version;
      await checker.ok(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { __typename } }`, {
        input: {
          id,
          version,
          ratingId: await ratingId("True"),
          explanation: "The programme's figures agree:\n\n- 2024: 74 cases\n- 2025: 12 cases",
        },
      });
      for (const to of ["RESEARCHING", "IN_REVIEW"])
        await checker.ok(`mutation($id: ID!, $to: ClaimStatus!) { moveClaim(id: $id, to: $to) { __typename } }`, { id, to });
      return { id, version: (await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(id) } })).version };
    }

    async function published(
      quote: string,
      headline: string,
    ): Promise<{ claimId: string; factCheckId: string; version: number; slug: string }> {
      const claim = await toReview(quote);
      const r = await editor.ok(
        `mutation($input: PublishFactCheckInput!) { publishFactCheck(input: $input) { ... on MutationPublishFactCheckSuccess { data { id version slug } } } }`,
        { input: { claimId: claim.id, version: claim.version, headline } },
      );
      return {
        claimId: claim.id,
        factCheckId: r.publishFactCheck.data.id,
        version: r.publishFactCheck.data.version,
        slug: r.publishFactCheck.data.slug,
      };
    }

    const claimUrl = (id: string) => `${admin.url}/claims/${encodeURIComponent(id)}`;
    const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

    /** Counts requests of one mutation and delays them, like a slow connection. */
    function slowMutation(page: Page, operation: string, ms = 1200): string[] {
      const keys: string[] = [];
      void page.route("**/graphql", async (route) => {
        if ((route.request().postData() ?? "").includes(`mutation ${operation}`)) {
          keys.push(route.request().headers()["idempotency-key"] ?? "");
          await new Promise((r) => setTimeout(r, ms));
        }
        await route.continue();
      });
      return keys;
    }

    it("previews the public page and its social card from the publish area, marked, noindex, for the newsroom only", async () => {
      const claim = await toReview("polio cases fell to 12 this year");
      const page = await newPage("editor");
      await page.goto(claimUrl(claim.id));
      const publish = page.getByRole("form", { name: "Publish" });
      await publish.getByLabel("Headline").fill("Yes, polio cases fell to 12");
      await publish.getByLabel("Summary").fill("The programme's own count agrees.");
      const [preview] = await Promise.all([
        page.context().waitForEvent("page"),
        publish.getByRole("button", { name: "Preview page and social card" }).click(),
      ]);
      await preview.getByTestId("preview-banner").waitFor();
      expect(await preview.getByTestId("preview-banner").textContent()).toContain("Preview: not published.");
      expect(await preview.getByTestId("social-title").textContent()).toBe("Yes, polio cases fell to 12");
      expect(await preview.getByTestId("social-description").textContent()).toBe("True: polio cases fell to 12 this year");
      const shown = preview.getByTestId("public-preview");
      expect(await shown.locator("h1").textContent()).toBe("Yes, polio cases fell to 12");
      expect(await shown.getByTestId("verdict").textContent()).toBe("True");
      expect(await shown.locator("li", { hasText: "2025: 12 cases" }).count()).toBe(1); // the same Markdown as the public page
      expect(await shown.getByText("The programme's own count agrees.").count()).toBe(1);
      expect(await preview.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
      const reload = await preview.reload();
      expect(reload!.headers()["x-robots-tag"]).toContain("noindex");
      expect(await t.db.prisma.factCheck.count({ where: { claimId: localId(claim.id) } })).toBe(0); // previewing stores nothing
      expect(describeViolations(await seriousViolations(preview))).toEqual([]);
      await screenshot(preview, "preview-1280");
      await preview.setViewportSize(phone);
      await preview.reload();
      await preview.getByTestId("social-card").waitFor();
      expect(await pageWidth(preview)).toBeLessThanOrEqual(390);
      await screenshot(preview, "preview-390");

      // A reader signed in with a viewer account gets no draft.
      const readerContext = await browser.newContext();
      contexts.push(readerContext);
      const reader = await readerContext.newPage();
      await reader.goto(`${admin.url}/login`);
      await reader.getByLabel("E-mail").fill(accounts.viewer[0]);
      await reader.getByLabel("Password").fill(accounts.viewer[1]);
      await reader.getByRole("button", { name: "Sign in", exact: true }).click();
      await reader.waitForURL((url) => !url.pathname.startsWith("/login"));
      const answer = await reader.goto(preview.url());
      expect(await reader.getByTestId("preview-banner").count()).toBe(0);
      expect(await reader.locator("body").textContent()).not.toContain("Yes, polio cases fell to 12");
      // The desk sends readers to the public fact-checks.
      expect(new URL(reader.url()).pathname).toBe("/fact-checks");
      expect(answer!.status()).toBe(200);
    }, 120_000);

    it("unpublishes only after a confirmation with a reason: one request, audited, the claim back in review", async () => {
      const fc = await published("vaccination teams reached 9 million children in March", "Yes, 9 million children were reached");
      const page = await newPage("editor");
      const keys = slowMutation(page, "UnpublishFactCheck");
      await page.goto(claimUrl(fc.claimId));
      const panel = page.getByTestId("publication");
      await panel.getByRole("button", { name: "Unpublish…" }).click();
      const dialog = page.getByRole("dialog", { name: "Unpublish this fact-check?" });
      await dialog.waitFor();
      // No reason, no unpublishing; cancelling changes nothing.
      await dialog.getByRole("button", { name: "Unpublish", exact: true }).click();
      expect(await dialog.isVisible()).toBe(true);
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await dialog.waitFor({ state: "detached" });
      expect(keys).toHaveLength(0);
      expect((await t.db.prisma.factCheck.findUniqueOrThrow({ where: { id: localId(fc.factCheckId) } })).status).toBe("PUBLISHED");

      await panel.getByRole("button", { name: "Unpublish…" }).click();
      await dialog.getByLabel("Why it is taken down (recorded in the history)").fill("The ministry withdrew the figure.");
      expect(describeViolations(await seriousViolations(page))).toEqual([]);
      await screenshot(page, "unpublish-confirm-1280");
      await dialog.getByRole("button", { name: "Unpublish", exact: true }).dblclick();
      expect(await dialog.getByRole("button", { name: "Unpublishing…" }).isDisabled()).toBe(true);
      await dialog.waitFor({ state: "detached" });
      await page.getByText("Unpublished: the claim is back in review.").waitFor();
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
      expect((await t.db.prisma.factCheck.findUniqueOrThrow({ where: { id: localId(fc.factCheckId) } })).status).toBe("UNPUBLISHED");
      expect((await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(fc.claimId) } })).status).toBe("IN_REVIEW");
      const audit = await t.db.prisma.auditEvent.findMany({ where: { action: "factCheck.unpublish", entityId: localId(fc.claimId) } });
      expect(audit.map((a) => (a.after as { reason: string }).reason)).toEqual(["The ministry withdrew the figure."]);
      // The page follows: the publish form is back, and the history says why.
      await page.getByRole("form", { name: "Publish" }).waitFor();
      await page.getByRole("region", { name: "History" }).getByText("Reason: The ministry withdrew the figure.").waitFor();
    }, 120_000);

    it("retracts a correction after a confirmation: the public page keeps it, struck through and dated, and the verdict returns", async () => {
      const fc = await published("literacy rose 3% since 2020", "Yes, literacy rose 3%");
      const corrected = await editor.ok(
        `mutation($input: AddCorrectionInput!) { addCorrection(input: $input) { ... on MutationAddCorrectionSuccess { data { version } } } }`,
        {
          input: {
            factCheckId: fc.factCheckId,
            version: fc.version,
            whatChanged: "Verdict changed to False",
            reason: "We read the wrong survey",
            ratingId: await ratingId("False"),
          },
        },
      );
      expect(corrected.addCorrection.data.version).toBe(fc.version + 1);
      const page = await newPage("editor");
      const keys = slowMutation(page, "RetractCorrection");
      await page.goto(claimUrl(fc.claimId));
      const correction = page.getByTestId("desk-correction");
      await correction.getByRole("button", { name: "Retract this correction…" }).click();
      const dialog = page.getByRole("dialog", { name: "Retract this correction?" });
      await dialog.getByLabel("Why it is retracted (shown publicly with the date)").fill("The survey we first cited was the right one");
      await screenshot(page, "retract-confirm-1280");
      await dialog.getByRole("button", { name: "Retract correction" }).dblclick();
      expect(await dialog.getByRole("button", { name: "Retracting…" }).isDisabled()).toBe(true);
      await dialog.waitFor({ state: "detached" });
      await correction.getByText("Retracted", { exact: false }).waitFor();
      expect(keys).toHaveLength(1);
      const row = await t.db.prisma.correction.findFirstOrThrow({ where: { factCheckId: localId(fc.factCheckId) } });
      expect(row.retractionReason).toBe("The survey we first cited was the right one");
      expect(await correction.getByRole("button", { name: "Retract this correction…" }).count()).toBe(0);
      expect(describeViolations(await seriousViolations(page))).toEqual([]);
      await screenshot(page, "retracted-claim-1280");

      // What readers see.
      const reader = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      contexts.push(reader);
      const pub = await reader.newPage();
      await pub.goto(`${admin.url}/fact-checks/${fc.slug}`);
      const corrections = pub.getByTestId("corrections");
      expect(await corrections.locator("del").textContent()).toBe("Verdict changed to False. We read the wrong survey.");
      const retraction = await pub.getByTestId("retraction").textContent();
      expect(retraction).toMatch(/^Retracted \S.*: This correction was withdrawn\. The survey we first cited was the right one\.$/);
      expect(await pub.getByTestId("verdict").textContent()).toBe("True");
      // The byline dates the last change, which was a retraction, not a correction.
      const byline = await pub.locator("main p.muted").first().textContent();
      expect(byline).toMatch(/ · updated \S/);
      expect(byline).not.toMatch(/corrected/);
      const jsonLd = JSON.parse((await pub.locator('script[type="application/ld+json"]').textContent())!);
      expect(jsonLd.reviewRating.alternateName).toBe("True");
      expect(new Date(jsonLd.dateModified).getTime()).toBe(row.retractedAt!.getTime());
      expect(describeViolations(await seriousViolations(pub))).toEqual([]);
      await screenshot(pub, "public-retraction-1280");
      await pub.setViewportSize(phone);
      await pub.reload();
      expect(await pageWidth(pub)).toBeLessThanOrEqual(390);
      await screenshot(pub, "public-retraction-390");
    }, 120_000);

    it("the claim page's publication area and its confirmations fit a phone", async () => {
      const fc = await published("down from 74", "Yes, down from 74");
      const page = await newPage("editor", phone);
      await page.goto(claimUrl(fc.claimId));
      await page.getByTestId("publication").getByRole("button", { name: "Unpublish…" }).click();
      const dialog = page.getByRole("dialog", { name: "Unpublish this fact-check?" });
      await dialog.waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      // The viewport, not the full page: the dialog is fixed to it.
      await page.screenshot({ path: `${screenshotDir}unpublish-confirm-390.png` });
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await page.getByTestId("publication").scrollIntoViewIfNeeded();
      await screenshot(page, "claim-publication-390");
    }, 120_000);

    it("the dashboard shows the desk's totals as the database counts them, on a desktop and a phone", async () => {
      const page = await newPage("editor");
      await page.goto(`${admin.url}/`);
      const dashboard = page.getByTestId("dashboard");
      await dashboard.locator("svg.recharts-surface").first().waitFor();
      const unassigned = await t.db.prisma.claim.count({
        where: { status: { in: ["SELECTED", "RESEARCHING", "IN_REVIEW"] }, assigneeId: null },
      });
      const recurring = await t.db.prisma.claim.count({ where: { duplicateOfId: { not: null } } });
      const text = (await dashboard.textContent())!;
      if (unassigned) expect(text).toContain(`${unassigned} open claim${unassigned === 1 ? "" : "s"} assigned to nobody`);
      else expect(text).not.toContain("assigned to nobody");
      expect(text).toContain(`${recurring} claim${recurring === 1 ? "" : "s"} confirmed as repeating an earlier one, all time`);
      const published = await t.db.prisma.factCheck.count({ where: { status: "PUBLISHED" } });
      const verdictTotal = await page
        .getByTestId("stats-verdicts")
        .locator("tbody tr td:last-child")
        .evaluateAll((cells) => cells.reduce((n, c) => n + Number(c.textContent), 0));
      expect(verdictTotal).toBe(published);
      await screenshot(page, "dashboard-1280");
      await page.setViewportSize(phone);
      await page.reload();
      await dashboard.locator("svg.recharts-surface").first().waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      await screenshot(page, "dashboard-390");
    }, 120_000);
  });
}
