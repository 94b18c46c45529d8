import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, globalId, startTestApi } from "../support/api.ts";

describe.each(databaseKinds())("typed errors on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  const articleId = globalId("Article", "seed-article-cpec-two-sessions");
  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
  });
  afterAll(async () => t?.stop());

  const auditCount = () => t.db.prisma.auditEvent.count();

  it("a span that does not match the article text is a ValidationError on the quote, and nothing is written", async () => {
    const before = { claims: await t.db.prisma.claim.count(), audit: await auditCount() };
    const result = await editor.ok(
      `mutation($input: CreateClaimInput!) { createClaim(input: $input) { __typename ... on ValidationError { code fieldErrors { path message } } } }`,
      { input: { articleId, spanStart: 0, spanEnd: 10, quote: "not there" } },
    );
    expect(result.createClaim.__typename).toBe("ValidationError");
    expect(result.createClaim.code).toBe("BAD_USER_INPUT");
    expect(result.createClaim.fieldErrors[0].path).toEqual(["input", "quote"]);
    expect(result.createClaim.fieldErrors[0].message).toMatch(/does not match the article text/);
    expect({ claims: await t.db.prisma.claim.count(), audit: await auditCount() }).toEqual(before);
  });

  it("bad article input names each field", async () => {
    const result = await editor.ok(
      `mutation($input: CreateArticleInput!) { createArticle(input: $input) { __typename ... on ValidationError { fieldErrors { path message } } } }`,
      { input: { title: "  ", body: "text", canonicalUrl: "ftp://x", language: "English!" } },
    );
    const paths = result.createArticle.fieldErrors.map((e: { path: string[] }) => e.path.join("."));
    expect(paths.sort()).toEqual(["input.canonicalUrl", "input.language", "input.title"]);
  });

  it("a duplicate canonical URL returns the existing article", async () => {
    const input = { title: "First", body: "Body text.", canonicalUrl: "https://example.org/dup" };
    const query = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { __typename
      ... on MutationCreateArticleSuccess { data { id } } ... on DuplicateArticleError { existing { id title } } } }`;
    const first = await editor.ok(query, { input });
    const second = await editor.ok(query, { input: { ...input, title: "Second" } });
    expect(second.createArticle.__typename).toBe("DuplicateArticleError");
    expect(second.createArticle.existing).toEqual({ id: first.createArticle.data.id, title: "First" });
  });

  it("a stale version is a ConflictError carrying the current claim", async () => {
    const id = globalId("Claim", "seed-claim-patent-filings");
    const update = `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { __typename
      ... on MutationUpdateClaimSuccess { data { version } } ... on ConflictError { code current { version claimReviewed } } } }`;
    const first = await editor.ok(update, { input: { id, version: 1, claimReviewed: "China files the most patents in the world." } });
    expect(first.updateClaim).toEqual({ __typename: "MutationUpdateClaimSuccess", data: { version: 2 } });
    const stale = await editor.ok(update, { input: { id, version: 1, claimReviewed: "overwrite?" } });
    expect(stale.updateClaim).toEqual({
      __typename: "ConflictError",
      code: "CONFLICT",
      current: { version: 2, claimReviewed: "China files the most patents in the world." },
    });
  });

  it("publishing without verdict, explanation and sources lists what is missing", async () => {
    const id = globalId("Claim", "seed-claim-eight-sectors");
    for (const to of ["SELECTED", "RESEARCHING", "IN_REVIEW"]) {
      await editor.ok(`mutation($id: ID!, $to: ClaimStatus!) { moveClaim(id: $id, to: $to) { __typename } }`, { id, to });
    }
    const version = (await t.db.prisma.claim.findUniqueOrThrow({ where: { id: "seed-claim-eight-sectors" } })).version;
    const result = await editor.ok(
      `mutation($input: PublishFactCheckInput!) { publishFactCheck(input: $input) { __typename ... on WorkflowError { missing message } } }`,
      { input: { claimId: id, version, headline: "h" } },
    );
    expect(result.publishFactCheck).toMatchObject({ __typename: "WorkflowError", missing: ["VERDICT", "EXPLANATION", "SOURCE"] });
    expect(await t.db.prisma.factCheck.count({ where: { claimId: "seed-claim-eight-sectors" } })).toBe(0);
  });

  it("a move the workflow does not have is a WorkflowError", async () => {
    const result = await editor.ok(`mutation($id: ID!) { moveClaim(id: $id, to: IN_REVIEW) { __typename ... on Error { message } } }`, {
      id: globalId("Claim", "seed-claim-astronauts"),
    });
    expect(result.moveClaim).toEqual({ __typename: "WorkflowError", message: "A claim cannot move from UNREVIEWED to IN_REVIEW" });
  });

  it("an ID of the wrong type is a BAD_USER_INPUT error, not an internal one", async () => {
    const result = await editor.request(`mutation($id: ID!) { moveClaim(id: $id, to: SELECTED) { __typename } }`, {
      id: globalId("Article", "x"),
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("argument validation on queries answers BAD_USER_INPUT with the field", async () => {
    const result = await editor.request(`{ search(query: "China", first: 1000) { rank } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ path: ["first"], message: "must be 100 or less" }],
    });
    const empty = await editor.request(`{ search(query: "   ") { rank } }`);
    expect(empty.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("wrong password and unknown user answer alike", async () => {
    const login = (email: string) =>
      t.client().ok(`mutation($e: String!) { login(email: $e, password: "nope-nope-nope") { __typename ... on Error { message code } } }`, {
        e: email,
      });
    const unknown = await login("nobody@example.org");
    const wrong = await login("editor@claimdesk.local");
    expect(unknown).toEqual(wrong);
    expect(wrong.login).toEqual({ __typename: "AuthenticationError", message: "Wrong e-mail or password", code: "UNAUTHENTICATED" });
  });
});
