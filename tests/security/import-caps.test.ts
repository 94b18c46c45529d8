/**
 * A ClaimReview import is bounded per request (records and bytes, each a
 * BAD_USER_INPUT naming its limit) and writes in short transactions, so that
 * an import of the most a request may carry does not stall other clients'
 * reads, on the embedded database above all. The worst read latency during
 * the import is printed; the bound asserted is generous (timings belong to
 * the report, not to a unit test).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, startTestApi } from "../support/api.ts";

const maxRecords = Number(process.env.IMPORT_CAP_RECORDS ?? 200);

const importMutation = `mutation($text: String!) { importClaimReviews(text: $text) {
  __typename
  ... on MutationImportClaimReviewsSuccess { data { alreadyKnown imported { url } refused { position reasons } } }
  ... on Error { code message }
} }`;

const review = (n: number) => ({
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  url: `https://other-checker.example.net/checks/import-cap-${n}`,
  claimReviewed: `Pakistan's wheat harvest reached ${n} million tonnes this season`,
  author: { "@type": "Organization", name: "Other Checker" },
  datePublished: "2025-02-01",
  reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Misleading" },
  itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "A minister" } },
});

const reads = `{ factChecks(first: 5) { totalCount edges { node { id headline } } } }`;

describe.each(databaseKinds())("ClaimReview import caps on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  beforeAll(async () => {
    // A body limit above the import's own, as an operator may set: the import's limit must hold by itself.
    t = await startTestApi(kind, { CLAIMDESK_BODY_LIMIT_BYTES: "3000000" });
    editor = await t.as("editor");
  });
  afterAll(async () => t?.stop());

  it(`refuses more than ${maxRecords} records in one request, naming the limit, and saves none`, async () => {
    const text = JSON.stringify(Array.from({ length: maxRecords + 1 }, (_, i) => review(100_000 + i)));
    const answer = await editor.request(importMutation, { text });
    expect(answer.status).toBe(200);
    expect(answer.data.importClaimReviews).toMatchObject({ __typename: "ValidationError", code: "BAD_USER_INPUT" });
    expect(answer.data.importClaimReviews.message).toContain(`at most ${maxRecords} ClaimReview records`);
    expect(await t.db.prisma.externalFactCheck.count({ where: { url: { contains: "import-cap-1000" } } })).toBe(0);
  });

  it("refuses a text of more than 1 MB, naming the limit", async () => {
    const text = JSON.stringify([{ ...review(1), reviewBody: "ß".repeat(520_000) }]);
    const answer = await editor.request(importMutation, { text });
    expect(answer.data.importClaimReviews).toMatchObject({ __typename: "ValidationError", code: "BAD_USER_INPUT" });
    expect(answer.data.importClaimReviews.message).toMatch(/^text: is \d+ bytes; at most 1000000 bytes/);
  });

  it(`imports ${maxRecords} records while another client's reads keep being answered`, async () => {
    const text = JSON.stringify(Array.from({ length: maxRecords }, (_, i) => review(i)));
    const reader = t.client();
    await reader.ok(reads);
    let importing = true;
    const latencies: number[] = [];
    const readLoop = (async () => {
      while (importing) {
        const started = performance.now();
        await reader.ok(reads);
        latencies.push(performance.now() - started);
      }
    })();
    const started = performance.now();
    const answer = await editor.request(importMutation, { text });
    const importMs = performance.now() - started;
    importing = false;
    await readLoop;
    expect(answer.data.importClaimReviews.__typename).toBe("MutationImportClaimReviewsSuccess");
    expect(answer.data.importClaimReviews.data.imported).toHaveLength(maxRecords);
    const worst = Math.max(...latencies);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `import caps (${kind}): ${maxRecords} records imported in ${Math.round(importMs)} ms; ${latencies.length} reads meanwhile, median ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} ms, worst ${Math.round(worst)} ms`,
    );
    expect(latencies.length).toBeGreaterThan(1);
    // Generous: a stall of several seconds is what this guards against.
    expect(worst).toBeLessThan(Math.max(3000, importMs / 2));
  });
});
