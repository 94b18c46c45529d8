/**
 * Review and assignment in the browser, against the real API: the "due soon"
 * and "returned to me" filters, bulk assign from the claims list (and its
 * all-or-nothing refusal when a claim changed meanwhile), the claim's
 * planning fields, and the inbox with a mention; axe-core on the new pages,
 * and the pages at 1280 and 390 px wide.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type TestApi, accounts, globalId, startTestApi } from "../support/api.ts";
import { type AdminServer, launchBrowser, screenshot, signIn, startAdmin } from "../support/admin.ts";
import { seriousViolations } from "../support/axe.ts";
import { databaseKinds } from "../support/databases.ts";

const localId = (id: string) => Buffer.from(id, "base64").toString().split(":").slice(1).join(":");
const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const Plan = `mutation($input: PlanClaimInput!) { planClaim(input: $input) { __typename ... on Error { message } } }`;

for (const kind of databaseKinds()) {
  describe(`review and assignment in the browser (${kind})`, () => {
    let t: TestApi;
    let admin: AdminServer;
    let browser: Browser;
    let editor: Client;
    let checker: Client;
    const contexts: BrowserContext[] = [];
    const claims: Record<string, string> = {};

    beforeAll(async () => {
      t = await startTestApi(kind);
      admin = await startAdmin(t.url);
      browser = await launchBrowser();
      editor = await t.as("editor");
      checker = await t.as("checker");
      for (const [key, quote, due] of [
        ["soon", "Zanzibar clove exports doubled this year", day(1)],
        ["later", "Zanzibar ferry fares fell by half", day(20)],
        ["third", "Zanzibar has the most hotels per person", null],
      ] as const) {
        const r = await editor.ok(
          `mutation($input: CreateClaimInput!) { createClaim(input: $input) { ... on MutationCreateClaimSuccess { data { id } } } }`,
          { input: { quote } },
        );
        claims[key] = r.createClaim.data.id;
        if (due) await editor.ok(Plan, { input: { id: claims[key], dueDate: due, priority: key === "soon" ? "URGENT" : "LOW" } });
      }
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
    const rows = (page: Page) => page.getByRole("region", { name: "Claims" }).locator("tbody tr");
    const rowOf = (page: Page, text: string) => rows(page).filter({ hasText: text });

    it("filters the claims list to what is due soon", async () => {
      const page = await newPage("editor");
      await page.goto(`${admin.url}/claims?q=Zanzibar`);
      await expect.poll(() => rows(page).count()).toBe(3);
      await page.getByLabel("Due soon").check();
      await page.getByRole("button", { name: "Filter" }).click();
      await page.waitForURL(/due=soon/);
      await page.getByRole("heading", { name: "Claims: due soon" }).waitFor();
      await expect.poll(() => rows(page).count()).toBe(1);
      const row = rowOf(page, "clove exports");
      expect(await row.textContent()).toContain("Due tomorrow");
      expect(await row.textContent()).toContain("Urgent");
      await screenshot(page, "review-claims-due-soon-1280");
    });

    it("bulk assigns selected claims in one go, and refuses all of them when one changed meanwhile", async () => {
      const page = await newPage("editor");
      await page.goto(`${admin.url}/claims?q=Zanzibar`);
      await expect.poll(() => rows(page).count()).toBe(3);
      const bar = page.getByRole("form", { name: "Assign selected claims" });
      await page.getByLabel("Select: Zanzibar clove exports doubled this year").check();
      await page.getByLabel("Select: Zanzibar ferry fares fell by half").check();
      await bar.getByLabel("Fact-checker").selectOption({ label: "Fatima Checker" });
      let keys = 0;
      await page.route("**/graphql", async (route) => {
        if ((route.request().postData() ?? "").includes("mutation BulkAssignClaims")) {
          if (route.request().headers()["idempotency-key"]) keys++;
          await new Promise((r) => setTimeout(r, 800));
        }
        await route.continue();
      });
      await bar.getByRole("button", { name: "Assign 2 selected" }).dblclick();
      expect(await bar.getByRole("button", { name: "Assigning…" }).isDisabled()).toBe(true);
      await page.getByText("Assigned 2 claims to Fatima Checker.").waitFor();
      expect(keys).toBe(1);
      for (const key of ["soon", "later"]) {
        const stored = await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(claims[key]!) } });
        expect(stored.assigneeId).toBe("seed-user-checker");
      }
      expect(
        await t.db.prisma.auditEvent.count({
          where: { action: "claim.assign", entityId: { in: [localId(claims.soon!), localId(claims.later!)] } },
        }),
      ).toBe(2);
      await expect.poll(() => rowOf(page, "ferry fares").textContent()).toContain("Fatima Checker");

      // Someone plans the third claim after this list was loaded: assigning it with another refuses both.
      await page.getByLabel("Select: Zanzibar ferry fares fell by half").check();
      await page.getByLabel("Select: Zanzibar has the most hotels per person").check();
      await bar.getByLabel("Fact-checker").selectOption({ label: "Ada Admin" });
      await editor.ok(Plan, { input: { id: claims.third, priority: "HIGH" } });
      await bar.getByRole("button", { name: "Assign 2 selected" }).click();
      await page.getByRole("alert").filter({ hasText: "Nothing was assigned" }).waitFor();
      expect(await rowOf(page, "most hotels").textContent()).toContain("Changed by someone else since this list was loaded");
      const ferry = await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(claims.later!) } });
      expect(ferry.assigneeId).toBe("seed-user-checker");
      expect((await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(claims.third!) } })).assigneeId).toBeNull();
      await screenshot(page, "review-bulk-assign-refused-1280");
    });

    it("plans a claim on its page: reviewer, priority and due date", async () => {
      const page = await newPage("editor");
      await page.goto(`${admin.url}/claims/${encodeURIComponent(claims.third!)}`);
      const plan = page.getByRole("form", { name: "Planning" });
      await plan.getByLabel("Reviewer").selectOption({ label: "Eddie Editor" });
      await plan.getByLabel("Priority").selectOption("URGENT");
      await plan.getByLabel("Due date").fill(day(2));
      await plan.getByRole("button", { name: "Save plan" }).click();
      await plan.getByText("Plan saved.").waitFor();
      const stored = await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(claims.third!) } });
      expect(stored).toMatchObject({ reviewerId: "seed-user-editor", priority: "URGENT" });
      expect(stored.dueDate?.toISOString().slice(0, 10)).toBe(day(2));
      const history = page.getByRole("region", { name: "History" });
      await expect.poll(() => history.textContent()).toContain("Reviewer: none → Eddie Editor");
      await screenshot(page, "review-claim-planning-1280");
    });

    it("a mention reaches the colleague's inbox; returned work is under 'returned to me'", async () => {
      const seeded = globalId("Claim", "seed-claim-45-mous");
      const page = await newPage("editor");
      await page.goto(`${admin.url}/claims/${encodeURIComponent(seeded)}`);
      await page.getByLabel("Add a comment").fill("@Fatima Checker can you find the list of the 45 MOUs?");
      await page.getByRole("button", { name: "Comment", exact: true }).click();
      await page.getByRole("button", { name: "Comment", exact: true }).waitFor();
      await expect.poll(() => t.db.prisma.inboxItem.count({ where: { userId: "seed-user-checker", kind: "MENTIONED" } })).toBe(1);

      // The fact-checker submits; the reviewer returns it with a note.
      const move = `mutation($id: ID!, $to: ClaimStatus!) { moveClaim(id: $id, to: $to) { __typename } }`;
      expect((await checker.ok(move, { id: seeded, to: "IN_REVIEW" })).moveClaim.__typename).toBe("MutationMoveClaimSuccess");
      await page.reload();
      const review = page.getByRole("region", { name: "Review" });
      await review.getByLabel("What should change").fill("Name the ministry that counted them.");
      await review.getByRole("button", { name: "Request changes" }).click();
      await page.getByText("Returned to the fact-checker with your note.").waitFor();

      const mine = await newPage("checker");
      const unread = await t.db.prisma.inboxItem.count({ where: { userId: "seed-user-checker", readAt: null } });
      expect(await mine.getByTestId("inbox-link").textContent()).toBe(`Inbox${unread} unread`);
      await mine.getByTestId("inbox-link").click();
      await mine.waitForURL(/\/inbox/);
      const mention = mine.getByTestId("inbox-item").filter({ hasText: "mentioned you" });
      await mention.waitFor();
      expect(await mention.textContent()).toContain("Eddie Editor");
      expect(await mention.textContent()).toContain("can you find the list of the 45 MOUs?");
      const returned = mine.locator('[data-testid=inbox-item][data-kind="RETURNED"]');
      expect(await returned.textContent()).toContain("Name the ministry that counted them.");
      await screenshot(mine, "review-inbox-1280");
      await mention.getByRole("button", { name: "Mark read" }).click();
      await expect.poll(() => mine.getByTestId("inbox-link").getAttribute("data-unread")).toBe(String(unread - 1));
      expect(await mention.getByRole("button", { name: "Mark read" }).count()).toBe(0);

      await mine.goto(`${admin.url}/claims`);
      await mine.getByLabel("Returned to me").check();
      await mine.getByRole("button", { name: "Filter" }).click();
      await mine.waitForURL(/returned=me/);
      await expect.poll(() => rows(mine).count()).toBe(1);
      expect(await rows(mine).first().textContent()).toContain("45 new MOUs");
      await screenshot(mine, "review-claims-returned-1280");
    });

    it("the new pages pass axe-core and fit a 390 px phone", async () => {
      const wide = await newPage("checker");
      const phone = await newPage("editor", { width: 390, height: 844 });
      const pages: [string, string][] = [
        ["inbox", "/inbox"],
        ["claims due soon", "/claims?due=soon"],
        ["claims", "/claims?q=Zanzibar"],
        ["claim planning", `/claims/${encodeURIComponent(claims.third!)}`],
      ];
      const found: Record<string, string[]> = {};
      const widths: Record<string, number> = {};
      for (const [page, who] of [
        [wide, "checker"],
        [phone, "editor-390"],
      ] as const) {
        for (const [name, path] of pages) {
          await page.goto(admin.url + path);
          await page.locator("main").waitFor();
          await page.waitForLoadState("networkidle");
          found[`${name} (${who})`] = (await seriousViolations(page)).map(
            (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).join(", ")})`,
          );
          if (page === phone) {
            widths[name] = await page.evaluate(() => document.documentElement.scrollWidth);
            await screenshot(page, `review-${name.replace(/ /g, "-")}-390`);
          }
        }
      }
      console.log(`page widths at 390 px: ${JSON.stringify(widths)}`);
      console.log(`axe-core serious/critical violations: ${JSON.stringify(found, null, 1)}`);
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
      for (const [name] of pages) expect(widths[name], name).toBeLessThanOrEqual(390);
    }, 180_000);
  });
}
