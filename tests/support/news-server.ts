import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small news site on loopback for intake tests: article pages written for
 * the purpose (with and without JSON-LD, a Latin-1 page, a paywall overlay, a
 * huge page), failure routes, and RSS/Atom feeds that gain items when told.
 */
export interface ExpectedArticle {
  path: string;
  title: string;
  publishedAt: string | null;
  byline: string | null;
  outletName: string | null;
  canonicalPath: string;
  language: string;
  paragraphs: string[];
}

const para = (n: number, topic: string) =>
  [
    `The ministry said on Tuesday that ${topic} rose by 12 percent in 2025, reaching 4.1 million people across the country.`,
    `Officials told reporters the figure was the highest since records began in 1998, though independent analysts questioned the method.`,
    `"We have never seen growth like this," said Amina Siddiqui, the ministry's chief statistician, at a briefing in the capital.`,
    `The opposition called the numbers misleading and demanded that the statistics office publish its raw data before the budget debate.`,
    `According to the central bank, inflation averaged 7.3 percent over the same period, which would erase most of the reported gain.`,
  ][n % 5]!;

export const articles: ExpectedArticle[] = [
  {
    path: "/news/jsonld-report.html",
    title: "Employment rose 12 percent in 2025, ministry says",
    publishedAt: "2026-11-30T08:15:00.000Z",
    byline: "Sara Khan, Omar Ali",
    outletName: "The Daily Ledger",
    canonicalPath: "/news/employment-rose-2025",
    language: "en",
    paragraphs: [0, 1, 2, 3, 4].map((n) => para(n, "employment")),
  },
  {
    path: "/news/og-only.html",
    title: "Port traffic doubled, authority claims",
    publishedAt: "2026-11-29T17:40:00.000Z",
    byline: "Bilal Ahmed",
    outletName: "Harbour Times",
    canonicalPath: "/news/og-only.html",
    language: "en-GB",
    paragraphs: [1, 2, 3, 4, 0].map((n) => para(n, "port traffic")),
  },
  {
    path: "/news/latin1.html",
    title: "La producción de café creció un 8 % según el ministerio",
    publishedAt: "2026-11-28T10:00:00.000Z",
    byline: "José Núñez",
    outletName: "El Diario Económico",
    canonicalPath: "/news/latin1.html",
    language: "es",
    paragraphs: [
      "El ministerio afirmó el martes que la producción de café creció un 8 % en 2025, hasta alcanzar 1,2 millones de sacos en todo el país.",
      "Según los funcionarios, la cifra es la más alta desde 1998, aunque analistas independientes cuestionaron el método de cálculo empleado.",
      "«Nunca habíamos visto un crecimiento así», dijo Begoña Muñoz, jefa de estadística del ministerio, durante una rueda de prensa.",
      "La oposición calificó los números de engañosos y exigió que la oficina de estadística publique los datos en bruto antes del debate.",
    ],
  },
  {
    path: "/news/paywalled.html",
    title: "Water tariffs to rise 30 percent next year",
    publishedAt: "2026-11-27T06:00:00.000Z",
    byline: "Nadia Hussain",
    outletName: "The Daily Ledger",
    canonicalPath: "/news/paywalled.html",
    language: "en",
    paragraphs: [3, 4, 0, 1].map((n) => para(n, "water use")),
  },
  {
    path: "/news/plain.html",
    title: "Council approves new bus routes",
    publishedAt: "2026-11-26T12:30:00.000Z",
    byline: "Farah Iqbal",
    outletName: null,
    canonicalPath: "/news/plain.html",
    language: "en",
    paragraphs: [2, 3, 4, 0, 1].map((n) => para(n, "bus ridership")),
  },
];

const nav = `<header class="site-header"><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>`;
const footer = `<footer><p>© 2026 Example Media Group. All rights reserved. Contact us · Privacy · Terms</p></footer>`;
const ps = (a: ExpectedArticle) => a.paragraphs.map((p) => `<p>${p}</p>`).join("\n");

