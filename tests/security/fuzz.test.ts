/**
 * Property-based fuzzing of the running API (fast-check, fixed seed): random
 * bodies, random documents and random inputs to every mutation. Nothing may
 * answer 5xx, crash the server, or leak internals (SQL, Prisma, stacks, paths).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, globalId, startTestApi } from "../support/api.ts";

const leak =
  /prisma|PrismaClient|node_modules|\.ts:\d+|\bat [\w.<>]+ \(|SELECT\s|INSERT\s|UPDATE\s+"|\bP20\d\d\b|violates|constraint|pg_|stack/i;

describe("fuzzing the API (embedded database)", () => {
  let t: TestApi;
  let cookie: string;
  const figures = { cases: 0, serverErrors: 0, leaks: 0, examples: [] as string[] };
  beforeAll(async () => {
    t = await startTestApi("pglite");
    cookie = (await t.as("editor")).cookie!;
  });
  afterAll(async () => t?.stop());

  async function send(body: string, contentType = "application/json"): Promise<void> {
    figures.cases++;
    const res = await fetch(`${t.url}/graphql`, { method: "POST", headers: { "content-type": contentType, cookie }, body });
    const text = await res.text();
    if (res.status >= 500) {
      figures.serverErrors++;
      figures.examples.push(`${res.status} for ${body.slice(0, 200)}: ${text.slice(0, 200)}`);
    }
    if (leak.test(text)) {
      figures.leaks++;
      figures.examples.push(`leak for ${body.slice(0, 200)}: ${text.slice(0, 300)}`);
    }
  }

  const fields = [
    "articles",
    "claims",
    "sources",
    "people",
    "search",
    "node",
    "nodes",
    "factChecks",
    "me",
    "users",
    "claimQueue",
    "claimCounts",
    "similarClaims",
    "ratingScales",
    "__schema",
    "__type",
    "nope",
  ];
  const subfields = [
    "id",
    "title",
    "body",
    "edges",
    "node",
    "totalCount",
    "pageInfo",
    "claims",
    "evidence",
    "history",
    "__typename",
    "rating",
    "label",
    "x",
  ];
  const argValue = fc.oneof(
    fc.integer({ min: -5, max: 500 }).map(String),
    fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
    fc.constantFrom("null", "true", "[]", "{}", "UNREVIEWED", "$v"),
  );
  const selection: fc.Arbitrary<string> = fc.letrec((tie) => ({
    sel: fc
      .array(
        fc
          .tuple(fc.constantFrom(...subfields), fc.option(tie("sel") as fc.Arbitrary<string>, { nil: undefined, depthSize: "small" }))
          .map(([f, s]) => (s ? `${f} { ${s} }` : f)),
        { minLength: 1, maxLength: 4 },
      )
      .map((parts) => parts.join(" ")),
  })).sel as fc.Arbitrary<string>;
  const document = fc
    .tuple(
      fc.constantFrom("query", "mutation", "", "subscription", "fragment"),
      fc.constantFrom(...fields),
      fc.array(fc.tuple(fc.constantFrom("first", "after", "id", "query", "filter", "text", "ids", "input", "last"), argValue), {
        maxLength: 3,
      }),
      selection,
    )
    .map(
      ([op, field, args, sel]) => `${op} { ${field}${args.length ? `(${args.map(([k, v]) => `${k}: ${v}`).join(", ")})` : ""} { ${sel} } }`,
    );

  const anyJson = fc.jsonValue({ maxDepth: 4 });

  it("its leak detector recognises internals", () => {
    for (const sample of [
      "Invalid `prisma.claim.findUnique()` invocation",
      'duplicate key value violates unique constraint "Article_canonicalUrl_key"',
      "at resolve (/app/packages/schema/src/types/claim.ts:12:3)",
      'SELECT "public"."Claim"."id" FROM',
      "P2002",
    ]) {
      expect(leak.test(sample), sample).toBe(true);
    }
    expect(leak.test('{"errors":[{"message":"Internal server error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}')).toBe(false);
  });

  it("survives random bodies, documents and mutation inputs", async () => {
    // 1. Raw bodies, JSON or not.
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          anyJson.map((v) => JSON.stringify(v)),
          fc.record({ query: fc.string(), variables: anyJson }).map((v) => JSON.stringify(v)),
        ),
        async (body) => {
          await send(body);
        },
      ),
      { seed: 20261128, numRuns: 1000 },
    );
    // 2. Random documents from the schema's own names, with random variables.
    await fc.assert(
      fc.asyncProperty(document, anyJson, async (query, v) => {
        await send(JSON.stringify({ query, variables: { v } }));
      }),
      { seed: 20261129, numRuns: 1500 },
    );
    // 3. Random inputs to the mutations.
    const ids = fc.constantFrom(
      globalId("Article", "seed-article-cpec-two-sessions"),
      globalId("Claim", "seed-claim-45-mous"),
      globalId("Source", "seed-source-wipo-stats"),
      globalId("FactCheck", "seed-factcheck-china-growth"),
      globalId("User", "seed-user-checker"),
      "not-an-id",
      "",
    );
    const text = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constant("https://example.org/x"),
      fc.string({ unit: "grapheme", maxLength: 30 }),
    );
    const mutations: fc.Arbitrary<{ query: string; variables: object }>[] = [
      fc
        .record({
          title: text,
          body: text,
          canonicalUrl: fc.option(text),
          tags: fc.array(text, { maxLength: 3 }),
          publishedAt: fc.option(
            fc.oneof(
              text,
              fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            ),
          ),
        })
        .map((input) => ({
          query: `mutation($input: CreateArticleInput!) { createArticle(input: $input) { __typename } }`,
          variables: { input },
        })),
      fc
        .record({
          articleId: fc.option(ids),
          spanStart: fc.option(fc.integer({ min: -10, max: 3000 })),
          spanEnd: fc.option(fc.integer({ min: -10, max: 3000 })),
          quote: text,
          checkworthiness: fc.option(fc.double()),
        })
        .map((input) => ({
          query: `mutation($input: CreateClaimInput!) { createClaim(input: $input) { __typename } }`,
          variables: { input },
        })),
      fc
        .record({
          id: ids,
          version: fc.integer({ min: -3, max: 5 }),
          claimReviewed: fc.option(text),
          explanation: fc.option(text),
          ratingId: fc.option(ids),
        })
        .map((input) => ({
          query: `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { __typename } }`,
          variables: { input },
        })),
      fc
        .record({ id: ids, to: fc.constantFrom("UNREVIEWED", "SELECTED", "RESEARCHING", "IN_REVIEW", "PUBLISHED", "DISMISSED", "BOGUS") })
        .map((v) => ({
          query: `mutation($id: ID!, $to: ClaimStatus!) { moveClaim(id: $id, to: $to) { __typename } }`,
          variables: v,
        })),
      fc
        .record({
          claimId: ids,
          stance: fc.constantFrom("SUPPORTS", "REFUTES", "CONTEXT", "X"),
          sourceId: fc.option(ids),
          source: fc.option(fc.record({ title: text, url: fc.option(text) })),
        })
        .map((input) => ({
          query: `mutation($input: AttachSourceInput!) { attachSource(input: $input) { __typename } }`,
          variables: { input },
        })),
      fc
        .record({
          text: fc.oneof(
            text,
            anyJson.map((v) => JSON.stringify(v)),
          ),
        })
        .map((v) => ({ query: `mutation($text: String!) { importClaimReviews(text: $text) { __typename } }`, variables: v })),
      fc.record({ claimId: ids, body: text, parentId: fc.option(ids) }).map((v) => ({
        query: `mutation($claimId: ID!, $body: String!, $parentId: ID) { addComment(claimId: $claimId, body: $body, parentId: $parentId) { __typename } }`,
        variables: v,
      })),
      fc
        .record({ input: fc.record({ factCheckId: ids, whatChanged: text, reason: text, ratingId: fc.option(ids) }) })
        .map((v) => ({ query: `mutation($input: AddCorrectionInput!) { addCorrection(input: $input) { __typename } }`, variables: v })),
      fc
        .record({ input: fc.record({ email: text, name: text, role: fc.constantFrom("ADMIN", "VIEWER", "NOPE"), password: text }) })
        .map((v) => ({ query: `mutation($input: CreateUserInput!) { createUser(input: $input) { __typename } }`, variables: v })),
      fc.record({ email: text, password: text }).map((v) => ({
        query: `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }`,
        variables: v,
      })),
    ];
    await fc.assert(
      fc.asyncProperty(fc.oneof(...mutations), async (request) => {
        await send(JSON.stringify(request));
      }),
      { seed: 20261130, numRuns: 1500 },
    );

    const health = await fetch(`${t.url}/healthz`);
    const crashes = health.status === 200 ? 0 : 1;
    console.log(
      `fuzz: ${figures.cases} cases, ${figures.serverErrors} 5xx responses, ${crashes} crashes, ${figures.leaks} leaked internals`,
    );
    expect(figures.examples.slice(0, 5)).toEqual([]);
    expect(crashes).toBe(0);
  }, 300_000);
});
