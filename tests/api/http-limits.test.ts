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

    const big = await post(t.url, JSON.stringify({ query: "{ __typename }", variables: { x: "y".repeat(2_000_000) } }));
    expect(big.status).toBe(413);
  });

  it("a cross-site form post is refused (CSRF) and batching is off", async () => {
    const form = await post(t.url, "query={__typename}", { "content-type": "text/plain" });
    expect(form.status).toBe(400);
    const batch = await post(t.url, JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]));
    expect(batch.status).toBe(400);
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
