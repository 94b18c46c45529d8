import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { IntakeError } from "./errors.ts";

/** What a page says about itself, for the editor to check and correct before saving. */
export interface ExtractedArticle {
  title: string;
  byline: string | null;
  publishedAt: Date | null;
  outletName: string | null;
  canonicalUrl: string | null;
  language: string;
  /** Plain text, paragraphs separated by a blank line. */
  body: string;
  /** Where each field came from (json-ld, open-graph, meta, readability, page), so the editor knows what to double-check. */
  sources: Partial<Record<"title" | "byline" | "publishedAt" | "outletName" | "canonicalUrl" | "language" | "body", string>>;
}

const articleTypes = new Set([
  "NewsArticle",
  "Article",
  "ReportageNewsArticle",
  "AnalysisNewsArticle",
  "BlogPosting",
  "OpinionNewsArticle",
  "BackgroundNewsArticle",
  "Report",
]);

// Overlays that cover an article (subscription walls, consent banners, modals): their text is not the article.
const overlaySelectors = [
  "[class*=paywall]",
  "[id*=paywall]",
  "[class*=subscribe]",
  "[id*=subscribe]",
  "[class*=overlay]",
  "[id*=overlay]",
  "[class*=modal]",
  "[role=dialog]",
  "[aria-modal=true]",
  "[class*=consent]",
  "[class*=newsletter]",
  // Page furniture inside the article's container on real pages: ad slots, appeals
  // for members or donations, share bars, "related" and "next story" teasers.
  "[class*=advert]",
  "[class*=-ads]",
  "[class~=ad]",
  "[id^=ad_]",
  "[id^=ad-]",
  "[class*=donat]",
  "[class*=membership]",
  "[class*=social-]",
  "[class*=share]",
  "[class*=related]",
  "[class*=nextpage]",
  "[class*=next-story]",
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
];

/**
 * Reads an article out of a page: JSON-LD NewsArticle/Article first (what the
 * publisher states), then Open Graph and <meta>, then Readability's guesses.
 * The body is Readability's main content as plain text.
 */
export function extractArticle(html: string, pageUrl: string): ExtractedArticle {
  const { document } = parseHTML(html);
  const sources: ExtractedArticle["sources"] = {};
  const ld = jsonLdArticle(document);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content")?.trim() || null;

  const pick = <T>(field: keyof ExtractedArticle["sources"], ...candidates: [string, T | null | undefined][]): T | null => {
    for (const [source, value] of candidates) {
      if (value !== null && value !== undefined && value !== "") {
        sources[field] = source;
        return value;
      }
    }
    return null;
  };

  // Readability mutates the document it reads: give it its own copy without overlays.
  const { document: readable } = parseHTML(html);
  for (const node of Array.from(readable.querySelectorAll(overlaySelectors.join(",")) as ArrayLike<{ remove(): void }>)) node.remove();
  const parsed = new Readability(readable as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();

  const readabilityBody = parsed?.content ? htmlToText(parsed.content) : "";
  const ldBody = typeof ld?.articleBody === "string" ? normaliseParagraphs(ld.articleBody) : "";
  const body = pick("body", ["readability", readabilityBody.length >= 200 || !ldBody ? readabilityBody : null], ["json-ld", ldBody]) ?? "";
  if (body.trim().length < 50) throw new IntakeError("NO_ARTICLE", "No article text was found on this page");

  const headline =
    pick<string>(
      "title",
      ["json-ld", clean(ld?.headline) ?? clean(ld?.name)],
      ["open-graph", clean(meta('meta[property="og:title"]'))],
      ["meta", clean(meta('meta[name="twitter:title"]'))],
      ["readability", clean(parsed?.title)],
      ["page", clean(document.querySelector("title")?.textContent)],
    ) ?? "Untitled";

  const byline = pick<string>(
    "byline",
    ["json-ld", authorNames(ld?.author)],
    ["meta", clean(meta('meta[name="author"]'))],
    ["open-graph", nonUrl(meta('meta[property="article:author"]'))],
    [
      "page",
      clean(document.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"], .author')?.textContent),
    ],
    ["readability", clean(parsed?.byline)?.replace(/^by\s+/i, "") ?? null],
  );

  const publishedAt = pick<Date>(
    "publishedAt",
    ["json-ld", toDate(ld?.datePublished)],
    ["open-graph", toDate(meta('meta[property="article:published_time"]'))],
    [
      "meta",
      toDate(
        meta('meta[name="date"]') ??
          meta('meta[name="pubdate"]') ??
          meta('meta[itemprop="datePublished"]') ??
          meta('meta[name="parsely-pub-date"]'),
      ),
    ],
    ["page", toDate(document.querySelector("time[datetime]")?.getAttribute("datetime"))],
    ["readability", toDate(parsed?.publishedTime)],
  );

  const outletName = pick<string>(
    "outletName",
    ["json-ld", clean(nameOf(ld?.publisher))],
    ["open-graph", clean(meta('meta[property="og:site_name"]'))],
    ["readability", clean(parsed?.siteName)],
  );

  const canonicalUrl = pick<string>(
    "canonicalUrl",
    ["page", absoluteUrl(document.querySelector('link[rel="canonical"]')?.getAttribute("href"), pageUrl)],
    ["open-graph", absoluteUrl(meta('meta[property="og:url"]'), pageUrl)],
    ["json-ld", absoluteUrl(typeof ld?.url === "string" ? ld.url : idOf(ld?.mainEntityOfPage), pageUrl)],
    ["fetched", canonicalise(pageUrl)],
  );

  const language =
    pick<string>(
      "language",
      ["json-ld", languageCode(ld?.inLanguage)],
      ["page", languageCode(document.documentElement?.getAttribute("lang"))],
      ["open-graph", languageCode(meta('meta[property="og:locale"]'))],
      ["readability", languageCode(parsed?.lang)],
    ) ?? "en";

  // Many publishers' headlines carry their name ("… | BOOM", "… - The Daily Ledger"): the article's title does not.
  const siteNames = [outletName, clean(meta('meta[property="og:site_name"]'))].filter((n): n is string => !!n);
  const title = withoutSiteName(headline, siteNames);

  return { title, byline, publishedAt, outletName, canonicalUrl, language, body, sources };
}

function withoutSiteName(title: string, siteNames: string[]): string {
  for (const name of siteNames) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const stripped = title.replace(new RegExp(`\\s+[|–—·:-]\\s+${escaped}$`, "iu"), "").trim();
    if (stripped && stripped !== title) return stripped;
  }
  return title;
}

type LdNode = Record<string, unknown>;

// ArrayLike, not Iterable: the DOM library some workspaces compile with types NodeList without an iterator.
function jsonLdArticle(document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }): LdNode | null {
  const nodes: LdNode[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== "object") return;
    const node = value as LdNode;
    nodes.push(node);
    if (node["@graph"]) visit(node["@graph"]);
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // A broken block is ignored; the page's other metadata still counts.
    }
  }
  return nodes.find((node) => [node["@type"]].flat().some((type) => typeof type === "string" && articleTypes.has(type))) ?? null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === "object" && typeof (value as LdNode).name === "string") return (value as LdNode).name as string;
  return null;
}

function idOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value && typeof value === "object") return ((value as LdNode)["@id"] as string) ?? ((value as LdNode).url as string) ?? null;
  return null;
}

function authorNames(value: unknown): string | null {
  const names = [value]
    .flat()
    .map(nameOf)
    .map(clean)
    .filter((n): n is string => !!n && !/^https?:\/\//.test(n));
  return names.length ? names.join(", ") : null;
}

function nonUrl(value: string | null): string | null {
  return value && !/^https?:\/\//.test(value) ? clean(value) : null;
}

function clean(value: unknown): string | null {
  return typeof value === "string" ? value.replace(/\s+/g, " ").trim() || null : null;
}

function toDate(value: unknown): Date | null {
  if (typeof value !== "string" || !value.trim()) return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

function languageCode(value: unknown): string | null {
  const raw = typeof value === "string" ? value : nameOf(value);
  const match = raw?.trim().match(/^([a-zA-Z]{2,3})(?:[-_]([A-Za-z0-9]{2,8}))?/);
  if (!match) return null;
  return match[2] ? `${match[1]!.toLowerCase()}-${match[2].toUpperCase()}` : match[1]!.toLowerCase();
}

function absoluteUrl(value: string | null | undefined, base: string): string | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? canonicalise(url.href) : null;
  } catch {
    return null;
  }
}

/** The URL an article is known by: no fragment, no tracking parameters. */
export function canonicalise(raw: string): string {
  const url = new URL(raw);
  url.hash = "";
  for (const key of [...url.searchParams.keys()]) {
    if (/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$)/i.test(key)) url.searchParams.delete(key);
  }
  return url.href;
}

const blockTags = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "FIGCAPTION", "TD", "TH", "DT", "DD"]);

/** Readability's article HTML as paragraphs of plain text. */
function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks: string[] = [];
  type Node = { children: ArrayLike<Node>; tagName: string; textContent: string | null; querySelector(s: string): unknown };
  const walk = (node: Node) => {
    for (const child of Array.from(node.children)) {
      // Leaf blocks become paragraphs; containers are walked into.
      if (blockTags.has(child.tagName) && !child.querySelector(Array.from(blockTags).join(","))) {
        const text = (child.textContent ?? "").replace(/\s+/g, " ").trim();
        if (text) blocks.push(text);
      } else {
        walk(child);
      }
    }
  };
  walk(document.body as unknown as Node);
  if (!blocks.length) return (document.body?.textContent ?? "").replace(/\s+/g, " ").trim();
  return blocks.join("\n\n");
}

function normaliseParagraphs(text: string): string {
  return text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}
