/**
 * Addresses a confused or hostile client may send the admin's pages: a broken
 * %-escape or overlong UTF-8 is the client's own 400, a NUL byte a 404 —
 * never a 500 — and ordinary pages, Unicode paths included, are unaffected.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdminServer, startAdmin } from "../support/admin.ts";
import { type TestApi, startTestApi } from "../support/api.ts";

describe("the admin's pages and hostile paths", () => {
  let t: TestApi;
  let admin: AdminServer;
  beforeAll(async () => {
    t = await startTestApi("pglite");
    admin = await startAdmin(t.url);
  }, 180_000);
  afterAll(async () => {
    await admin?.stop();
    await t?.stop();
  });

  it("answers each path with the client's own status, in words", async () => {
    const cases: [string, number][] = [
      ["/fact-checks/%E0%A4%A", 400],
      ["/fact-checks/%C0%AF", 400],
      ["/claims/%ZZ", 400],
      ["/articles/%E0%A4%A?tab=1", 400],
      ["/fact-checks/a%00b", 404],
      ["/fact-checks/caf%C3%A9-%F0%9F%94%8B", 404],
      ["/fact-checks", 200],
      ["/login", 200],
    ];
    const got: [string, number][] = [];
    for (const [path] of cases) {
      const res = await fetch(admin.url + path, { redirect: "manual" });
      const text = await res.text();
      got.push([path, res.status]);
      if (res.status === 400) expect(text).toMatch(/not valid/);
    }
    expect(got).toEqual(cases);
  });
});
