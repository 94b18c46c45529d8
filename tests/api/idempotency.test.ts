import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, startTestApi } from "../support/api.ts";

const create = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { __typename ... on MutationCreateArticleSuccess { data { id } } } }`;

describe.each(databaseKinds())("Idempotency-Key on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
  });
  afterAll(async () => t?.stop());

  const post = (key: string, input: object) =>
    fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: editor.cookie!, "idempotency-key": key },
      body: JSON.stringify({ query: create, variables: { input } }),
    });

  it("a retried create answers the same and creates once", async () => {
    const before = await t.db.prisma.article.count();
    const input = { title: "Retried", body: "Text." };
    const first = await post("key-1", input);
    const firstBody = await first.json();
    expect(firstBody.data.createArticle.__typename).toBe("MutationCreateArticleSuccess");
    const retry = await post("key-1", input);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(firstBody);
    expect(await t.db.prisma.article.count()).toBe(before + 1);
  });

  it("the same key with another request is refused", async () => {
    await post("key-2", { title: "A", body: "Text." });
    const other = await post("key-2", { title: "B", body: "Other text." });
    expect(other.status).toBe(422);
    expect((await other.json()).errors[0].extensions.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("concurrent duplicates write once", async () => {
    const before = await t.db.prisma.article.count();
    const responses = await Promise.all(Array.from({ length: 5 }, () => post("key-3", { title: "Concurrent", body: "Text." })));
    const codes = await Promise.all(responses.map(async (r) => ({ status: r.status, body: await r.json() })));
    expect(codes.filter((c) => c.body.data?.createArticle?.__typename === "MutationCreateArticleSuccess").length).toBeGreaterThanOrEqual(1);
    for (const c of codes) {
      const ok =
        c.body.data?.createArticle?.__typename === "MutationCreateArticleSuccess" ||
        ["IDEMPOTENCY_IN_PROGRESS"].includes(c.body.errors?.[0]?.extensions?.code);
      expect(ok, JSON.stringify(c)).toBe(true);
    }
    expect(await t.db.prisma.article.count()).toBe(before + 1);
    console.log(
      `idempotency (${kind}): 5 concurrent requests with one key: ${codes.filter((c) => c.status === 200).length} answered 200, ${codes.filter((c) => c.status === 409).length} told 409 in progress; 1 row written`,
    );
  });

  it("a request that wrote nothing keeps nothing: fixing and retrying works", async () => {
    const bad = await post("key-4", { title: "", body: "Text." });
    expect((await bad.json()).data.createArticle.__typename).not.toBe("MutationCreateArticleSuccess");
    expect(await t.db.prisma.idempotencyKey.count({ where: { key: "key-4" } })).toBe(0);
  });
});
