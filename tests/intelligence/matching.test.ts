import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, globalId, startTestApi } from "../support/api.ts";

describe.each(databaseKinds())("claim intelligence over the API on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
  });
  afterAll(async () => t?.stop());

  it("suggests the sample article's check-worthy sentences with exact spans and reasons", async () => {
    const data = await editor.ok(`query($id: ID!) { node(id: $id) { ... on Article { body suggestions(first: 3) { text spanStart spanEnd score reasons alreadyMarked } } } }`, {
      id: globalId("Article", "seed-article-cpec-two-sessions"),
    });
    const { body, suggestions } = data.node;
    expect(suggestions[0].text).toContain("45 new MOUs worth over $600 million");
    expect(suggestions[0].reasons).toContain("states an amount of money");
    expect(suggestions[0].alreadyMarked).toBe(true);
    for (const s of suggestions) expect(Array.from(body as string).slice(s.spanStart, s.spanEnd).join("")).toBe(s.text);
  });

  it("matches a near-duplicate an editor types to the existing claim and its published fact-check", async () => {
    const data = await editor.ok(`query($text: String!) { similarClaims(text: $text) { score level claim { id claimReviewed } publishedFactCheck { headline } } }`, {
      text: "China has sustained economic growth of 5 percent a year",
    });
    expect(data.similarClaims[0]).toMatchObject({ level: "LIKELY_DUPLICATE", claim: { id: globalId("Claim", "seed-claim-china-growth") } });
    expect(data.similarClaims[0].score).toBeGreaterThanOrEqual(0.6);
    expect(data.similarClaims[0].publishedFactCheck.headline).toMatch(/5% growth/);
    const unrelated = await editor.ok(`query { similarClaims(text: "The river discharge reached 550,000 cusecs at Guddu") { score } }`);
    expect(unrelated.similarClaims).toEqual([]);
  });

  it("confirms a duplicate, reusing the canonical verdict, and audits the decision", async () => {
    const created = await editor.ok(`mutation { createClaim(input: { quote: "China's economy keeps growing at 5% every year" }) { ... on MutationCreateClaimSuccess { data { id matches { level claim { id } } } } } }`);
    const claim = created.createClaim.data;
    expect(claim.matches[0].claim.id).toBe(globalId("Claim", "seed-claim-china-growth"));
    const confirmed = await editor.ok(
      `mutation($id: ID!, $c: ID!) { confirmDuplicate(claimId: $id, canonicalId: $c, reuseVerdict: true) { __typename ... on MutationConfirmDuplicateSuccess { data { duplicateOf { id } rating { label } } } } }`,
      { id: claim.id, c: globalId("Claim", "seed-claim-china-growth") },
    );
    expect(confirmed.confirmDuplicate.data).toEqual({ duplicateOf: { id: globalId("Claim", "seed-claim-china-growth") }, rating: { label: "Mostly true" } });
    const rawId = Buffer.from(claim.id, "base64").toString().split(":")[1];
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: rawId, action: "claim.duplicate.confirm" } });
    expect(audit.after).toMatchObject({ reusedVerdict: true });
  });

  it("alerts when a published fact-check's claim reappears in a newly imported article", async () => {
    const body = "Officials repeated on Monday that China has sustained economic growth of about 5% a year. Markets were calm.";
    const created = await editor.ok(`mutation($input: CreateArticleInput!) { createArticle(input: $input) { ... on MutationCreateArticleSuccess { data { id recurringClaims { sentence score factCheck { id headline } } } } } }`, {
      input: { title: "Growth claims repeated", body },
    });
    const alerts = created.createArticle.data.recurringClaims;
    expect(alerts).toHaveLength(1);
    expect(alerts[0].factCheck.headline).toMatch(/5% growth/);

    // Only published fact-checks alert: once it is taken down, the sentence is quiet.
    await editor.ok(`mutation($id: ID!) { unpublishFactCheck(id: $id, reason: "Under re-review") { __typename } }`, { id: alerts[0].factCheck.id });
    const after = await editor.ok(`query($id: ID!) { node(id: $id) { ... on Article { recurringClaims { sentence } } } }`, { id: created.createArticle.data.id });
    expect(after.node.recurringClaims).toEqual([]);
  });
});
