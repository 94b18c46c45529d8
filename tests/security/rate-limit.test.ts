/**
 * Public traffic is limited per client, so that one client cannot take the
 * public API for itself: anonymous clients by address (X-Forwarded-For is
 * honoured from the trusted proxy only), API tokens by token. Over the limit:
 * 429 with Retry-After, a typed RATE_LIMITED error on /graphql and a plain
 * 429 on the ClaimReview endpoints. Desk sessions are not counted. The
 * counters live in the database, so API processes on one PostgreSQL share them.
 */
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type ApiProcess, twoApiProcesses } from "../support/api-processes.ts";
import { type TestApi, startTestApi } from "../support/api.ts";

const limits = {
  CLAIMDESK_TRUSTED_PROXIES: "127.0.0.1,::1,::ffff:127.0.0.1",
  CLAIMDESK_RATE_LIMIT_ANONYMOUS: "5",
  CLAIMDESK_RATE_LIMIT_TOKEN: "8",
  CLAIMDESK_RATE_LIMIT_WINDOW_SECONDS: "60",
};
const query = `{ factChecks(first: 1) { edges { node { id } } } }`;

async function graphql(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
}

const from = (address: string) => ({ "x-forwarded-for": address });

describe.each(databaseKinds())("per-client rate limit on %s", (kind) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi(kind, limits);
  });
  afterAll(async () => t?.stop());
  beforeEach(async () => {
    await t.db.sql.query(`DELETE FROM "RateLimit"`);
  });

  it("answers an anonymous client over its limit 429 with Retry-After and RATE_LIMITED; another client is unaffected", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await graphql(t.url, from("203.0.113.1"))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const refused = await graphql(t.url, from("203.0.113.1"));
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string; retryAfterSeconds: number } }[] };
    expect(body.errors[0]!.extensions).toEqual({ code: "RATE_LIMITED", retryAfterSeconds: retryAfter });
    expect(body.errors[0]!.message).toContain("limit 5 per 60 s");

    // Others keep their whole allowance while the first is refused.
    const others = await Promise.all(Array.from({ length: 20 }, (_, i) => graphql(t.url, from(`198.51.100.${i % 4}`))));
    const otherRefused = others.filter((r) => r.status !== 200).length;
    expect(otherRefused).toBe(0);
    console.log(
      `rate limit (${kind}): client over 5/60 s got ${statuses.filter((s) => s === 429).length} of 8 refused (Retry-After ${retryAfter} s); 4 other clients sent 20, refused ${otherRefused}`,
    );
  });

  it("answers the ClaimReview endpoints plain 429 with Retry-After, sharing the address's counter", async () => {
    for (let i = 0; i < 5; i++) expect((await graphql(t.url, from("203.0.113.9"))).status).toBe(200);
    const feed = await fetch(`${t.url}/claim-reviews.jsonld`, { headers: from("203.0.113.9") });
    expect(feed.status).toBe(429);
    expect(Number(feed.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(feed.headers.get("content-type")).toContain("text/plain");
    expect(await feed.text()).toMatch(/^Too many requests/);
    const head = await fetch(`${t.url}/claim-reviews.jsonld`, { method: "HEAD", headers: from("203.0.113.9") });
    expect(head.status).toBe(429);
    expect((await fetch(`${t.url}/claim-reviews.jsonld`, { headers: from("203.0.113.10") })).status).toBe(200);
  });

  it("counts an API token by token, whatever address it comes from, apart from that address's anonymous count", async () => {
    const token = `cdk_${randomBytes(16).toString("hex")}`;
    await t.db.prisma.apiToken.create({
      data: {
        name: "rate limit test",
        prefix: token.slice(0, 10),
        tokenHash: createHash("sha256").update(token).digest("hex"),
        scopes: ["read"],
        userId: "seed-user-viewer",
      },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await graphql(t.url, { authorization: `Bearer ${token}`, ...from(`192.0.2.${i}`) })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);
    // The address the token last came from still has its own anonymous allowance.
    expect((await graphql(t.url, from("192.0.2.9"))).status).toBe(200);
  });

  it("does not count signed-in desk sessions, nor the trusted proxy's own requests", async () => {
    const editor = await t.as("editor");
    await t.db.sql.query(`DELETE FROM "RateLimit"`);
    for (let i = 0; i < 6; i++) await graphql(t.url, from("203.0.113.77"));
    const desk = [];
    for (let i = 0; i < 12; i++) desk.push((await editor.request(query, undefined, { headers: from("203.0.113.77") })).status);
    expect(desk.every((s) => s === 200)).toBe(true);
    // Without X-Forwarded-For a request from the trusted proxy is its own (the admin rendering a public page).
    const own = [];
    for (let i = 0; i < 8; i++) own.push((await graphql(t.url)).status);
    expect(own.every((s) => s === 200)).toBe(true);
  });
});

describe.each(databaseKinds().filter((k) => k === "postgres"))("rate limit shared by API processes on %s", (kind) => {
  let a: ApiProcess;
  let b: ApiProcess;
  let processes: Awaited<ReturnType<typeof twoApiProcesses>> | undefined;
  beforeAll(async () => {
    processes = await twoApiProcesses({ ...limits, CLAIMDESK_RATE_LIMIT_ANONYMOUS: "6" });
    ({ a, b } = processes);
  }, 120_000);
  afterAll(async () => {
    await processes?.stop();
  });

  it("two API processes count one client's requests together", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await graphql(i % 2 ? b.url : a.url, from("203.0.113.50"))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429, 429]);
    // Another client on either process is unaffected.
    expect((await graphql(b.url, from("203.0.113.51"))).status).toBe(200);
    console.log(
      `rate limit (${kind}): two API processes, one client alternating between them: ${statuses.filter((s) => s === 200).length} of 10 served (limit 6); another client served`,
    );
  });
});
