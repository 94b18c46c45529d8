import fs from "node:fs";
import { IntakeError, extractArticle, fetchArticle, parseFeedText, safeFetch } from "@claimdesk/intake";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NewsServer, articles, startNewsServer } from "../support/news-server.ts";

// Everything here talks to a server on 127.0.0.1 only.
let site: NewsServer;
const open = { allowPrivateAddresses: true };
beforeAll(async () => {
  site = await startNewsServer({ initialItems: 3 });
});
afterAll(() => site.close());

async function failure(promise: Promise<unknown>): Promise<IntakeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntakeError);
  return error as IntakeError;
}

describe("extraction, field by field", () => {
  const score = { title: 0, publishedAt: 0, body: 0, all: 0 };
  for (const expected of articles) {
    it(expected.path, async () => {
      const got = await fetchArticle(site.url + expected.path, open);
      const fields = {
        title: got.title === expected.title,
        publishedAt: (got.publishedAt?.toISOString() ?? null) === expected.publishedAt,
        body: got.body === expected.paragraphs.join("\n\n"),
      };
      score.title += +fields.title;
      score.publishedAt += +fields.publishedAt;
      score.body += +fields.body;
      score.all++;
      expect(got.title).toBe(expected.title);
      expect(got.publishedAt?.toISOString() ?? null).toBe(expected.publishedAt);
      expect(got.byline).toBe(expected.byline);
      expect(got.outletName).toBe(expected.outletName);
      expect(got.canonicalUrl).toBe(site.url + expected.canonicalPath);
      expect(got.language).toBe(expected.language);
      expect(got.body).toBe(expected.paragraphs.join("\n\n"));
      expect(got.body).not.toMatch(/Subscribe|free articles|All rights reserved|Budget talks stall/);
    });
  }
  afterAll(() => {
    console.log(
      `extraction accuracy on ${score.all} pages: title ${score.title}/${score.all}, date ${score.publishedAt}/${score.all}, body ${score.body}/${score.all}`,
    );
  });

  it("reads a real fact-checker's saved page (shared data): headline without the site's name, no appeals or teasers", () => {
    const html = fs.readFileSync(new URL("../../../shared/data/claimreview/page-boom-live.html", import.meta.url), "utf8");
    const got = extractArticle(html, "https://www.boomlive.in/saved-copy");
    expect(got).toMatchObject({
      title: "Video Claiming Hindu Kids Are Being Taught Namaz In Karnataka Is Misleading",
      byline: "Nivedita Niranjankumar",
      outletName: "BOOM",
      canonicalUrl: "https://www.boomlive.in/video-claiming-hindu-kids-are-being-taught-namaz-in-karnataka-is-misleading/",
      language: "en",
    });
    expect(got.publishedAt?.toISOString()).toBe("2019-04-10T06:39:05.000Z");
    expect(got.body).toMatch(/^The video was viral last year with the same claim\./);
    expect(got.body).toContain("the second video shows the same students being taught Sanskrit Shlokas from the Bhagavad Gita.");
    expect(got.body).not.toMatch(/If you value our work|BECOME A MEMBER|Next Story|ad blocker/);
  });

  it("reads pasted HTML the same as a fetched page", async () => {
    const html = await (await fetch(site.url + articles[0]!.path)).text();
    const got = extractArticle(html, "https://example.org/pasted");
    expect(got.title).toBe(articles[0]!.title);
    expect(got.body).toBe(articles[0]!.paragraphs.join("\n\n"));
    expect(got.sources.title).toBe("json-ld");
  });

  it("follows redirects and reports the final address", async () => {
    const got = await fetchArticle(`${site.url}/redirect-to-article`, open);
    expect(got.fetchedUrl).toBe(`${site.url}/news/og-only.html`);
  });
});

