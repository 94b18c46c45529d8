import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminServer, startAdmin } from "../support/admin.ts";
import { type TestApi, startTestApi } from "../support/api.ts";
import { databaseKinds } from "../support/databases.ts";
import { freePort } from "../support/ports.ts";

const update = `mutation($slug: TrustPageSlug!, $title: String!, $body: String!) { updateTrustPage(slug: $slug, title: $title, body: $body) {
  __typename ... on MutationUpdateTrustPageSuccess { data { path title body updatedAt } } ... on ValidationError { fieldErrors { path message } } ... on Error { code } } }`;

const meta = (html: string, attr: "name" | "property", key: string) =>
  new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`).exec(html)?.[1];

describe.each(databaseKinds())("trust pages and the public site on %s", (kind) => {
  let t: TestApi;
  let admin: AdminServer;
  let site: string;
  beforeAll(async () => {
    const port = await freePort();
    site = `http://127.0.0.1:${port}`;
    t = await startTestApi(kind, { CLAIMDESK_NEWSROOM_NAME: "Example Fact Desk", CLAIMDESK_PUBLIC_URL: site });
    admin = await startAdmin(t.url, port);
  }, 300_000);
  afterAll(async () => {
    await admin?.stop();
    await t?.stop();
  });

  it("admins edit them in Markdown; each save is a version in the audit trail; others may not", async () => {
    const editor = await t.as("editor");
    expect((await editor.ok(update, { slug: "CORRECTIONS_POLICY", title: "x", body: "y" })).updateTrustPage.__typename).toBe(
      "ForbiddenError",
    );
    const adminUser = await t.as("admin");
    expect((await adminUser.ok(update, { slug: "CORRECTIONS_POLICY", title: " ", body: "y" })).updateTrustPage.__typename).toBe(
      "ValidationError",
    );
    const body1 =
      "We correct **openly**.\n\n| When | What |\n| --- | --- |\n| same day | the verdict |\n\n<script>alert(1)</script>\n\n[Write to us](mailto:corrections@example.org)";
    const saved = await adminUser.ok(update, { slug: "CORRECTIONS_POLICY", title: "How we correct", body: body1 });
    expect(saved.updateTrustPage.data).toMatchObject({ path: "/corrections-policy", title: "How we correct", body: body1 });
    await adminUser.ok(update, { slug: "CORRECTIONS_POLICY", title: "How we correct mistakes", body: "Version two." });
    const { trustPage } = await adminUser.ok(`{ trustPage(slug: CORRECTIONS_POLICY) { title body versions { title body savedBy } } }`);
    expect(trustPage.title).toBe("How we correct mistakes");
    expect(trustPage.versions).toEqual([
      { title: "How we correct mistakes", body: "Version two.", savedBy: "Ada Admin" },
      { title: "How we correct", body: body1, savedBy: "Ada Admin" },
    ]);
    const audit = await t.db.prisma.auditEvent.findMany({
      where: { entityType: "TrustPage", entityId: "corrections-policy" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => (a.before as any)?.title)).toEqual(["Corrections policy", "How we correct"]);
    // The public sees the page, not its history.
    const anonymous = await t.client().request(`{ trustPage(slug: CORRECTIONS_POLICY) { title versions { title } } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await t.client().ok(`{ trustPages { path title } }`)).trustPages.map((p: any) => p.path)).toEqual([
      "/methodology",
      "/corrections-policy",
      "/ownership-and-funding",
    ]);

    await adminUser.ok(update, { slug: "CORRECTIONS_POLICY", title: "How we correct", body: body1 });
    const html = await (await fetch(`${admin.url}/corrections-policy`)).text();
    expect(html).toContain("<strong>openly</strong>");
    expect(html).toMatch(/<table>[\s\S]*<td>same day<\/td>/);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain(`<link rel="canonical" href="${site}/corrections-policy"/>`);
  });

  it("every public fact-check page links to the three pages, under a site header, with canonical, Open Graph, Twitter card and a favicon", async () => {
    const slug = (await t.db.prisma.factCheck.findUniqueOrThrow({ where: { id: "seed-factcheck-china-growth" } })).slug;
    const html = await (await fetch(`${admin.url}/fact-checks/${slug}`)).text();
    expect(html).toContain('data-testid="site-header"');
    expect(html).toContain("Example Fact Desk");
    for (const href of ["/methodology", "/corrections-policy", "/ownership-and-funding"]) {
      expect(html).toContain(`href="${href}"`);
      expect((await fetch(`${admin.url}${href}`)).status, href).toBe(200);
    }
    const trustLinks = /data-testid="trust-links"[\s\S]*?<\/nav>/.exec(html)![0];
    expect(trustLinks).toContain('href="/corrections-policy"');
    expect(html).toContain(`<link rel="canonical" href="${site}/fact-checks/${slug}"/>`);
    expect(meta(html, "property", "og:title")).toBe("Has China sustained 5% growth? Close, for the last two years");
    expect(meta(html, "property", "og:description")).toBe("Mostly true: China has sustained economic growth of about 5% a year.");
    expect(meta(html, "property", "og:url")).toBe(`${site}/fact-checks/${slug}`);
    expect(meta(html, "property", "og:type")).toBe("article");
    expect(meta(html, "name", "twitter:card")).toBe("summary");
    expect(meta(html, "name", "twitter:description")).toBe("Mostly true: China has sustained economic growth of about 5% a year.");
    const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
    expect(icon).toBeDefined();
    const res = await fetch(new URL(icon!, admin.url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    // The methodology page keeps the rating scale under the admins' text.
    const methodology = await (await fetch(`${admin.url}/methodology`)).text();
    expect(methodology).toContain("How we rate claims");
    expect(methodology).toContain("No evidence supports the statement, or it is fabricated.");
  });
});
