/**
 * The admin app in front of the API: its /graphql proxy names the real
 * client (a browser's own X-Forwarded-For is never passed on), and its pages
 * and the API's answers carry security headers; the CSP's nonce lets Next's
 * own scripts run and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminServer, launchBrowser, startAdmin } from "../support/admin.ts";
import { type TestApi, startTestApi } from "../support/api.ts";
import { databaseKinds } from "../support/databases.ts";

const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { __typename } }`;

describe.each(databaseKinds())("the admin's proxy and headers on %s", (kind) => {
  let t: TestApi;
  let admin: AdminServer;
  beforeAll(async () => {
    // As `npm start` runs it: the API trusts the admin (loopback) as its proxy.
    t = await startTestApi(kind, { CLAIMDESK_TRUSTED_PROXIES: "127.0.0.1,::1,::ffff:127.0.0.1" });
    admin = await startAdmin(t.url);
  }, 180_000);
  afterAll(async () => {
    await admin?.stop();
    await t?.stop();
  });

  it("a browser rotating X-Forwarded-For through the admin is still limited by its address", async () => {
    await t.db.prisma.loginAttempt.deleteMany();
    const kinds: string[] = [];
    for (let i = 0; i < 55; i++) {
      const res = await fetch(`${admin.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${i}`, "x-claimdesk-peer": `198.51.100.${i}` },
        body: JSON.stringify({ query: login, variables: { e: `guess${i}@example.org`, p: "wrong" } }),
      });
      kinds.push(((await res.json()) as any).data.login.__typename);
    }
    const refused = kinds.filter((k) => k === "RateLimitedError").length;
    console.log(`admin proxy (${kind}): 55 failures with rotating X-Forwarded-For, ${refused} refused (address limit 50)`);
    expect(kinds.slice(0, 50).every((k) => k === "AuthenticationError")).toBe(true);
    expect(refused).toBe(5);
    const addresses = await t.db.prisma.loginAttempt.findMany({
      where: { key: { startsWith: "ip:" } },
      distinct: ["key"],
      select: { key: true },
    });
    expect(addresses.map((a) => a.key)).toEqual([expect.stringMatching(/^ip:(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/)]);
  });

  it("pages carry a nonce CSP, frame-ancestors, nosniff and a referrer policy", async () => {
    const res = await fetch(`${admin.url}/login`);
    const html = await res.text();
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    // Every script Next renders carries this request's nonce.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !tag.includes("application/ld+json"));
    expect(scripts.length).toBeGreaterThan(0);
    const unsigned = scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`));
    console.log(
      `security headers (${kind}): admin page CSP nonce on ${scripts.length - unsigned.length} of ${scripts.length} scripts, frame-ancestors 'none', X-Frame-Options ${res.headers.get("x-frame-options")}, nosniff, Referrer-Policy ${res.headers.get("referrer-policy")}`,
    );
    expect(unsigned).toEqual([]);
    // A fresh nonce per view.
    const again = (await fetch(`${admin.url}/login`)).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
    // Static assets get the fixed headers too.
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect((await fetch(`${admin.url}${asset}`)).headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("under that policy the app still hydrates, with no violation reported", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${admin.url}/login`, { waitUntil: "networkidle" });
      const hydrated = await page.evaluate(() => typeof (window as unknown as { next?: { version?: string } }).next?.version === "string");
      expect(violations).toEqual([]);
      expect(hydrated).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it("the API's answers carry the matching headers", async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const feed = await fetch(`${t.url}/claim-reviews.jsonld`);
    expect(feed.headers.get("x-content-type-options")).toBe("nosniff");
    console.log(`security headers (${kind}): API answers CSP "${res.headers.get("content-security-policy")}", nosniff, DENY, no-referrer`);
  });
});
