/**
 * The admin as a working desk, in a real browser against the real API, on
 * each database this run covers: overlapping claims, marking by keyboard and
 * with a drag released outside the text, submits that cannot write twice,
 * corrections of the explanation, review with "request changes", history in
 * the desk's words, phones (390 px), the dashboard's numbers, and axe-core on
 * every main page.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type TestApi, accounts, startTestApi } from "../support/api.ts";
import { type AdminServer, launchBrowser, screenshot, signIn, startAdmin } from "../support/admin.ts";
import { seriousViolations } from "../support/axe.ts";
import { databaseKinds } from "../support/databases.ts";

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const localId = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":").slice(1).join(":");
const codePoints = (s: string) => Array.from(s).length;

// Unicode quotes, an emoji outside the BMP and an Urdu quote before the spans: offsets must stay exact.
const sentence = "Dealers in Lahore say prices of a 550-watt panel have fallen below Rs25,000 this spring, the lowest yet.";
const inner = "prices of a 550-watt panel have fallen below Rs25,000";
const body = [
  "LAHORE: “Solar is the new normal” ☀️🔋, one trader said; another added «یہ سستا ہے».",
  sentence,
  "The minister said 1.2 million homes installed panels in 2024, and that imports doubled.",
].join("\n\n");

for (const kind of databaseKinds()) {
  describe(`the desk in the browser (${kind})`, () => {
    let t: TestApi;
    let admin: AdminServer;
    let browser: Browser;
    let editor: Client;
    let articleId: string;
    let innerClaimId: string;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      t = await startTestApi(kind);
      admin = await startAdmin(t.url);
      browser = await launchBrowser();
      editor = await t.as("editor");
      const created = await editor.ok(
        `mutation($input: CreateArticleInput!) { createArticle(input: $input) { __typename ... on MutationCreateArticleSuccess { data { id } } ... on Error { message } } }`,
        { input: { title: "Solar panel prices fall in Lahore", body, outletName: "Example News" } },
      );
      articleId = created.createArticle.data.id;
      innerClaimId = await markClaim(inner);
    }, 180_000);
    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser?.close();
      await admin?.stop();
      await t?.stop();
    });

    async function markClaim(quote: string): Promise<string> {
      const start = codePoints(body.slice(0, body.indexOf(quote)));
      const data = await editor.ok(
        `mutation($input: CreateClaimInput!) { createClaim(input: $input) { __typename ... on MutationCreateClaimSuccess { data { id } } ... on Error { message } } }`,
        { input: { articleId, spanStart: start, spanEnd: start + codePoints(quote), quote } },
      );
      if (!data.createClaim.data) throw new Error(JSON.stringify(data.createClaim));
      return data.createClaim.data.id;
    }

    async function newPage(role: keyof typeof accounts, viewport = { width: 1280, height: 800 }): Promise<Page> {
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, admin.url, accounts[role][0], accounts[role][1]);
      return page;
    }

    const articleUrl = () => `${admin.url}/articles/${encodeURIComponent(articleId)}`;

    async function selectionForm(page: Page) {
      const form = page.getByRole("form", { name: "Mark as claim" });
      await form.waitFor();
      return form;
    }

    it("renders nested claims with both highlights and links, and warns of the overlap while marking", async () => {
      const page = await newPage("checker");
      await page.goto(articleUrl());
      const text = page.getByTestId("article-body");
      await text
        .locator(`a[href="/claims/${encodeURIComponent(innerClaimId)}"]`)
        .first()
        .waitFor();

      // Select the whole sentence around the marked figure, as a mouse drag would.
      await page.evaluate((wanted) => {
        const container = document.querySelector("[data-testid=article-body]")!;
        const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        let n: Node | null;
        while ((n = walker.nextNode())) nodes.push(n as Text);
        const full = nodes.map((x) => x.data).join("");
        const at = full.indexOf(wanted);
        const locate = (offset: number) => {
          let passed = 0;
          for (const node of nodes) {
            if (offset <= passed + node.data.length) return [node, offset - passed] as const;
            passed += node.data.length;
          }
          throw new Error("offset past the text");
        };
        const range = document.createRange();
        range.setStart(...locate(at));
        range.setEnd(...locate(at + wanted.length));
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        container.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      }, sentence);
      const form = await selectionForm(page);
      expect(await page.getByTestId("selected-quote").textContent()).toBe(sentence);
      const warning = page.getByTestId("overlap-warning");
      await warning.waitFor();
      expect(await warning.textContent()).toContain(inner);
      await screenshot(page, "desk-overlap-warning-1280");
      await form.getByRole("button", { name: "Mark as claim" }).click();
      await page.waitForURL(/\/claims\//);
      const outerClaimId = decodeURIComponent(page.url().split("/claims/")[1]!);

      await page.goto(articleUrl());
      const innerLinks = text.locator(`a[href="/claims/${encodeURIComponent(innerClaimId)}"]`);
      const outerLinks = text.locator(`a[href="/claims/${encodeURIComponent(outerClaimId)}"]`);
      await innerLinks.first().waitFor();
      // The figure keeps its own highlight and link inside the sentence's; the sentence's parts link to it.
      expect(await innerLinks.count()).toBeGreaterThan(0);
      expect(await outerLinks.count()).toBe(2);
      expect((await innerLinks.allTextContents()).join("")).toBe(inner);
      const overlap = text.locator("mark.claim-overlap");
      expect(await overlap.count()).toBe(1);
      expect((await overlap.getAttribute("data-claim-ids"))!.split(" ").sort()).toEqual([innerClaimId, outerClaimId].sort());
      // The text is still exactly the body, so spans stay exact.
      expect(await text.textContent()).toBe(body);
      const stored = await t.db.prisma.claimAppearance.findFirstOrThrow({
        where: { claimId: localId(outerClaimId) },
        include: { article: true },
      });
      expect(Array.from(stored.article.body).slice(stored.spanStart, stored.spanEnd).join("")).toBe(sentence);
      await screenshot(page, "desk-article-overlap-1280");
    });

    it("marks a selection by keyboard, and a drag released outside the text", async () => {
      const page = await newPage("checker");
      await page.goto(articleUrl());
      const text = page.getByTestId("article-body");
      await text.waitFor();
      await text.focus();
      for (let i = 0; i < "LAHORE".length; i++) await page.keyboard.press("Shift+ArrowRight");
      await selectionForm(page);
      await expect.poll(() => page.getByTestId("selected-quote").textContent()).toBe("LAHORE");
      // Extend by words; Enter also opens the form for the current selection.
      await text.focus();
      await page.keyboard.press("Shift+Control+ArrowRight");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.getByTestId("selected-quote").textContent()).not.toBe("LAHORE");

      // A drag from inside the last paragraph released past the end of the text still marks, clipped to the text.
      const last = "imports doubled.";
      await page.evaluate((wanted) => {
        const container = document.querySelector("[data-testid=article-body]")!;
        const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
        let node: Node | null;
        let lastNode: Text | null = null;
        while ((node = walker.nextNode())) lastNode = node as Text;
        const range = document.createRange();
        range.setStart(lastNode!, lastNode!.data.indexOf(wanted));
        range.setEnd(container.parentElement!.parentElement!, container.parentElement!.parentElement!.childNodes.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        document.body.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      }, last);
      await expect.poll(() => page.getByTestId("selected-quote").textContent()).toBe(last);
    });

    it("a double click publishes one correction; the explanation changes with a before/after preview", async () => {
      const page = await newPage("editor");
      const factCheckId = "seed-factcheck-china-growth";
      const before = await t.db.prisma.correction.count({ where: { factCheckId } });
      const keys: string[] = [];
      // A slow connection: the answer takes 1.5 s.
      await page.route("**/graphql", async (route) => {
        const post = route.request().postData() ?? "";
        if (post.includes("AddCorrection")) {
          keys.push(route.request().headers()["idempotency-key"] ?? "");
          await new Promise((r) => setTimeout(r, 1500));
        }
        await route.continue();
      });
      await page.goto(`${admin.url}/published`);
      await page.getByRole("button", { name: "Add a correction" }).click();
      const form = page.getByRole("form", { name: "Correction" });
      await form.getByLabel("What changed (shown publicly)").fill("We added the 2025 first-quarter figure");
      await form.getByLabel("Why (shown publicly)").fill("It was published after our check.");
      await form
        .getByLabel("Explanation (Markdown)")
        .fill("China grew **5.4%** in the first quarter of 2025.\n\n- 2023: 5.2%\n- 2024: 5.0%");
      const after = page.getByTestId("correction-after");
      await expect.poll(() => after.locator("li").count()).toBe(2);
      expect(await after.locator("strong").textContent()).toBe("5.4%");
      await screenshot(page, "desk-correction-preview-1280");
      const submit = form.getByRole("button", { name: "Publish correction" });
      await submit.dblclick();
      const busy = form.getByRole("button", { name: "Publishing correction…" });
      expect(await busy.isDisabled()).toBe(true);
      await form.waitFor({ state: "detached" });
      expect(await t.db.prisma.correction.count({ where: { factCheckId } })).toBe(before + 1);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
      const stored = await t.db.prisma.factCheck.findUniqueOrThrow({ where: { id: factCheckId } });
      expect(stored.explanation).toContain("5.4%");
      // The correction's public line ends in one full stop, not two.
      await page.getByText("We added the 2025 first-quarter figure. It was published after our check.", { exact: false }).waitFor();
      expect(await page.locator("body").textContent()).not.toContain("check..");
    });

    it("every submit of the claim page shows progress, sends an Idempotency-Key and writes once", async () => {
      const page = await newPage("editor");
      const claimId = await markClaim("1.2 million homes installed panels in 2024");
      const keys: string[] = [];
      await page.route("**/graphql", async (route) => {
        const post = route.request().postData() ?? "";
        if (post.includes("mutation AddComment")) {
          keys.push(route.request().headers()["idempotency-key"] ?? "");
          await new Promise((r) => setTimeout(r, 1000));
        }
        await route.continue();
      });
      await page.goto(`${admin.url}/claims/${encodeURIComponent(claimId)}`);
      await page.getByLabel("Add a comment").fill("Check the customs data.");
      await page.getByRole("button", { name: "Comment", exact: true }).dblclick();
      expect(await page.getByRole("button", { name: "Commenting…" }).isDisabled()).toBe(true);
      await page.getByRole("button", { name: "Comment", exact: true }).waitFor();
      expect(await t.db.prisma.comment.count({ where: { claimId: localId(claimId) } })).toBe(1);
      expect(keys).toHaveLength(1);
      // A retry of that very request (same key) is answered from the first and writes nothing.
      const replay = await page.evaluate(
        async ([key, id]) => {
          const res = await fetch("/graphql", {
            method: "POST",
            headers: { "content-type": "application/json", "idempotency-key": key! },
            body: JSON.stringify({
              query: "mutation AddComment($claimId: ID!, $body: String!) { addComment(claimId: $claimId, body: $body) { __typename } }",
              variables: { claimId: id, body: "Check the customs data." },
            }),
          });
          return res.status;
        },
        [keys[0]!, claimId] as const,
      );
      expect(replay).toBeLessThan(500);
      expect(await t.db.prisma.comment.count({ where: { claimId: localId(claimId) } })).toBe(1);
    });

    it("the reviewing editor requests changes with a note; moves are named for what they do; history reads as the desk speaks", async () => {
      const claimId = await markClaim("imports doubled");
      const checker = await t.db.prisma.user.findUniqueOrThrow({ where: { email: accounts.checker[0] } });
      for (const to of ["SELECTED", "RESEARCHING"])
        await editor.ok(`mutation($id: ID!, $to: ClaimStatus!) { moveClaim(id: $id, to: $to) { __typename } }`, { id: claimId, to });
      await editor.ok(`mutation($id: ID!, $a: ID) { assignClaim(id: $id, assigneeId: $a) { __typename } }`, {
        id: claimId,
        a: gid("User", checker.id),
      });
      const rating = await t.db.prisma.rating.findFirstOrThrow({ where: { label: "Mostly true" } });
      const { version } = await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(claimId) } });
      await editor.ok(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { __typename } }`, {
        input: { id: claimId, version, ratingId: gid("Rating", rating.id), explanation: "Customs data show it." },
      });
      await editor.ok(`mutation($id: ID!, $to: ClaimStatus!) { moveClaim(id: $id, to: $to) { __typename } }`, {
        id: claimId,
        to: "IN_REVIEW",
      });

      const checkerPage = await newPage("checker");
      await checkerPage.goto(`${admin.url}/claims/${encodeURIComponent(claimId)}`);
      await checkerPage.getByRole("button", { name: "Withdraw from review" }).waitFor();
      expect(await checkerPage.getByRole("button", { name: "Start research" }).count()).toBe(0);

      const page = await newPage("editor");
      await page.goto(`${admin.url}/claims/${encodeURIComponent(claimId)}`);
      const review = page.getByRole("region", { name: "Review" });
      await review.waitFor();
      // The publish form is near the top of the page, not thousands of pixels down.
      const top = await page.getByRole("form", { name: "Publish" }).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      expect(top).toBeLessThan(800);
      await screenshot(page, "desk-claim-review-1280");
      await review.getByLabel("What should change").fill("Cite the customs table itself, not the press release.");
      await review.getByRole("button", { name: "Request changes" }).click();
      await page.getByText("Returned to the fact-checker with your note.").waitFor();
      const stored = await t.db.prisma.claim.findUniqueOrThrow({ where: { id: localId(claimId) }, include: { comments: true } });
      expect(stored.status).toBe("RESEARCHING");
      expect(stored.comments.map((c) => c.body)).toEqual(["Cite the customs table itself, not the press release."]);
      const history = page.getByRole("region", { name: "History" });
      await expect.poll(() => history.textContent()).toContain("returned it for changes");
      const words = (await history.textContent())!;
      expect(words).toContain("Verdict: none → Mostly true");
      expect(words).toContain("moved it from Researching to In review");
      for (const internal of ["ratingId", "spanStart", "seed-rating", "assigneeId", rating.id]) expect(words).not.toContain(internal);
      await checkerPage.reload();
      await checkerPage.getByRole("button", { name: "Submit for review" }).waitFor();
      await checkerPage.getByText("Cite the customs table itself, not the press release.").first().waitFor();
    });

    it("warns before creating a speaker who already exists", async () => {
      const page = await newPage("checker");
      await page.goto(articleUrl());
      await page.getByTestId("article-body").focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+ArrowRight");
      const form = await selectionForm(page);
      await form.getByLabel("Speaker").selectOption("__new");
      await form.getByLabel("Name").fill("khalil  hashmi");
      await page.getByTestId("duplicate-speaker").waitFor();
      await form.getByRole("button", { name: "Use Khalil Hashmi" }).click();
      expect(await form.getByLabel("Speaker").inputValue()).toBe(gid("Person", "seed-person-khalil-hashmi"));
    });

    it("renders Markdown lists in the preview, and nothing unsafe", async () => {
      const page = await newPage("editor");
      const claimId = await markClaim("1.2 million homes");
      await page.goto(`${admin.url}/claims/${encodeURIComponent(claimId)}`);
      await page
        .getByLabel(/Explanation \(Markdown/)
        .fill("Two sources:\n\n- customs data\n- the ministry's report\n\n<script>window.hacked = 1</script>[x](javascript:alert(1))");
      await page.getByRole("tab", { name: "Preview" }).click();
      const preview = page.getByRole("region", { name: "Explanation preview" });
      await expect.poll(() => preview.locator("li").count()).toBe(2);
      expect(await preview.locator("script").count()).toBe(0);
      expect(await preview.locator('a[href^="javascript"]').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    });

    it("the dashboard shows the desk's numbers, from one deskStats query", async () => {
      const page = await newPage("editor");
      await page.goto(`${admin.url}/`);
      const dashboard = page.getByTestId("dashboard");
      await dashboard.waitFor();
      await dashboard.locator("svg.recharts-surface").first().waitFor();
      const published = await t.db.prisma.factCheck.groupBy({ by: ["ratingId"], where: { status: "PUBLISHED" }, _count: { _all: true } });
      const ratings = await t.db.prisma.rating.findMany();
      const verdictRows = await page
        .getByTestId("stats-verdicts")
        .locator("tbody tr")
        .evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => c.textContent)));
      expect(verdictRows.sort()).toEqual(
        published.map((p) => [ratings.find((r) => r.id === p.ratingId)!.label, String(p._count._all)]).sort(),
      );
      // This week's claims, by status, as the database counts them.
      const monday = new Date();
      monday.setUTCHours(0, 0, 0, 0);
      monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
      const thisWeek = await t.db.prisma.claim.count({ where: { createdAt: { gte: monday } } });
      const lastRow = await page
        .getByTestId("stats-marked")
        .locator("tbody tr")
        .last()
        .evaluate((r) => Array.from(r.children, (c) => c.textContent));
      expect(lastRow.slice(1).reduce((sum, c) => sum + Number(c), 0)).toBe(thisWeek);
      const open = await t.db.prisma.claim.groupBy({
        by: ["assigneeId"],
        where: { status: { in: ["SELECTED", "RESEARCHING", "IN_REVIEW"] }, assigneeId: { not: null } },
        _count: { _all: true },
      });
      const workRows = await page
        .getByTestId("stats-open-work")
        .locator("tbody tr")
        .evaluateAll((rows) =>
          rows.map((r) =>
            Array.from(r.children, (c) => Number(c.textContent))
              .slice(1)
              .reduce((a, b) => a + b, 0),
          ),
        );
      expect(workRows.sort()).toEqual(open.map((o) => o._count._all).sort());
      await screenshot(page, "desk-dashboard-1280");
    });

    it("desk, article and claim pages fit a 390 px phone: no sideways scroll, header wraps, the mark form near the top", async () => {
      const page = await newPage("editor", { width: 390, height: 844 });
      const claimId = await markClaim("the lowest yet");
      const pages: [string, string][] = [
        ["desk", "/"],
        ["articles", "/articles"],
        ["article", `/articles/${encodeURIComponent(articleId)}`],
        ["claim", `/claims/${encodeURIComponent(claimId)}`],
        ["claims", "/claims"],
        ["sources", "/sources"],
        ["published", "/published"],
        ["seed-claim", `/claims/${encodeURIComponent(gid("Claim", "seed-claim-china-growth"))}`],
      ];
      const widths: Record<string, number> = {};
      for (const [name, path] of pages) {
        await page.goto(admin.url + path);
        await page.locator("main").waitFor();
        await page.waitForLoadState("networkidle");
        widths[name] = await page.evaluate(() => document.documentElement.scrollWidth);
        await screenshot(page, `desk-${name}-390`);
      }
      console.log(`page widths at 390 px: ${JSON.stringify(widths)}`);
      for (const [name] of pages) expect(widths[name], name).toBeLessThanOrEqual(390);
      await page.goto(articleUrl());
      const text = page.getByTestId("article-body");
      await text.focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+ArrowRight");
      const form = await selectionForm(page);
      const top = await form.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      expect(top).toBeLessThan(700);
      const header = await page.locator("header.top").boundingBox();
      expect(header!.width).toBeLessThanOrEqual(390);
      await screenshot(page, "desk-article-mark-390");
    }, 180_000);

    it("axe-core finds no serious or critical violation on the main pages", async () => {
      const page = await newPage("editor");
      const claimId = await markClaim("one trader said");
      const pages: [string, string][] = [
        ["desk", "/"],
        ["articles", "/articles"],
        ["new article", "/articles/new"],
        ["article", `/articles/${encodeURIComponent(articleId)}`],
        ["seed article", `/articles/${encodeURIComponent(gid("Article", "seed-article-cpec-two-sessions"))}`],
        ["claim", `/claims/${encodeURIComponent(claimId)}`],
        ["published claim", `/claims/${encodeURIComponent(gid("Claim", "seed-claim-china-growth"))}`],
        ["claims", "/claims"],
        ["sources", "/sources"],
        ["published", "/published"],
      ];
      const found: Record<string, string[]> = {};
      for (const [name, path] of pages) {
        await page.goto(admin.url + path);
        await page.locator("main").waitFor();
        await page.waitForLoadState("networkidle");
        const violations = await seriousViolations(page);
        found[name] = violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).join(", ")})`);
      }
      // With a selection made, the mark form is on the page too.
      await page.goto(articleUrl());
      await page.getByTestId("article-body").focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+ArrowRight");
      await selectionForm(page);
      await page.waitForLoadState("networkidle");
      found["mark form"] = (await seriousViolations(page)).map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).join(", ")})`);
      const signedOut = await browser.newPage();
      await signedOut.goto(`${admin.url}/login`);
      found.login = (await seriousViolations(signedOut)).map((v) => `${v.impact} ${v.id}: ${v.help}`);
      await signedOut.close();
      console.log(`axe-core serious/critical violations on ${Object.keys(found).length} pages: ${JSON.stringify(found, null, 1)}`);
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    }, 240_000);

    it("the claim page lists a fact-check that says the same in other words, and says so", async () => {
      await t.db.prisma.externalFactCheck.create({
        data: {
          url: "https://factcheck.example/solar-panel-price",
          claimReviewed: "The price of a 550 watt panel has dropped below 25,000 rupees",
          publisherName: "Example Fact Check",
          ratingLabel: "Mostly true",
          raw: { "@type": "ClaimReview", headline: "Did panel prices drop below 25,000 rupees?" },
        },
      });
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 390, height: 844 },
      ]) {
        const page = await newPage("editor", viewport);
        await page.goto(`${admin.url}/claims/${encodeURIComponent(innerClaimId)}`);
        const match = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /550 watt panel has dropped/ }) });
        await expect.poll(() => match.textContent(), { timeout: 20_000 }).toMatch(/close in meaning.*Example Fact Check: Mostly true/);
        await match.scrollIntoViewIfNeeded();
        await screenshot(page, `desk-claim-close-in-meaning-${viewport.width}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        expect(await seriousViolations(page)).toEqual([]);
      }
    }, 120_000);
  });
}