describe("every fetch failure is a typed error in words", () => {
  it("timeout", async () => {
    const started = Date.now();
    const error = await failure(safeFetch(`${site.url}/slow`, { ...open, totalTimeoutMs: 500 }));
    expect(error.code).toBe("TIMEOUT");
    expect(error.message).toBe("The page took longer than 0.5 s");
    expect(Date.now() - started).toBeLessThan(2_000);
  });
  it("server error", async () => {
    const error = await failure(fetchArticle(`${site.url}/error`, open));
    expect([error.code, error.status, error.message]).toEqual(["HTTP_STATUS", 500, "The site answered 500 Internal Server Error"]);
  });
  it("not found", async () => {
    expect((await failure(fetchArticle(`${site.url}/nothing-here`, open))).status).toBe(404);
  });
  it("redirect loop", async () => {
    const error = await failure(fetchArticle(`${site.url}/loop-a`, open));
    expect([error.code, error.message]).toEqual(["REDIRECT_LOOP", "The page redirects in a loop"]);
  });
  it("too many redirects", async () => {
    const error = await failure(fetchArticle(`${site.url}/redirect-to-article`, { ...open, maxRedirects: 0 }));
    expect(error.code).toBe("TOO_MANY_REDIRECTS");
  });
  it("too large (streamed, no Content-Length)", async () => {
    const error = await failure(fetchArticle(`${site.url}/huge`, { ...open, maxBytes: 2 * 1024 * 1024 }));
    expect([error.code, error.message]).toEqual(["TOO_LARGE", "The page is larger than 2 MB"]);
  });
  it("not HTML", async () => {
    const error = await failure(fetchArticle(`${site.url}/report.pdf`, open));
    expect([error.code, error.message]).toEqual(["NOT_HTML", "This address is not an HTML page (it serves application/pdf)"]);
  });
  it("private and loopback addresses refused unless allowed, literal or by name, and after a redirect", async () => {
    for (const url of [
      `${site.url}/news/plain.html`,
      site.url.replace("127.0.0.1", "localhost") + "/news/plain.html",
      "http://[::1]:9/",
      "http://10.0.0.1/",
      "http://169.254.169.254/latest/meta-data",
    ]) {
      const error = await failure(fetchArticle(url));
      expect(error.code, url).toBe("ADDRESS_NOT_ALLOWED");
      expect(error.message).toMatch(/is not allowed/);
    }
    expect(site.hits.get("/news/plain.html") ?? 0).toBe(1); // only the allowed fetch above reached the server
  });
  it("only http(s)", async () => {
    for (const url of ["file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)"]) {
      expect((await failure(fetchArticle(url, open))).code).toBe("UNSUPPORTED_SCHEME");
    }
    expect((await failure(fetchArticle("not a url", open))).code).toBe("INVALID_URL");
  });
  it("connection refused", async () => {
    expect((await failure(fetchArticle("http://127.0.0.1:1/", open))).code).toBe("NETWORK");
  });
});

describe("feeds", () => {
  it("parses RSS and Atom to the same items, links made canonical later", async () => {
    const rss = parseFeedText(await (await fetch(`${site.url}/feeds/rss.xml`)).text(), site.url);
    const atom = parseFeedText(await (await fetch(`${site.url}/feeds/atom.xml`)).text(), site.url);
    expect(rss.format).toBe("rss");
    expect(atom.format).toBe("atom");
    expect(rss.entries.map((e) => e.guid)).toEqual(["wire-3", "wire-2", "wire-1"]);
    expect(atom.entries.map((e) => e.url)).toEqual([3, 2, 1].map((n) => `${site.url}/wire/story-${n}.html`));
    expect(rss.entries[0]!.publishedAt?.toISOString()).toBe("2026-11-01T00:03:00.000Z");
  });
  it("JSON Feed", () => {
    const feed = parseFeedText(
      JSON.stringify({
        version: "https://jsonfeed.org/version/1.1",
        title: "J",
        items: [{ id: "1", url: "/a", title: "A", date_published: "2026-12-01T00:00:00Z" }],
      }),
      "https://example.org/feed.json",
    );
    expect(feed.entries).toEqual([{ guid: "1", url: "https://example.org/a", title: "A", publishedAt: new Date("2026-12-01T00:00:00Z") }]);
  });
  it("a page that is not a feed", () => {
    expect(() => parseFeedText("<html><body>hello</body></html>", "https://example.org")).toThrow(
      /does not serve an RSS, Atom or JSON feed/,
    );
  });
});
