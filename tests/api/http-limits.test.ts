import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type TestApi, startTestApi } from "../support/api.ts";

describe.each(databaseKinds().slice(0, 1))("HTTP hardening (%s)", (kind) => {
  let t: TestApi;
  let production: TestApi;
  beforeAll(async () => {
    t = await startTestApi(kind);
    production = await startTestApi(kind, { NODE_ENV: "production" });
  });
  afterAll(async () => {
    await t?.stop();
    await production?.stop();
  });

  const post = (url: string, body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
    fetch(`${url}/graphql`, { method: "POST", headers, body });

  it("over-deep queries, alias floods and oversized bodies are 4xx with a clear error", async () => {
    const deep = `{ factChecks { edges { node { rating { scale { ratings { scale { ratings { scale { ratings { scale { ratings { label } } } } } } } } } } } } }`;
    const res = await post(t.url, JSON.stringify({ query: deep }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/levels deep; the limit is 12/);

    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    const res2 = await post(t.url, JSON.stringify({ query: aliases }));
    expect(res2.status).toBe(400);
    expect(JSON.stringify(await res2.json())).toMatch(/more than 30 aliases/);

    const tokens = `{ ${Array.from({ length: 4000 }, () => "__typename").join(" ")} }`;
    const res3 = await post(t.url, JSON.stringify({ query: tokens }));
    expect(res3.status).toBe(400);

    // Nested page sizes multiply: 100 articles × 100 claims × 100 sources.
    const costly = `{ articles(first: 100) { edges { node { claims(first: 100) { edges { node { claim { evidence(first: 100) { edges { node { stance } } } } } } } } } } }`;
    t.statements.length = 0;
    const res4 = await post(t.url, JSON.stringify({ query: costly }));
    expect(res4.status).toBe(400);
    const body4 = await res4.json();
    expect(body4.errors[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
    expect(body4.errors[0].message).toMatch(/the limit is 20000/);
    expect(t.statements.filter((s) => !/"Session"|"ApiToken"/.test(s))).toEqual([]); // no resolver ran
    const cheap = await post(t.url, JSON.stringify({ query: "{ factChecks(first: 5) { totalCount } }" }));
    expect(cheap.status).toBe(200);

    const big = await post(t.url, JSON.stringify({ query: "{ __typename }", variables: { x: "y".repeat(2_000_000) } }));
    expect(big.status).toBe(413);
    console.log(
      `limits: depth 13 → ${res.status}, 40 aliases → ${res2.status}, 4000 tokens → ${res3.status}, cost 100×100×100 → ${res4.status} with 0 resolver statements, 2 MB body → ${big.status}`,
    );
  });

  it("a cross-site form post is refused (CSRF) and batching is off", async () => {
    const form = await post(t.url, "query={__typename}", { "content-type": "text/plain" });
    expect(form.status).toBe(400);
    const batch = await post(t.url, JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]));
    expect(batch.status).toBe(400);
    console.log(`CSRF (API): text/plain form post → ${form.status}; batched request → ${batch.status}`);
  });

  it("in production, introspection and field suggestions are off and internals are masked", async () => {
    const introspection = await post(production.url, JSON.stringify({ query: "{ __schema { types { name } } }" }));
    expect(introspection.status).toBe(400);
    const typo = await (await post(production.url, JSON.stringify({ query: "{ factCheck { id } }" }))).json();
    expect(JSON.stringify(typo)).not.toMatch(/Did you mean/);
    const dev = await (await post(t.url, JSON.stringify({ query: "{ factCheck { id } }" }))).json();
    expect(JSON.stringify(dev)).toMatch(/Did you mean/);
  });

  it("/healthz checks the database and unknown paths are 404", async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: "ok", database: kind });
    expect((await fetch(`${t.url}/nope`)).status).toBe(404);
  });
});
