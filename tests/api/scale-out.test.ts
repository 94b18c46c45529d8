/**
 * Two API processes (real `node` processes, as deployed) against one
 * PostgreSQL database serve the same users: a session, a sign-in limit, an
 * idempotency key and a claim version started on one are honoured by the other.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type ApiProcess, twoApiProcesses } from "../support/api-processes.ts";
import { Client, accounts, globalId } from "../support/api.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The same browser, talking to another process: carries the cookie across. */
function on(url: string, client: Client): Client {
  const other = new Client(url);
  other.cookie = client.cookie;
  return other;
}

describe.each(databaseKinds().filter((k) => k === "postgres"))("scale-out: two API processes on one %s database", () => {
  let a: ApiProcess;
  let b: ApiProcess;
  let processes: Awaited<ReturnType<typeof twoApiProcesses>> | undefined;
  beforeAll(async () => {
    processes = await twoApiProcesses();
    ({ a, b } = processes);
  }, 120_000);
  afterAll(async () => {
    await processes?.stop();
  });

  it("a session started on one process works on the other, and a logout on either ends it everywhere", async () => {
    const onA = await new Client(a.url).login(...accounts.editor);
    const onB = on(b.url, onA);
    expect((await onB.ok(`{ me { email } }`)).me.email).toBe(accounts.editor[0]);
    const replayed = on(a.url, onA);
    await onB.ok(`mutation { logout { ok } }`);
    expect((await replayed.ok(`{ me { email } }`)).me).toBeNull();
  });

  it("sign-in limits count failures on every process", async () => {
    const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename } }`;
    for (let i = 0; i < 10; i++) {
      const result = await new Client(i % 2 ? a.url : b.url).ok(login, { e: accounts.viewer[0], p: "wrong" });
      expect(result.login.__typename).toBe("AuthenticationError");
    }
    for (const url of [a.url, b.url]) {
      expect((await new Client(url).ok(login, { e: accounts.viewer[0], p: accounts.viewer[1] })).login.__typename).toBe("RateLimitedError");
    }
  });

  it("a create retried on the other process with its Idempotency-Key is answered from the first, not made twice", async () => {
    const editor = await new Client(a.url).login(...accounts.editor);
    const send = (url: string) =>
      fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: editor.cookie!, "idempotency-key": "scale-out-1" },
        body: JSON.stringify({
          query: `mutation { createArticle(input: { title: "Scale-out retry", body: "Once." }) { ... on MutationCreateArticleSuccess { data { id } } } }`,
        }),
      });
    const first = await send(a.url);
    // The first process stores its answer just after sending it; until then a
    // retry is told 409 "in progress" and, like any client, tries again.
    let retry = await send(b.url);
    for (let i = 0; retry.status === 409 && i < 50; i++) {
      await sleep(20);
      retry = await send(b.url);
    }
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    const [firstBody, retryBody] = [await first.json(), await retry.json()];
    expect(retryBody).toEqual(firstBody);
    const search = await editor.ok(`{ articles(first: 5, filter: { query: "Scale-out retry" }) { totalCount } }`);
    expect(search.articles.totalCount).toBe(1);
  });

  it("two saves of one claim version on different processes: exactly one wins, every time", async () => {
    const editor = await new Client(a.url).login(...accounts.editor);
    const checker = await new Client(b.url).login(...accounts.checker);
    const id = globalId("Claim", "seed-claim-45-mous");
    const read = `query($id: ID!) { node(id: $id) { ... on Claim { version explanation } } }`;
    const update = `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { __typename } }`;
    const rounds = 50;
    let singleWinners = 0;
    for (let round = 0; round < rounds; round++) {
      const { version } = (await editor.ok(read, { id })).node;
      const [x, y] = await Promise.all([
        editor.ok(update, { input: { id, version, explanation: `A ${round}` } }),
        checker.ok(update, { input: { id, version, explanation: `B ${round}` } }),
      ]);
      const kinds = [x.updateClaim.__typename, y.updateClaim.__typename].sort();
      if (kinds.join() === "ConflictError,MutationUpdateClaimSuccess") singleWinners++;
      const stored = (await checker.ok(read, { id })).node;
      expect(stored.version).toBe(version + 1);
      expect(stored.explanation).toBe(x.updateClaim.__typename === "MutationUpdateClaimSuccess" ? `A ${round}` : `B ${round}`);
    }
    console.log(
      `scale-out: 2 API processes, 1 PostgreSQL; sessions, sign-in limits and idempotency keys shared; ${rounds} cross-process edit races, ${singleWinners} single winners, 0 lost updates`,
    );
    expect(singleWinners).toBe(rounds);
  });
});
