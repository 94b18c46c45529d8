/**
 * Bounded work per request: parallel sign-ins cannot race past the limits,
 * `nodes(ids:)` is capped and costed, and a cost that cannot be computed
 * refuses the query instead of running it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type TestApi, globalId, startTestApi } from "../support/api.ts";

const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename } }`;

async function post(url: string, body: object): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

describe.each(databaseKinds())("bounded work on %s", (kind) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi(kind);
  });
  afterAll(async () => t?.stop());

  it("100 parallel wrong passwords for one account: at most the limit (10) are checked", async () => {
    await t.db.prisma.loginAttempt.deleteMany();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => post(t.url, { query: login, variables: { e: "editor@claimdesk.local", p: "wrong" } })),
    );
    const kinds = answers.map((a) => a.json.data?.login?.__typename ?? `HTTP ${a.status} ${JSON.stringify(a.json.errors)}`);
    const checked = kinds.filter((k) => k === "AuthenticationError").length;
    const refused = kinds.filter((k) => k === "RateLimitedError").length;
    console.log(`sign-in race (${kind}): ${checked} of 100 parallel attempts checked, ${refused} refused (limit 10)`);
    expect(
      checked + refused,
      JSON.stringify(kinds.filter((k) => k !== "AuthenticationError" && k !== "RateLimitedError").slice(0, 3)),
    ).toBe(100);
    expect(checked).toBeLessThanOrEqual(10);
    expect(checked).toBeGreaterThan(0);
    // The account is blocked for the right password now, too.
    expect(
      (await post(t.url, { query: login, variables: { e: "editor@claimdesk.local", p: "claimdesk-editor" } })).json.data.login.__typename,
    ).toBe("RateLimitedError");
  });

  it("a successful sign-in does not count against its address", async () => {
    await t.db.prisma.loginAttempt.deleteMany();
    for (let i = 0; i < 3; i++)
      expect(
        (await post(t.url, { query: login, variables: { e: "checker@claimdesk.local", p: "claimdesk-checker" } })).json.data.login
          .__typename,
      ).toBe("MutationLoginSuccess");
    expect(await t.db.prisma.loginAttempt.count()).toBe(0);
    await post(t.url, { query: login, variables: { e: "checker@claimdesk.local", p: "wrong" } });
    expect(await t.db.prisma.loginAttempt.count()).toBe(2); // the account's and the address's
  });

  it("nodes(ids:) takes at most 100 ids, and each id counts in the cost", async () => {
    const id = globalId("FactCheck", "seed-factcheck-china-growth");
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
    const ok = await post(t.url, { query, variables: { ids: Array(100).fill(id) } });
    expect(ok.status).toBe(200);
    expect(ok.json.data.nodes).toHaveLength(100);
    const started = performance.now();
    const tooMany = await post(t.url, { query, variables: { ids: Array(3000).fill(id) } });
    const ms = performance.now() - started;
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(tooMany.json.errors[0].message).toContain("at most 100");
    expect(tooMany.json.data).toBeUndefined();
    // 100 ids of a costly selection go over the cost limit: each id is one node's cost.
    const costly = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { claims(first: 100) { edges { node { id } } } } } }`;
    const single = await post(t.url, { query: costly, variables: { ids: [globalId("Article", "seed-article-cpec-two-sessions")] } });
    expect(single.status, JSON.stringify(single.json.errors)).toBe(200);
    const hundred = await post(t.url, {
      query: costly,
      variables: { ids: Array(100).fill(globalId("Article", "seed-article-cpec-two-sessions")) },
    });
    expect(hundred.status).toBe(400);
    expect(hundred.json.errors[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
    console.log(
      `nodes (${kind}): 100 ids answered; 3,000 ids refused with 400 in ${ms.toFixed(0)} ms; 100 ids of a costly selection refused by cost (${hundred.json.errors[0].message.match(/costs (\d+)/)?.[1]})`,
    );
  });

  it("a cost that cannot be computed fails closed with 400", async () => {
    const res = await post(t.url, {
      query: `{ factChecks(ratingId: "not-a-global-id", first: 100) { totalCount edges { node { headline } } } }`,
    });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(res.json.data).toBeUndefined();
    console.log(
      `cost limit (${kind}): a cost that cannot be computed answered HTTP ${res.status} ${res.json.errors[0].extensions.code}, nothing executed`,
    );
  });
});
