import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminServer, startAdmin } from "../support/admin.ts";
import { type Client, type TestApi, globalId, startTestApi } from "../support/api.ts";
import { databaseKinds } from "../support/databases.ts";
import { freePort } from "../support/ports.ts";
import { schemaOrgProblems } from "../support/schemaorg.ts";

/** The ClaimReview JSON-LD blocks of a page. */
function ldJson(html: string): any[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

const feedItems = async (url: string) => ((await (await fetch(url)).json()) as any).dataFeedElement as any[];

describe.each(databaseKinds())("ClaimReview export: one URL, one dateModified, a DataFeed, on %s", (kind) => {
  let t: TestApi;
  let admin: AdminServer;
  let editor: Client;
  let secondSlug: string;
  beforeAll(async () => {
    const port = await freePort();
    t = await startTestApi(kind, { CLAIMDESK_NEWSROOM_NAME: "Example Fact Desk", CLAIMDESK_PUBLIC_URL: `http://127.0.0.1:${port}` });
    admin = await startAdmin(t.url, port);
    editor = await t.as("editor");
    // A second review, published through the API, by an organisation whose article has no URL.
    const org = await editor.ok(
      `mutation { createPerson(input: { name: "Ministry of Planning", kind: ORGANIZATION }) { __typename ... on MutationCreatePersonSuccess { data { id kind } } } }`,
    );
    expect(org.createPerson.data.kind).toBe("ORGANIZATION");
    const orgId = Buffer.from(org.createPerson.data.id, "base64").toString().split(":")[1]!;
    await t.db.prisma.article.update({ where: { id: "seed-article-cpec-two-sessions" }, data: { canonicalUrl: null } });
    await t.db.prisma.claim.update({
      where: { id: "seed-claim-45-mous" },
      data: { status: "IN_REVIEW", ratingId: "seed-rating-false", explanation: "No record of 45 memorandums exists.", speakerId: orgId },
    });
    const claim = await t.db.prisma.claim.findUniqueOrThrow({ where: { id: "seed-claim-45-mous" } });
    const published = await editor.ok(
      `mutation($input: PublishFactCheckInput!) { publishFactCheck(input: $input) { __typename ... on MutationPublishFactCheckSuccess { data { slug url } } ... on Error { message } } }`,
      { input: { claimId: globalId("Claim", claim.id), version: claim.version, headline: "No, there were not 45 MoUs" } },
    );
    expect(published.publishFactCheck.__typename).toBe("MutationPublishFactCheckSuccess");
    secondSlug = published.publishFactCheck.data.slug;
    expect(published.publishFactCheck.data.url).toBe(`http://127.0.0.1:${port}/fact-checks/${secondSlug}`);
  }, 300_000);
  afterAll(async () => {
    await admin?.stop();
    await t?.stop();
  });

  it("every published review's url answers 200 with the same JSON-LD as the feed and the single endpoint", async () => {
    const items = await feedItems(`${t.url}/claim-reviews.jsonld`);
    expect(items).toHaveLength(2);
    for (const item of items) {
      const review = item.item;
      expect(review.url).toMatch(new RegExp(`^${admin.url}/fact-checks/[a-z0-9-]+-[a-z0-9]{8}$`));
      expect(item.url).toBe(review.url);
      const page = await fetch(review.url, { redirect: "manual" });
      expect(page.status).toBe(200);
      const html = await page.text();
      const [onPage] = ldJson(html);
      expect(onPage).toEqual({ "@context": "https://schema.org", ...review });
      expect(html).toContain(`<link rel="canonical" href="${review.url}"/>`);
      const slug = review.url.split("/").pop();
      const single = await fetch(`${t.url}/claim-reviews/${slug}.jsonld`);
      expect(single.status).toBe(200);
      expect(await single.json()).toEqual(onPage);
    }
  });

  it("other forms of the id redirect to the one URL; unknown ones are 404 and not cached publicly", async () => {
    const fc = await t.db.prisma.factCheck.findUniqueOrThrow({ where: { id: "seed-factcheck-china-growth" } });
    expect(fc.slug).toBe("china-has-sustained-economic-growth-of-about-5-a-year-nagrowth");
    for (const other of [globalId("FactCheck", fc.id), fc.id, "reworded-claim-words-nagrowth"]) {
      const res = await fetch(`${admin.url}/fact-checks/${encodeURIComponent(other)}`, { redirect: "manual" });
      expect(res.status, other).toBe(308);
      expect(new URL(res.headers.get("location")!, admin.url).pathname).toBe(`/fact-checks/${fc.slug}`);
      const api = await fetch(`${t.url}/claim-reviews/${encodeURIComponent(other)}.jsonld`, { redirect: "manual" });
      expect(api.status, other).toBe(301);
      expect(api.headers.get("location")).toBe(`${t.url}/claim-reviews/${fc.slug}.jsonld`);
    }
    for (const unknown of ["no-such-review-zzzzzzzz", "seed-claim-astronauts", "%E0%A4"]) {
      // A malformed escape is refused by Next itself before the page runs.
      if (!unknown.startsWith("%"))
        expect((await fetch(`${admin.url}/fact-checks/${unknown}`, { redirect: "manual" })).status, unknown).toBe(404);
      const api = await fetch(`${t.url}/claim-reviews/${unknown}.jsonld`);
      expect(api.status, unknown).toBe(404);
      expect(api.headers.get("cache-control")).toBe("no-store");
    }
    // Unpublished: gone from every form.
    await t.db.prisma.factCheck.update({ where: { slug: secondSlug }, data: { status: "UNPUBLISHED" } });
    expect((await fetch(`${admin.url}/fact-checks/${secondSlug}`)).status).toBe(404);
    expect((await fetch(`${t.url}/claim-reviews/${secondSlug}.jsonld`)).status).toBe(404);
    await t.db.prisma.factCheck.update({ where: { slug: secondSlug }, data: { status: "PUBLISHED" } });
  });

  it("HEAD answers like GET without a body", async () => {
    for (const path of ["/claim-reviews.jsonld", `/claim-reviews/${secondSlug}.jsonld`, "/claim-reviews/nothing-here.jsonld"]) {
      const [get, head] = [await fetch(`${t.url}${path}`), await fetch(`${t.url}${path}`, { method: "HEAD" })];
      expect(head.status).toBe(get.status);
      expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
      expect(head.headers.get("cache-control")).toBe(get.headers.get("cache-control"));
      expect(await head.text()).toBe("");
    }
  });

  it("the feed is a DataFeed of DataFeedItems, paged with absolute Link rel=next", async () => {
    const first = await fetch(`${t.url}/claim-reviews.jsonld?first=1`);
    const feed: any = await first.json();
    expect(feed["@type"]).toBe("DataFeed");
    expect(feed.numberOfItems).toBeUndefined();
    expect(feed.nextPage).toBeUndefined();
    expect(feed.dataFeedElement).toHaveLength(1);
    expect(feed.dataFeedElement[0]).toMatchObject({ "@type": "DataFeedItem", item: { "@type": "ClaimReview" } });
    const link = first.headers.get("link")!;
    const next = /^<(http:\/\/[^>]+)>; rel="next"$/.exec(link)?.[1];
    expect(next).toMatch(new RegExp(`^${t.url}/claim-reviews\\.jsonld\\?after=`));
    const second = await fetch(next!);
    expect(second.headers.get("link")).toBeNull();
    const urls = [feed.dataFeedElement[0].item.url, ((await second.json()) as any).dataFeedElement[0].item.url];
    expect(new Set(urls).size).toBe(2);
  });

  it("the rating carries name and ratingExplanation; the claimant is typed from the person record; appearances without a URL stay inline", async () => {
    const review = (await (await fetch(`${t.url}/claim-reviews/${secondSlug}.jsonld`)).json()) as any;
    expect(review.reviewRating).toEqual({
      "@type": "Rating",
      ratingValue: 2,
      bestRating: 6,
      worstRating: 1,
      name: "False",
      alternateName: "False",
      ratingExplanation: "The statement is not accurate.",
    });
    expect(review.itemReviewed.author).toEqual({ "@type": "Organization", name: "Ministry of Planning" });
    expect(review.itemReviewed.appearance[0].url).toBeUndefined();
    expect(review.itemReviewed.appearance[0]).toMatchObject({
      "@type": "CreativeWork",
      headline: expect.any(String),
      publisher: { "@type": "Organization", name: expect.any(String), url: "https://www.urdupoint.com" },
    });
    expect(review.citation).toEqual([{ "@type": "CreativeWork", name: expect.any(String), url: "https://cpec.gov.pk/" }]);
    const seed = (await (
      await fetch(`${t.url}/claim-reviews/china-has-sustained-economic-growth-of-about-5-a-year-nagrowth.jsonld`)
    ).json()) as any;
    expect(seed.itemReviewed.author["@type"]).toBe("Person");
  });

  it("one dateModified everywhere: none before a correction, the correction's date after", async () => {
    const everywhere = async () => {
      const item = (await feedItems(`${t.url}/claim-reviews.jsonld`)).find((i) => i.item.url.endsWith(secondSlug));
      const single: any = await (await fetch(`${t.url}/claim-reviews/${secondSlug}.jsonld`)).json();
      const [page] = ldJson(await (await fetch(`${admin.url}/fact-checks/${secondSlug}`)).text());
      return [item.dateModified, item.item.dateModified, single.dateModified, page.dateModified];
    };
    // Touching the record (unpublish/republish above) is not a modification of the review.
    expect(await everywhere()).toEqual([undefined, undefined, undefined, undefined]);
    const fc = await t.db.prisma.factCheck.findUniqueOrThrow({ where: { slug: secondSlug } });
    await editor.ok(`mutation($input: AddCorrectionInput!) { addCorrection(input: $input) { __typename } }`, {
      input: { factCheckId: globalId("FactCheck", fc.id), whatChanged: "Named the ministry's register", reason: "Reader request" },
    });
    const correction = await t.db.prisma.correction.findFirstOrThrow({ where: { factCheckId: fc.id } });
    const iso = correction.createdAt.toISOString();
    expect(await everywhere()).toEqual([iso, iso, iso, iso]);
  });

  it("every exported document expands against schema.org with each property on a type that defines it", async () => {
    const feed = await (await fetch(`${t.url}/claim-reviews.jsonld`)).json();
    expect(await schemaOrgProblems(feed)).toEqual([]);
    for (const item of (feed as any).dataFeedElement) {
      expect(await schemaOrgProblems({ "@context": "https://schema.org", ...item.item })).toEqual([]);
      const slug = item.item.url.split("/").pop();
      expect(await schemaOrgProblems(await (await fetch(`${t.url}/claim-reviews/${slug}.jsonld`)).json())).toEqual([]);
    }
    // The checker catches what the old feed said.
    expect(
      (await schemaOrgProblems({ "@context": "https://schema.org", "@type": "DataFeed", numberOfItems: 1, nextPage: "/x" })).sort(),
    ).toEqual(["$[0]: https://schema.org/nextPage is not a schema.org term", "$[0]: numberOfItems is not defined for DataFeed"]);
  });
});
