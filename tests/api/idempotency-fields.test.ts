import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, globalId, startTestApi } from "../support/api.ts";

// A request with several mutation fields runs them one after another, each
// in its own transaction; the first one that commits reserves the key.
describe.each(databaseKinds())("Idempotency-Key with several mutation fields on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
  });
  afterAll(async () => t?.stop());

  it("the first field fails, the second writes: a retry replays and writes nothing again", async () => {
    const claimId = globalId("Claim", "seed-claim-45-mous");
    const query = `mutation($claim: ID!, $stale: UpdateClaimInput!) {
      first: updateClaim(input: $stale) { __typename }
      second: addComment(claimId: $claim, body: "Written once") { __typename }
    }`;
    const post = () =>
      fetch(`${t.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: editor.cookie!, "idempotency-key": `fields-${kind}` },
        body: JSON.stringify({ query, variables: { claim: claimId, stale: { id: claimId, version: 0, tags: ["stale"] } } }),
      });
    const before = await t.db.prisma.comment.count({ where: { claimId: "seed-claim-45-mous" } });
    const first = await post();
    const body = await first.json();
    expect(body.data).toEqual({ first: { __typename: "ConflictError" }, second: { __typename: "MutationAddCommentSuccess" } });
    expect(await t.db.prisma.idempotencyKey.count({ where: { key: `fields-${kind}` } })).toBe(1);
    // The answer is stored just after the response; wait for it.
    for (
      let i = 0;
      i < 50 &&
      !(await t.db.prisma.idempotencyKey.findFirst({ where: { key: `fields-${kind}`, NOT: { response: { equals: null as never } } } }));
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    const retry = await post();
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(body);
    expect(await t.db.prisma.comment.count({ where: { claimId: "seed-claim-45-mous" } })).toBe(before + 1);
  });
});
