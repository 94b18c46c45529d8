/**
 * Absolute links the API writes (a ClaimReview's old address redirecting to
 * its slug) name the address clients use: behind a trusted TLS proxy its
 * X-Forwarded-Proto/-Host; from anyone else those headers change nothing; a
 * Host header that is not a host name never reaches the answer; a configured
 * CLAIMDESK_API_PUBLIC_URL wins.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi, startTestApi } from "../support/api.ts";

/** GET with exactly these headers (fetch would not send a made-up Host). */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        res.resume();
        resolve({ status: res.statusCode!, location: res.headers.location });
      })
      .on("error", reject);
  });
}

describe("absolute links in the API's answers", () => {
  const apis: TestApi[] = [];
  let oldPath: string;
  let slug: string;
  const start = async (env: Record<string, string>) => {
    const t = await startTestApi("pglite", env);
    apis.push(t);
    const fc = await t.db.prisma.factCheck.findFirstOrThrow({ where: { status: "PUBLISHED" } });
    oldPath = `/claim-reviews/${fc.id}.jsonld`;
    slug = fc.slug!;
    return t;
  };
  let viaProxy: TestApi;
  let direct: TestApi;
  let configured: TestApi;
  beforeAll(async () => {
    viaProxy = await start({ CLAIMDESK_TRUSTED_PROXIES: "127.0.0.1,::1,::ffff:127.0.0.1" });
    direct = await start({});
    configured = await start({ CLAIMDESK_API_PUBLIC_URL: "https://api.newsroom.example/v1/" });
  }, 120_000);
  afterAll(async () => {
    for (const t of apis) await t.stop();
  });

  it("follows a trusted proxy's scheme and host", async () => {
    const res = await get(viaProxy.url + oldPath, {
      host: "internal:4000",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "news.example",
    });
    expect(res).toEqual({ status: 301, location: `https://news.example/claim-reviews/${slug}.jsonld` });
  });

  it("ignores forwarded headers from a client that is not a trusted proxy, and a Host that is not a host", async () => {
    const host = new URL(direct.url).host;
    const forged = await get(direct.url + oldPath, { host, "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" });
    expect(forged.location).toBe(`http://${host}/claim-reviews/${slug}.jsonld`);
    const junk = await get(direct.url + oldPath, { host: "evil.example/<script>" });
    expect(junk.location).toBe(`http://localhost/claim-reviews/${slug}.jsonld`);
  });

  it("uses CLAIMDESK_API_PUBLIC_URL when set, path included", async () => {
    const res = await get(configured.url + oldPath, { host: "internal:4000" });
    expect(res.location).toBe(`https://api.newsroom.example/v1/claim-reviews/${slug}.jsonld`);
  });
});
