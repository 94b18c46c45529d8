import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, globalId, startTestApi } from "../support/api.ts";

const importMutation = `mutation($text: String!) { importClaimReviews(text: $text) {
  __typename
  ... on MutationImportClaimReviewsSuccess { data { alreadyKnown imported { url claimReviewed publisherName ratingLabel rating { label } } } }
  ... on ClaimReviewImportError { problems }
} }`;

const review = (n: number, extra: object = {}) => ({
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  url: `https://other-checker.example.net/checks/${n}`,
  claimReviewed: `Pakistan's wheat harvest reached ${n} million tonnes this season`,
  author: { "@type": "Organization", name: "Other Checker" },
  datePublished: "2025-02-01",
  reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Misleading" },
  itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "A minister" } },
  ...extra,
});

describe.each(databaseKinds())("ClaimReview import on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
  });
  afterAll(async () => t?.stop());

  it("reads a single object, an array, and a page with ld+json scripts; maps ratings to our scale", async () => {
    // Their 2 on a 1-5 scale is 2.25 on our 1-6 one: "False" (2).
    const single = await editor.ok(importMutation, { text: JSON.stringify(review(31)) });
    expect(single.importClaimReviews.data.imported).toEqual([
      { url: "https://other-checker.example.net/checks/31", claimReviewed: review(31).claimReviewed, publisherName: "Other Checker", ratingLabel: "Misleading", rating: { label: "False" } },
    ]);
    const array = await editor.ok(importMutation, { text: JSON.stringify([review(32), review(31)]) });
    expect(array.importClaimReviews.data.imported).toHaveLength(1);
    expect(array.importClaimReviews.data.alreadyKnown).toBe(1);
    const page = `<html><head><script type="application/ld+json">${JSON.stringify({ "@graph": [review(33, { claimReviewed: "Sugar exports from Pakistan doubled in 2024", reviewRating: { alternateName: "False" } })] })}</script></head><body>…</body></html>`;
    const html = await editor.ok(importMutation, { text: page });
    expect(html.importClaimReviews.data.imported[0].rating).toEqual({ label: "False" });
  });

  it("bad or partial JSON-LD says what is missing and imports nothing", async () => {
    const before = await t.db.prisma.externalFactCheck.count();
    const partial = await editor.ok(importMutation, { text: JSON.stringify([review(40), { "@type": "ClaimReview", url: "https://x.example/1" }]) });
    expect(partial.importClaimReviews.__typename).toBe("ClaimReviewImportError");
    expect(partial.importClaimReviews.problems).toEqual([
      "ClaimReview 2 (https://x.example/1): claimReviewed is missing",
      "ClaimReview 2 (https://x.example/1): reviewRating is missing",
      "ClaimReview 2 (https://x.example/1): author.name is missing",
    ]);
    const broken = await editor.ok(importMutation, { text: "{ not json" });
    expect(broken.importClaimReviews.problems[0]).toMatch(/not valid JSON/);
    const none = await editor.ok(importMutation, { text: JSON.stringify({ "@type": "NewsArticle" }) });
    expect(none.importClaimReviews.problems[0]).toMatch(/No ClaimReview found/);
    expect(await t.db.prisma.externalFactCheck.count()).toBe(before);
  });

  it("our published JSON-LD round-trips through import and matching finds it", async () => {
    const ours = await t.client().ok(`query($id: ID!) { node(id: $id) { ... on FactCheck { claimReview } } }`, { id: globalId("FactCheck", "seed-factcheck-china-growth") });
    const imported = await editor.ok(importMutation, { text: JSON.stringify(ours.node.claimReview) });
    expect(imported.importClaimReviews.data.imported[0]).toMatchObject({
      claimReviewed: ours.node.claimReview.claimReviewed,
      ratingLabel: "Mostly true",
      rating: { label: "Mostly true" },
    });
    const matches = await editor.ok(`query { similarClaims(text: "Pakistan's sugar exports doubled in 2024", first: 3) { level externalFactCheck { publisherName ratingLabel } } }`);
    expect(matches.similarClaims[0]).toEqual({ level: "LIKELY_DUPLICATE", externalFactCheck: { publisherName: "Other Checker", ratingLabel: "False" } });
  });

  it("viewers cannot import", async () => {
    const viewer = await t.as("viewer");
    // Refused before the input is read: desk writes need staff with write rights.
    const result = await viewer.request(importMutation, { text: JSON.stringify(review(50)) });
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(result.data?.importClaimReviews ?? null).toBeNull();
  });
});
