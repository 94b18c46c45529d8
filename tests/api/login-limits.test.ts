import { createApi, loadConfig } from "@claimdesk/api";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type TestApi, startTestApi } from "../support/api.ts";

const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename ... on RateLimitedError { retryAfterSeconds message } } }`;

async function attempt(url: string, email: string, password: string, forwardedFor?: string): Promise<any> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    body: JSON.stringify({ query: login, variables: { e: email, p: password } }),
  });
  return (await res.json()).data.login;
}

describe.each(databaseKinds())("sign-in limits on %s", (kind) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi(kind);
  });
  afterAll(async () => t?.stop());
  beforeEach(async () => {
    await t.db.prisma.loginAttempt.deleteMany();
  });

  it("blocks an account after 10 failures, even with the right password, whatever X-Forwarded-For says", async () => {
    for (let i = 0; i < 10; i++)
      expect((await attempt(t.url, "editor@claimdesk.local", "wrong", `203.0.113.${i}`)).__typename).toBe("AuthenticationError");
    const blocked = await attempt(t.url, "editor@claimdesk.local", "claimdesk-editor", "198.51.100.7");
    expect(blocked.__typename).toBe("RateLimitedError");
    expect(blocked.retryAfterSeconds).toBeGreaterThan(800);
    // Unknown accounts are limited the same way: no hint which addresses exist.
    for (let i = 0; i < 10; i++) await attempt(t.url, "nobody@claimdesk.local", "wrong");
    expect((await attempt(t.url, "nobody@claimdesk.local", "wrong")).__typename).toBe("RateLimitedError");
    // Other accounts are unaffected.
    expect((await attempt(t.url, "checker@claimdesk.local", "claimdesk-checker")).__typename).toBe("MutationLoginSuccess");
    console.log(
      `sign-in limits (${kind}): account refused after 10 failures from 10 spoofed X-Forwarded-For addresses, even with the right password (retry after ${blocked.retryAfterSeconds} s); unknown accounts limited alike`,
    );
  });

  it("blocks an address after 50 failures, whatever e-mail it rotates through", async () => {
    for (let i = 0; i < 50; i++) await attempt(t.url, `guess${i}@example.org`, "wrong", `192.0.2.${i}`);
    expect((await attempt(t.url, "checker@claimdesk.local", "claimdesk-checker")).__typename).toBe("RateLimitedError");
  });

  it("limits live in the database: a second API process on it enforces them", async () => {
    for (let i = 0; i < 10; i++) await attempt(t.url, "admin@claimdesk.local", "wrong");
    const second = await createApi(t.db, loadConfig({ NODE_ENV: "test", PORT: "0" }), pino({ level: "silent" }));
    const url = await second.listen();
    try {
      expect((await attempt(url, "admin@claimdesk.local", "claimdesk-admin")).__typename).toBe("RateLimitedError");
    } finally {
      await second.stop();
    }
    expect(await t.db.prisma.loginAttempt.count({ where: { key: "email:admin@claimdesk.local" } })).toBe(10);
  });

  it("behind a trusted proxy each client address is limited on its own", async () => {
    const proxied = await createApi(
      t.db,
      loadConfig({ NODE_ENV: "test", PORT: "0", CLAIMDESK_TRUSTED_PROXIES: "127.0.0.1,::1,::ffff:127.0.0.1" }),
      pino({ level: "silent" }),
    );
    const url = await proxied.listen();
    try {
      for (let i = 0; i < 50; i++) await attempt(url, `guess${i}@example.org`, "wrong", "192.0.2.1");
      expect((await attempt(url, "checker@claimdesk.local", "claimdesk-checker", "192.0.2.1")).__typename).toBe("RateLimitedError");
      expect((await attempt(url, "checker@claimdesk.local", "claimdesk-checker", "192.0.2.2")).__typename).toBe("MutationLoginSuccess");
    } finally {
      await proxied.stop();
    }
  });
});