function page(a: ExpectedArticle, base: string): string {
  switch (a.path) {
    case "/news/jsonld-report.html":
      return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Employment rose 12 percent | The Daily Ledger</title>
<link rel="canonical" href="${base}${a.canonicalPath}?utm_source=feed">
<meta property="og:title" content="Employment up 12% — ministry">
<script type="application/ld+json">${JSON.stringify({
        "@context": "https://schema.org",
        "@graph": [
          { "@type": "WebSite", name: "The Daily Ledger" },
          {
            "@type": "NewsArticle",
            headline: a.title,
            datePublished: "2026-11-30T13:15:00+05:00",
            author: [
              { "@type": "Person", name: "Sara Khan" },
              { "@type": "Person", name: "Omar Ali" },
            ],
            publisher: { "@type": "NewsMediaOrganization", name: "The Daily Ledger" },
            inLanguage: "en",
          },
        ],
      })}</script></head>
<body>${nav}<main><article><h1>${a.title}</h1><p class="byline">By Sara Khan and Omar Ali</p>
<div class="article-body">${ps(a)}</div></article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Budget talks stall</a></li><li><a href="/b">Markets close higher</a></li></ul></aside></main>${footer}</body></html>`;
    case "/news/og-only.html":
      return `<!doctype html><html lang="en-gb"><head><meta charset="utf-8"><title>Port traffic doubled - Harbour Times</title>
<meta property="og:title" content="${a.title}"><meta property="og:site_name" content="Harbour Times">
<meta property="og:url" content="${base}${a.canonicalPath}"><meta property="article:published_time" content="2026-11-29T17:40:00Z">
<meta name="author" content="Bilal Ahmed"></head>
<body>${nav}<div id="content"><h1>${a.title}</h1><div class="story">${ps(a)}</div></div>${footer}</body></html>`;
    case "/news/latin1.html":
      return `<!doctype html><html lang="es"><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>${a.title}</title>
<meta property="og:site_name" content="${a.outletName}"><meta name="author" content="${a.byline}">
<meta property="article:published_time" content="2026-11-28T10:00:00Z"></head>
<body>${nav}<article><h1>${a.title}</h1>${ps(a)}</article>${footer}</body></html>`;
    case "/news/paywalled.html":
      return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${a.title}</title>
<script type="application/ld+json">${JSON.stringify({ "@context": "https://schema.org", "@type": "NewsArticle", headline: a.title, datePublished: "2026-11-27T06:00:00Z", author: { "@type": "Person", name: "Nadia Hussain" }, publisher: { name: "The Daily Ledger" } })}</script></head>
<body>${nav}<article><h1>${a.title}</h1>${ps(a)}</article>
<div class="paywall-overlay" style="position:fixed;inset:0"><div class="paywall-box"><h2>Subscribe to keep reading</h2><p>You have read all of your free articles this month. Subscribe now for unlimited access to award-winning journalism from only $1 a week.</p><p>Already a subscriber? Sign in to continue reading this article and everything else we publish.</p></div></div>${footer}</body></html>`;
    case "/news/plain.html":
      return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${a.title}</title></head>
<body>${nav}<article><h1>${a.title}</h1><p class="byline">By <span class="author">Farah Iqbal</span> · <time datetime="2026-11-26T12:30:00Z">26 November 2026</time></p>${ps(a)}</article>${footer}</body></html>`;
    default:
      throw new Error(a.path);
  }
}

export interface NewsServer {
  url: string;
  /** Requests seen, by path. */
  hits: Map<string, number>;
  /** Requests that carried a conditional header and were answered 304. */
  notModified: number;
  /** Adds n items to each feed (new articles on the site). */
  publish(n: number): void;
  /** Feed items so far. */
  feedItems(): { path: string; title: string }[];
  /** Delay (ms) of every generated feed article page. */
  articleDelayMs: number;
  /** Requests for generated articles currently being answered. */
  inFlight: number;
  close(): Promise<void>;
}

export async function startNewsServer(options: { initialItems?: number } = {}): Promise<NewsServer> {
  let items = options.initialItems ?? 2;
  const hits = new Map<string, number>();
  let base = "";
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const fixture = articles.find((a) => a.path === path);
    if (fixture) {
      const html = page(fixture, base);
      if (path === "/news/latin1.html") {
        res.writeHead(200, { "content-type": "text/html; charset=ISO-8859-1" });
        return res.end(Buffer.from(html, "latin1"));
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(html);
    }
    const generated = path.match(/^\/wire\/story-(\d+)\.html$/);
    if (generated) {
      const n = Number(generated[1]);
      state.inFlight++;
      setTimeout(() => {
        state.inFlight--;
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(wirePage(n, base));
      }, state.articleDelayMs);
      return;
    }
    if (path === "/feeds/rss.xml" || path === "/feeds/atom.xml") {
      const body = path.endsWith("rss.xml") ? rss(items, base) : atom(items, base);
      const etag = `"${path.length}-${items}"`;
      const lastModified = new Date(Date.UTC(2026, 10, 1, 0, items)).toUTCString();
      if (req.headers["if-none-match"] === etag || req.headers["if-modified-since"] === lastModified) {
        state.notModified++;
        res.writeHead(304, { etag });
        return res.end();
      }
      res.writeHead(200, {
        "content-type": path.endsWith("rss.xml") ? "application/rss+xml" : "application/atom+xml",
        etag,
        "last-modified": lastModified,
      });
      return res.end(body);
    }
    switch (path) {
      case "/slow":
        return void setTimeout(() => res.end("<html><body>late</body></html>"), 5_000);
      case "/error":
        res.writeHead(500, { "content-type": "text/html" });
        return res.end("<h1>Internal error</h1>");
      case "/loop-a":
        res.writeHead(302, { location: "/loop-b" });
        return res.end();
      case "/loop-b":
        res.writeHead(302, { location: "/loop-a" });
        return res.end();
      case "/redirect-to-article":
        res.writeHead(301, { location: "/news/og-only.html" });
        return res.end();
      case "/huge": {
        // 8 MB of paragraphs, streamed without Content-Length.
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<!doctype html><html><body><article>");
        const chunk = `<p>${"Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(100)}</p>`;
        let sent = 0;
        const pump = () => {
          while (sent < 8 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end("</article></body></html>");
        };
        res.on("close", () => (sent = Infinity));
        return pump();
      }
      case "/report.pdf":
        res.writeHead(200, { "content-type": "application/pdf" });
        return res.end("%PDF-1.4 not a page");
      case "/feeds/broken.xml":
        res.writeHead(200, { "content-type": "application/xml" });
        return res.end("<html><body>not a feed</body></html>");
      default:
        res.writeHead(404, { "content-type": "text/plain" });
        return res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const state: NewsServer = {
    url: base,
    hits,
    notModified: 0,
    articleDelayMs: 0,
    inFlight: 0,
    publish(n) {
      items += n;
    },
    feedItems: () => Array.from({ length: items }, (_, i) => ({ path: `/wire/story-${i + 1}.html`, title: wireTitle(i + 1) })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}

const wireTitle = (n: number) => `Wire story ${n}: exports rose ${n + 10} percent, minister says`;

export function wireParagraphs(n: number): string[] {
  return [
    `Exports rose ${n + 10} percent in the year to October, the trade minister said on Monday, the fastest growth in a decade.`,
    `The ministry said the country shipped goods worth 31.2 billion dollars, up from 27.4 billion dollars a year earlier.`,
    `Economists said the figure included re-exports and that the underlying increase was closer to ${n + 2} percent.`,
    // Only story 4 repeats a claim the desk has checked (see the feed tests).
    n === 4
      ? `The minister also said unemployment had fallen to 5.1 percent, its lowest level since 2008.`
      : `Port officials declined to comment on shipping schedules for story ${n}.`,
  ];
}

function wirePage(n: number, base: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${wireTitle(n)}</title>
<link rel="canonical" href="${base}/wire/story-${n}.html">
<script type="application/ld+json">${JSON.stringify({ "@context": "https://schema.org", "@type": "NewsArticle", headline: wireTitle(n), datePublished: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString(), author: { name: "Wire Desk" }, publisher: { name: "The Wire" } })}</script></head>
<body>${nav}<article><h1>${wireTitle(n)}</h1>${wireParagraphs(n)
    .map((p) => `<p>${p}</p>`)
    .join("")}</article>${footer}</body></html>`;
}

function rss(count: number, base: string): string {
  const items = Array.from({ length: count }, (_, i) => i + 1)
    .reverse()
    .map(
      (n) =>
        `<item><title>${wireTitle(n)}</title><link>${base}/wire/story-${n}.html?utm_source=rss</link><guid isPermaLink="false">wire-${n}</guid><pubDate>${new Date(Date.UTC(2026, 10, 1, 0, n)).toUTCString()}</pubDate></item>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>The Wire</title><link>${base}/</link><description>Latest</description>${items}</channel></rss>`;
}

function atom(count: number, base: string): string {
  const entries = Array.from({ length: count }, (_, i) => i + 1)
    .reverse()
    .map(
      (n) =>
        `<entry><id>tag:wire,2026:${n}</id><title>${wireTitle(n)}</title><link rel="alternate" href="${base}/wire/story-${n}.html"/><published>${new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString()}</published><updated>${new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString()}</updated></entry>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>The Wire</title><id>tag:wire,2026</id><updated>2026-11-01T00:00:00Z</updated>${entries}</feed>`;
}
