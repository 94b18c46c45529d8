/**
 * Turns parsed JSON-LD into ClaimReview records, each judged on its own.
 *
 * Finds ClaimReviews wherever publishers and aggregators put them: a single
 * object, an array, an @graph, a DataFeed's dataFeedElement, a DataFeedItem's
 * item (Data Commons, Google Fact Check Tools, our own feed), or nested in a
 * page's other objects. Reads them as tolerantly as their consumers do:
 * author is optional (the publisher is the author Organization, else the
 * `publisher`, else the site's host, and a Person author is the journalist),
 * relative URLs resolve against the page's URL, arrays where one value is
 * expected give their first value, and HTML entities are decoded.
 */
import { decodeHTML } from "entities";

export interface ClaimReviewRecord {
  url: string;
  claimReviewed: string;
  publisherName: string;
  reviewAuthor: string | null;
  ratingLabel: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  claimAuthor: string | null;
  datePublished: Date | null;
  raw: Record<string, unknown>;
}

export type RecordResult = { ok: true; record: ClaimReviewRecord } | { ok: false; url: string | null; reasons: string[] };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);

function types(item: Obj): string[] {
  const t = item["@type"];
  return (Array.isArray(t) ? t : [t])
    .filter((x): x is string => typeof x === "string")
    .map((x) => x.replace(/^(https?:\/\/schema\.org\/|schema:)/, ""));
}

const isType = (item: Obj, type: string) => types(item).includes(type);

/** Every ClaimReview in the values, in document order, with the URL of the feed item that wraps it, if any. */
export function findClaimReviews(values: unknown[]): { item: Obj; fallbackUrl: string | null }[] {
  const found: { item: Obj; fallbackUrl: string | null }[] = [];
  const seen = new Set<Obj>();
  const walk = (value: unknown, fallbackUrl: string | null, depth: number) => {
    if (depth > 12) return;
    if (Array.isArray(value)) return value.forEach((v) => walk(v, fallbackUrl, depth + 1));
    if (!isObj(value) || seen.has(value)) return;
    seen.add(value);
    if (isType(value, "ClaimReview")) {
      found.push({ item: value, fallbackUrl });
      return;
    }
    const wrapperUrl = isType(value, "DataFeedItem") ? (text(value.url) ?? fallbackUrl) : fallbackUrl;
    for (const [key, v] of Object.entries(value)) if (key !== "@context") walk(v, wrapperUrl, depth + 1);
  };
  walk(values, null, 0);
  return found;
}

const first = (v: unknown): unknown => (Array.isArray(v) ? v.find((x) => x != null && x !== "") : v);

/** A string value, entities decoded and whitespace collapsed; arrays give their first string. */
function text(v: unknown): string | null {
  const value = first(v);
  if (typeof value !== "string") return typeof value === "number" ? String(value) : null;
  const clean = decodeHTML(value).replace(/\s+/g, " ").trim();
  return clean || null;
}

function num(v: unknown): number | null {
  const value = first(v);
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** The name of a Person or Organization (names given as arrays are joined). */
function nameOf(v: unknown): string | null {
  const value = first(v);
  if (!isObj(value)) return text(value);
  const name = value.name;
  if (Array.isArray(name)) return name.map(text).filter(Boolean).join(", ") || null;
  return text(name);
}

const isOrganization = (v: unknown) =>
  isObj(first(v)) && types(first(v) as Obj).some((t) => /Organization$/.test(t) || t === "NGO" || t === "Corporation");
const isPerson = (v: unknown) => isObj(first(v)) && isType(first(v) as Obj, "Person");

/** An absolute http(s) URL: as given, scheme-less ("site.org/path"), or relative to the page. */
export function resolveUrl(raw: string | null, pageUrl: string | null): string | null {
  if (!raw) return null;
  const value = raw.trim();
  if (/^https?:\/\//i.test(value)) return safeUrl(value);
  if (value.startsWith("//")) return safeUrl(`https:${value}`);
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/|$)/i.test(value)) return safeUrl(`https://${value}`);
  if (pageUrl && !/^[a-z][a-z0-9+.-]*:/i.test(value)) return safeUrl(new URL(value, pageUrl).href);
  return null;
}

function safeUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function date(v: unknown): Date | null {
  const value = text(v);
  if (!value) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2} \d/.test(value) ? value.replace(" ", "T") : value);
  return Number.isNaN(d.getTime()) ? null : d;
}

const idOf = (v: unknown) => (isObj(v) ? text(v["@id"]) : text(v));

export function toRecord(item: Obj, pageUrl: string | null, fallbackUrl: string | null): RecordResult {
  const reasons: string[] = [];
  const given = text(item.url) ?? idOf(item.mainEntityOfPage)?.replace(/#.*$/, "") ?? fallbackUrl;
  const url = resolveUrl(given, pageUrl);
  if (!given) reasons.push("url is missing");
  else if (!url)
    reasons.push(pageUrl ? `url "${given}" is not an http(s) URL` : `url "${given}" is relative: give the page's URL to resolve it`);
  const claimReviewed = text(item.claimReviewed);
  if (!claimReviewed) reasons.push("claimReviewed is missing");
  const rating = first(item.reviewRating);
  const ratingLabel = isObj(rating) ? (text(rating.alternateName) ?? text(rating.name)) : null;
  if (!isObj(rating)) reasons.push("reviewRating is missing");
  else if (!ratingLabel) reasons.push("reviewRating has neither alternateName nor name");
  if (reasons.length) return { ok: false, url: url ?? given ?? null, reasons };

  const author = item.author;
  const authorNames = (Array.isArray(author) ? author : [author]).filter(isPerson).map(nameOf).filter(Boolean);
  const host = new URL(url!).hostname.replace(/^www\./, "");
  const publisherName =
    (isOrganization(author) ? nameOf(author) : null) ??
    nameOf(item.publisher) ??
    (author && !isPerson(author) ? nameOf(author) : null) ??
    host;
  const reviewed = isObj(first(item.itemReviewed)) ? (first(item.itemReviewed) as Obj) : {};
  const worst = num((rating as Obj).worstRating);
  const best = num((rating as Obj).bestRating);
  const value = num((rating as Obj).ratingValue);
  return {
    ok: true,
    record: {
      url: url!,
      claimReviewed: claimReviewed!,
      publisherName,
      reviewAuthor: authorNames.join(", ") || null,
      ratingLabel: ratingLabel!,
      ratingValue: value,
      bestRating: best,
      worstRating: worst,
      claimAuthor: nameOf(reviewed.author),
      datePublished: date(item.datePublished),
      raw: item,
    },
  };
}
