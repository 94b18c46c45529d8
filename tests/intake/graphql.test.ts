/** Intake over GraphQL: preview, article from a link, feeds on outlets, and their typed errors. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, type TestApi, globalId, startTestApi } from "../support/api.ts";
import { databaseKinds } from "../support/databases.ts";
import { type NewsServer, articles, startNewsServer } from "../support/news-server.ts";

const fromUrl = `mutation($url: String!) { createArticleFromUrl(url: $url) { __typename
  ... on MutationCreateArticleFromUrlSuccess { data { id title byline publishedAt language canonicalUrl body outlet { name } } }
  ... on DuplicateArticleError { existing { id } }
  ... on IntakeError { code message httpStatus } } }`;
const preview = `mutation($input: PreviewArticleInput!) { previewArticle(input: $input) { __typename
  ... on MutationPreviewArticleSuccess { data { title byline publishedAt outletName canonicalUrl language body sources { field source } existing { id } } }
  ... on ValidationError { fieldErrors { path message } }
  ... on IntakeError { code message } } }`;

describe.each(databaseKinds())("intake over GraphQL on %s", (kind) => {
  let t: TestApi;
  let site: NewsServer;
  let editor: Client;
  beforeAll(async () => {
    process.env.CLAIMDESK_INTAKE_ALLOW_PRIVATE = "true";
    site = await startNewsServer({ initialItems: 2 });
    t = await startTestApi(kind);
    editor = await t.as("editor");
  });
  afterAll(async () => {
    delete process.env.CLAIMDESK_INTAKE_ALLOW_PRIVATE;
    await t?.stop();
    await site?.close();
  });

  it("previews a link and pasted HTML without saving; creates from a link once", async () => {
    const a = articles[0]!;
    const seen = await editor.ok(preview, { input: { url: site.url + a.path } });
    expect(seen.previewArticle.data).toMatchObject({
      title: a.title,
      byline: a.byline,
      outletName: a.outletName,
      canonicalUrl: site.url + a.canonicalPath,
      existing: null,
    });
    expect(seen.previewArticle.data.sources).toContainEqual({ field: "title", source: "json-ld" });
    const html = await (await fetch(site.url + articles[1]!.path)).text();
    const pasted = await editor.ok(preview, { input: { html } });
    expect(pasted.previewArticle.data).toMatchObject({ title: articles[1]!.title, body: articles[1]!.paragraphs.join("\n\n") });
    const before = await t.db.prisma.article.count();
    expect(await t.db.prisma.article.count()).toBe(before);

    const created = await editor.ok(fromUrl, { url: site.url + a.path });
    expect(created.createArticleFromUrl.__typename).toBe("MutationCreateArticleFromUrlSuccess");
    expect(created.createArticleFromUrl.data).toMatchObject({
      title: a.title,
      byline: a.byline,
      publishedAt: a.publishedAt,
      language: "en",
      outlet: { name: "The Daily Ledger" },
    });
    const again = await editor.ok(fromUrl, { url: `${site.url}${a.path}?utm_campaign=x` });
    expect(again.createArticleFromUrl).toEqual({
      __typename: "DuplicateArticleError",
      existing: { id: created.createArticleFromUrl.data.id },
    });
    const previewAgain = await editor.ok(preview, { input: { url: site.url + a.path } });
    expect(previewAgain.previewArticle.data.existing).toEqual({ id: created.createArticleFromUrl.data.id });
    expect(await t.db.prisma.article.count()).toBe(before + 1);
  });

  it("fetch failures are typed errors in words; nothing is written", async () => {
    const before = await t.db.prisma.article.count();
    const cases: [string, string, string][] = [
      [`${site.url}/error`, "HTTP_STATUS", "The site answered 500 Internal Server Error"],
      [`${site.url}/report.pdf`, "NOT_HTML", "This address is not an HTML page (it serves application/pdf)"],
      [`${site.url}/loop-a`, "REDIRECT_LOOP", "The page redirects in a loop"],
      ["ftp://example.org/a", "UNSUPPORTED_SCHEME", "Only http and https addresses can be fetched (not ftp)"],
    ];
    for (const [url, code, message] of cases) {
      const result = await editor.ok(fromUrl, { url });
      expect(result.createArticleFromUrl, url).toEqual({
        __typename: "IntakeError",
        code,
        message,
        httpStatus: code === "HTTP_STATUS" ? 500 : null,
      });
    }
    process.env.CLAIMDESK_INTAKE_ALLOW_PRIVATE = "false";
    try {
      const refused = await editor.ok(fromUrl, { url: site.url + articles[2]!.path });
      expect(refused.createArticleFromUrl.code).toBe("ADDRESS_NOT_ALLOWED");
    } finally {
      process.env.CLAIMDESK_INTAKE_ALLOW_PRIVATE = "true";
    }
    const empty = await editor.ok(preview, { input: {} });
    expect(empty.previewArticle.fieldErrors).toEqual([{ path: ["input", "url"], message: "Give a link or paste the page's HTML" }]);
    expect(await t.db.prisma.article.count()).toBe(before);
  });

  it("feeds on an outlet: add (checked), status, update, delete; viewers may not", async () => {
    const outlet = await t.db.prisma.outlet.create({ data: { name: "Wire for GraphQL" } });
    const add = `mutation($input: AddFeedInput!) { addFeed(input: $input) { __typename
      ... on MutationAddFeedSuccess { data { id url title intervalMinutes active itemsTaken lastPolledAt lastError outlet { name } } }
      ... on ValidationError { fieldErrors { path message } } ... on IntakeError { code message } ... on Error { message } } }`;
    const ok = await editor.ok(add, {
      input: { outletId: globalId("Outlet", outlet.id), url: `${site.url}/feeds/atom.xml`, intervalMinutes: 30 },
    });
    expect(ok.addFeed.data).toMatchObject({
      url: `${site.url}/feeds/atom.xml`,
      title: "The Wire",
      intervalMinutes: 30,
      active: true,
      itemsTaken: 0,
      lastPolledAt: null,
      outlet: { name: "Wire for GraphQL" },
    });
    const twice = await editor.ok(add, { input: { outletId: globalId("Outlet", outlet.id), url: `${site.url}/feeds/atom.xml` } });
    expect(twice.addFeed.fieldErrors).toEqual([{ path: ["input", "url"], message: "This outlet already has this feed" }]);
    const notFeed = await editor.ok(add, { input: { outletId: globalId("Outlet", outlet.id), url: `${site.url}/feeds/broken.xml` } });
    expect(notFeed.addFeed).toEqual({
      __typename: "IntakeError",
      code: "NOT_A_FEED",
      message: "This address does not serve an RSS, Atom or JSON feed",
    });
    const badInterval = await editor.ok(add, {
      input: { outletId: globalId("Outlet", outlet.id), url: `${site.url}/feeds/rss.xml`, intervalMinutes: 0 },
    });
    expect(badInterval.addFeed.fieldErrors[0].path).toEqual(["input", "intervalMinutes"]);

    const id = ok.addFeed.data.id;
    const updated = await editor.ok(
      `mutation($input: UpdateFeedInput!) { updateFeed(input: $input) { __typename ... on MutationUpdateFeedSuccess { data { active intervalMinutes } } } }`,
      { input: { id, active: false, intervalMinutes: 60 } },
    );
    expect(updated.updateFeed.data).toEqual({ active: false, intervalMinutes: 60 });
    const listed = await editor.ok(
      `query($id: ID!) { node(id: $id) { ... on Outlet { feeds { id url consecutiveErrors items(first: 5) { totalCount } } } } }`,
      { id: globalId("Outlet", outlet.id) },
    );
    expect(listed.node.feeds).toEqual([{ id, url: `${site.url}/feeds/atom.xml`, consecutiveErrors: 0, items: { totalCount: 0 } }]);
    const arrived = await editor.ok(`{ arrivedFromFeeds(first: 5) { id article { title recurringClaims { sentence } } } }`);
    expect(arrived.arrivedFromFeeds).toEqual([]);

    const viewer = await t.as("viewer");
    const refused = await viewer.request(`mutation($id: ID!) { deleteFeed(id: $id) { __typename } }`, { id });
    expect(refused.errors?.[0]?.extensions?.code ?? refused.data?.deleteFeed?.__typename).toMatch(/FORBIDDEN|ForbiddenError/);
    const deleted = await editor.ok(
      `mutation($id: ID!) { deleteFeed(id: $id) { __typename ... on MutationDeleteFeedSuccess { data { name feeds { id } } } } }`,
      { id },
    );
    expect(deleted.deleteFeed.data).toEqual({ name: "Wire for GraphQL", feeds: [] });
  });
});
