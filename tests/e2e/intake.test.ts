/**
 * Intake in the browser, as an editor meets it: paste a link served by a news
 * site on loopback and correct what was read before saving; add an outlet's
 * feed and watch its new articles arrive on the desk with their suggestions
 * and the alert for a repeated, already checked claim. axe-core and a phone's
 * width on each screen.
 */
import { type IntakeWorker, startIntakeWorker } from "@claimdesk/intake";
import { analyseArticle } from "@claimdesk/schema";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, accounts, startTestApi } from "../support/api.ts";
import { type AdminServer, launchBrowser, screenshot, signIn, startAdmin } from "../support/admin.ts";
import { seriousViolations } from "../support/axe.ts";
import { databaseKinds } from "../support/databases.ts";
import { fastSettings, until } from "../support/intake.ts";
import { type NewsServer, articles, startNewsServer, wireParagraphs } from "../support/news-server.ts";

for (const kind of databaseKinds()) {
  describe(`intake in the browser (${kind})`, () => {
    let t: TestApi;
    let admin: AdminServer;
    let browser: Browser;
    let site: NewsServer;
    let worker: IntakeWorker;
    let wireOutletId: string;

    beforeAll(async () => {
      process.env.CLAIMDESK_INTAKE_ALLOW_PRIVATE = "true";
      site = await startNewsServer({ initialItems: 3 });
      t = await startTestApi(kind);
      // A published fact-check that wire story 4 repeats: its arrival must raise the alert.
      const rating = await t.db.prisma.rating.findFirstOrThrow({ where: { scale: { isDefault: true } }, orderBy: { position: "asc" } });
      const quote = wireParagraphs(4)[3]!;
      const claim = await t.db.prisma.claim.create({ data: { quote, claimReviewed: quote, status: "PUBLISHED", ratingId: rating.id } });
      await t.db.prisma.factCheck.create({
        data: {
          claimId: claim.id,
          headline: "Unemployment figure checked",
          ratingId: rating.id,
          explanation: "Checked.",
          publisherName: "Claimdesk",
          publishedAt: new Date(),
        },
      });
      wireOutletId = (await t.db.prisma.outlet.create({ data: { name: "The Wire" } })).id;
      worker = await startIntakeWorker(t.db, { analyse: analyseArticle, settings: fastSettings() });
      admin = await startAdmin(t.url);
      browser = await launchBrowser();
    }, 180_000);
    afterAll(async () => {
      delete process.env.CLAIMDESK_INTAKE_ALLOW_PRIVATE;
      await browser?.close();
      await admin?.stop();
      await worker?.stop();
      await t?.stop();
      await site?.close();
    });

    async function editorPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
      const page = await (await browser.newContext({ viewport })).newPage();
      await signIn(page, admin.url, accounts.editor[0], accounts.editor[1]);
      return page;
    }

    async function fitsAPhone(page: Page, name: string): Promise<void> {
      await page.setViewportSize({ width: 390, height: 844 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      await screenshot(page, `${name}-390`);
      expect(width, `${name} at 390 px`).toBeLessThanOrEqual(390);
      await page.setViewportSize({ width: 1280, height: 800 });
    }

    it("pastes a link, shows what was read and where from, and saves the editor's corrections", async () => {
      const expected = articles[0]!;
      const page = await editorPage();
      await page.goto(`${admin.url}/articles/new`);
      await page.getByLabel("Paste a link").fill(site.url + expected.path);
      await page.getByRole("button", { name: "Fetch article" }).click();
      const title = page.getByLabel("Title (from structured data)");
      await title.waitFor();
      expect(await title.inputValue()).toBe(expected.title);
      expect(await page.getByLabel(/^Byline/).inputValue()).toBe(expected.byline);
      expect(await page.getByLabel(/^Outlet/).inputValue()).toBe(expected.outletName);
      expect(await page.getByLabel(/^Published/).inputValue()).toBe(expected.publishedAt!.slice(0, 10));
      expect(await page.getByLabel("Article text").inputValue()).toBe(expected.paragraphs.join("\n\n"));
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "intake-from-link-1280");
      await fitsAPhone(page, "intake-from-link");

      // The editor corrects the byline before saving; spans will anchor to this text.
      await page.getByLabel(/^Byline/).fill("Sara Khan");
      await page.getByRole("button", { name: "Save article" }).click();
      await page.waitForURL(/\/articles\/(?!new)/);
      const stored = await t.db.prisma.article.findFirstOrThrow({ where: { title: expected.title }, include: { outlet: true } });
      expect(stored).toMatchObject({
        byline: "Sara Khan",
        canonicalUrl: site.url + expected.canonicalPath,
        body: expected.paragraphs.join("\n\n"),
        outlet: { name: expected.outletName },
      });
      expect(stored.publishedAt?.toISOString()).toBe(expected.publishedAt);

      // The same link again: the desk points to the article it has instead of taking it twice.
      await page.goto(`${admin.url}/articles/new`);
      await page.getByLabel("Paste a link").fill(`${site.url}${expected.path}?utm_source=newsletter`);
      await page.getByRole("button", { name: "Fetch article" }).click();
      const duplicate = page.getByRole("alert").filter({ hasText: "already in the desk" });
      await duplicate.waitFor();
      expect(await duplicate.getByRole("link").getAttribute("href")).toBe(
        `/articles/${encodeURIComponent(Buffer.from(`Article:${stored.id}`).toString("base64"))}`,
      );
    });

    it("says in words why a link could not be read", async () => {
      const page = await editorPage();
      await page.goto(`${admin.url}/articles/new`);
      for (const [path, words] of [
        ["/report.pdf", "not an HTML page"],
        ["/error", "answered 500"],
      ] as const) {
        await page.getByLabel("Paste a link").fill(site.url + path);
        await page.getByRole("button", { name: "Fetch article" }).click();
        await page.getByRole("alert").filter({ hasText: words }).waitFor();
      }
      await screenshot(page, "intake-link-error-1280");
    });

    it("adds a feed to an outlet and shows its polls; new articles arrive on the desk with suggestions and the repeat alert", async () => {
      const page = await editorPage();
      await page.goto(`${admin.url}/outlets`);
      await page.getByRole("link", { name: "The Wire" }).click();
      await page.getByRole("heading", { name: "Feeds of The Wire" }).waitFor();
      await page.getByLabel("Feed address (RSS, Atom or JSON Feed)").fill(`${site.url}/feeds/rss.xml`);
      await page.getByLabel("Poll every (minutes)").fill("5");
      await page.getByRole("button", { name: "Add feed" }).click();
      const feed = page.getByRole("region", { name: "The Wire" });
      await feed.waitFor();

      // The page refreshes itself while the first poll and its articles are under way.
      await until("the first poll's three articles on the feed page", async () =>
        /Items taken\s*3/.test((await feed.innerText().catch(() => "")) ?? ""),
      );
      await feed.getByText("not yet").waitFor({ state: "detached" });
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "intake-feed-1280");
      await fitsAPhone(page, "intake-feed");

      // Two new stories on the site; "Poll now" takes them in (story 4 repeats the checked claim).
      site.publish(2);
      await feed.getByRole("button", { name: "Poll now" }).click();
      await until("the second poll's articles", async () => /Items taken\s*5/.test(await feed.innerText().catch(() => "")));
      await until("no item left waiting", async () => (await t.db.prisma.feedItem.count({ where: { status: "PENDING" } })) === 0);
      expect(await t.db.prisma.article.count({ where: { outletId: wireOutletId } })).toBe(5);

      await page.goto(`${admin.url}/`);
      const arrived = page.getByRole("region", { name: "Arrived from feeds" });
      await arrived.waitFor();
      const text = await arrived.innerText();
      for (const n of [1, 2, 3, 4, 5]) expect(text).toContain(`Wire story ${n}:`);
      const alerts = arrived.getByRole("note");
      expect(await alerts.count()).toBe(1);
      expect(await alerts.innerText()).toContain("Unemployment figure checked");
      // The alert sits under story 4, the one that repeats the claim.
      const story4 = arrived.getByRole("listitem").filter({ hasText: "Wire story 4:" });
      expect(await story4.getByRole("note").count()).toBe(1);
      expect(await arrived.getByText("Most check-worthy:").count()).toBe(5);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "intake-desk-arrivals-1280");
      await fitsAPhone(page, "intake-desk-arrivals");
    });
  });
}
