import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type TestApi, globalId, startTestApi } from "../support/api.ts";

/** The rules a ClaimReview must satisfy, checked field by field. */
function validateClaimReview(review: any): string[] {
  const problems: string[] = [];
  const isoDate = /^\d{4}-\d{2}-\d{2}/;
  const need = (ok: unknown, message: string) => {
    if (!ok) problems.push(message);
  };
  need(review["@context"] === "https://schema.org", "@context is https://schema.org");
  need(review["@type"] === "ClaimReview", "@type is ClaimReview");
  need(typeof review.claimReviewed === "string" && review.claimReviewed.length > 0, "claimReviewed is a non-empty string");
  need(/^https?:\/\//.test(review.url ?? ""), "url is an absolute URL");
  need(isoDate.test(review.datePublished ?? ""), "datePublished is an ISO date");
  need(review.author?.["@type"] === "Organization" && review.author.name, "author is the newsroom Organization with a name");
  const rating = review.reviewRating ?? {};
  need(rating["@type"] === "Rating", "reviewRating is a Rating");
  need(typeof rating.alternateName === "string" && rating.alternateName.length > 0, "reviewRating.alternateName is always set");
  need(
    Number.isFinite(rating.ratingValue) && Number.isFinite(rating.bestRating) && Number.isFinite(rating.worstRating),
    "ratingValue, bestRating, worstRating are numbers",
  );
  need(rating.worstRating <= rating.ratingValue && rating.ratingValue <= rating.bestRating, "worstRating <= ratingValue <= bestRating");
  const item = review.itemReviewed ?? {};
  need(item["@type"] === "Claim", "itemReviewed is a Claim");
  need(
    !item.author || (["Person", "Organization"].includes(item.author["@type"]) && item.author.name),
    "itemReviewed.author is a named Person or Organization",
  );
  need(
    !item.author?.sameAs || (Array.isArray(item.author.sameAs) && item.author.sameAs.every((u: string) => /^https?:\/\//.test(u))),
    "sameAs holds URLs",
  );
  need(!item.datePublished || isoDate.test(item.datePublished), "itemReviewed.datePublished is an ISO date");
  need(Array.isArray(item.appearance) && item.appearance.length > 0, "itemReviewed.appearance lists where the claim appeared");
  need(
    item.firstAppearance && item.appearance?.some((a: unknown) => JSON.stringify(a) === JSON.stringify(item.firstAppearance)),
    "firstAppearance is one of the appearances",
  );
  return problems;
}

describe.each(databaseKinds())("ClaimReview JSON-LD on %s", (kind) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi(kind, { CLAIMDESK_NEWSROOM_NAME: "Example Fact Desk", CLAIMDESK_PUBLIC_URL: "https://factdesk.example.org" });
    await t.db.prisma.person.update({
      where: { id: "seed-person-khalil-hashmi" },
      data: { sameAs: ["https://www.example.org/people/khalil-hashmi"] },
    });
    // Published means frozen: the sample is re-frozen as if it had been published with this speaker.
    await t.db.prisma
      .$executeRaw`UPDATE "FactCheck" SET "snapshot" = published_snapshot("claimId") WHERE id = 'seed-factcheck-china-growth'`;
  });
  afterAll(async () => t?.stop());

  it("the published sample fact-check passes every field rule, in GraphQL and over HTTP", async () => {
    const data = await t.client().ok(`query($id: ID!) { node(id: $id) { ... on FactCheck { claimReview } } }`, {
      id: globalId("FactCheck", "seed-factcheck-china-growth"),
    });
    const review = data.node.claimReview;
    expect(validateClaimReview(review)).toEqual([]);
    expect(review).toMatchObject({
      claimReviewed: "China has sustained economic growth of about 5% a year.",
      datePublished: "2025-03-14",
      author: { "@type": "Organization", name: "Example Fact Desk", url: "https://factdesk.example.org" },
      reviewRating: { alternateName: "Mostly true", ratingValue: 5, bestRating: 6, worstRating: 1 },
      itemReviewed: {
        author: {
          "@type": "Person",
          name: "Khalil Hashmi",
          jobTitle: "Ambassador of Pakistan to China",
          sameAs: ["https://www.example.org/people/khalil-hashmi"],
        },
        datePublished: "2025-03-11",
      },
    });
    expect(review.dateModified).toBeUndefined();

    const res = await fetch(`${t.url}/claim-reviews/seed-factcheck-china-growth.jsonld`);
    expect(res.headers.get("content-type")).toMatch(/application\/ld\+json/);
    expect(await res.json()).toEqual(review);
    expect((await fetch(`${t.url}/claim-reviews/seed-claim-astronauts.jsonld`)).status).toBe(404);
  });

  it("the feed lists published reviews newest first, and a correction sets dateModified", async () => {
    const editor = await t.as("editor");
    await editor.ok(`mutation($input: AddCorrectionInput!) { addCorrection(input: $input) { __typename } }`, {
      input: {
        factCheckId: globalId("FactCheck", "seed-factcheck-china-growth"),
        whatChanged: "Added the 2022 figure",
        reason: "Reader request",
      },
    });
    const feed = await (await fetch(`${t.url}/claim-reviews.jsonld`)).json();
    expect(feed).toMatchObject({ "@type": "DataFeed" });
    expect(feed.dataFeedElement).toHaveLength(1);
    expect(feed.dataFeedElement[0].item.claimReviewed).toBe("China has sustained economic growth of about 5% a year.");
    expect(Date.parse(feed.dataFeedElement[0].dateModified)).toBeGreaterThan(Date.parse("2025-03-14"));
    const single = await (await fetch(`${t.url}/claim-reviews/seed-factcheck-china-growth.jsonld`)).json();
    expect(single.dateModified).toBeDefined();
    expect(validateClaimReview(single)).toEqual([]);
  });

  it("the validator catches what is wrong", () => {
    expect(validateClaimReview({ "@type": "ClaimReview", reviewRating: { ratingValue: 9, bestRating: 6, worstRating: 1 } })).toEqual(
      expect.arrayContaining([
        "reviewRating.alternateName is always set",
        "worstRating <= ratingValue <= bestRating",
        "claimReviewed is a non-empty string",
      ]),
    );
  });
});
