/**
 * Reads ClaimReview JSON-LD published by other fact-checkers: a single object,
 * an array, an @graph, or an HTML page with <script type="application/ld+json">
 * blocks. Every review must be complete enough to match and cite; otherwise
 * the whole import is refused with what is missing where.
 */
import { PageTooLargeError, jsonDepth, ldJsonBlocks, maxJsonDepth } from "./ld-json-blocks.ts";

export interface ParsedClaimReview {
  url: string;
  claimReviewed: string;
  publisherName: string;
  ratingLabel: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  claimAuthor: string | null;
  datePublished: Date | null;
  raw: Record<string, unknown>;
}

export type ImportParse = { ok: true; reviews: ParsedClaimReview[] } | { ok: false; problems: string[] };

export function parseClaimReviews(text: string): ImportParse {
  const blocks = extractJsonBlocks(text);
  if (!blocks.ok) return blocks;
  const candidates = blocks.values.flatMap(flatten).filter((item) => isType(item, "ClaimReview"));
  if (candidates.length === 0) return { ok: false, problems: ["No ClaimReview found (looked for objects with \"@type\": \"ClaimReview\")"] };
  const reviews: ParsedClaimReview[] = [];
  const problems: string[] = [];
  candidates.forEach((item, i) => {
    const where = `ClaimReview ${i + 1}${typeof item.url === "string" ? ` (${item.url})` : ""}`;
    const result = toReview(item);
    if (Array.isArray(result)) problems.push(...result.map((p) => `${where}: ${p}`));
    else reviews.push(result);
  });
  return problems.length ? { ok: false, problems } : { ok: true, reviews };
}

function extractJsonBlocks(text: string): { ok: true; values: unknown[] } | { ok: false; problems: string[] } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problems: ["The input is empty"] };
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    if (jsonDepth(trimmed) > maxJsonDepth) return { ok: false, problems: [`The input nests more than ${maxJsonDepth} levels deep`] };
    try {
      return { ok: true, values: [JSON.parse(trimmed)] };
    } catch (error) {
      return { ok: false, problems: [`The input is not valid JSON: ${(error as Error).message}`] };
    }
  }
  const values: unknown[] = [];
  const problems: string[] = [];
  let blocks: string[];
  try {
    blocks = ldJsonBlocks(text);
  } catch (error) {
    if (error instanceof PageTooLargeError) return { ok: false, problems: [error.message] };
    throw error;
  }
  let n = 0;
  for (const block of blocks) {
    n++;
    if (jsonDepth(block) > maxJsonDepth) {
      problems.push(`JSON-LD block ${n} nests more than ${maxJsonDepth} levels deep`);
      continue;
    }
    try {
      values.push(JSON.parse(block.trim()));
    } catch (error) {
      problems.push(`JSON-LD block ${n} is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (n === 0) return { ok: false, problems: ["Neither JSON nor a page with <script type=\"application/ld+json\"> blocks"] };
  return problems.length ? { ok: false, problems } : { ok: true, values };
}

type Obj = Record<string, unknown>;

function flatten(value: unknown): Obj[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value && typeof value === "object") {
    const obj = value as Obj;
    return [obj, ...(Array.isArray(obj["@graph"]) ? (obj["@graph"] as unknown[]).flatMap(flatten) : [])];
  }
  return [];
}

function isType(item: Obj, type: string): boolean {
  const t = item["@type"];
  return t === type || (Array.isArray(t) && t.includes(type));
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
const num = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : null);
const nameOf = (v: unknown): string | null => (Array.isArray(v) ? nameOf(v[0]) : v && typeof v === "object" ? str((v as Obj).name) : str(v));

function toReview(item: Obj): ParsedClaimReview | string[] {
  const problems: string[] = [];
  const url = str(item.url);
  const claimReviewed = str(item.claimReviewed);
  const rating = (Array.isArray(item.reviewRating) ? item.reviewRating[0] : item.reviewRating) as Obj | undefined;
  const ratingLabel = str(rating?.alternateName) ?? str(rating?.name);
  const publisherName = nameOf(item.author) ?? nameOf(item.publisher);
  if (!url || !/^https?:\/\//.test(url)) problems.push("url is missing or not an http(s) URL");
  if (!claimReviewed) problems.push("claimReviewed is missing");
  if (!rating) problems.push("reviewRating is missing");
  else if (!ratingLabel) problems.push("reviewRating.alternateName is missing");
  if (!publisherName) problems.push("author.name is missing");
  const date = str(item.datePublished);
  const datePublished = date ? new Date(date) : null;
  if (datePublished && Number.isNaN(datePublished.getTime())) problems.push(`datePublished "${date}" is not a date`);
  if (problems.length) return problems;
  const reviewed = (item.itemReviewed ?? {}) as Obj;
  return {
    url: url!,
    claimReviewed: claimReviewed!,
    publisherName: publisherName!,
    ratingLabel: ratingLabel!,
    ratingValue: num(rating?.ratingValue),
    bestRating: num(rating?.bestRating),
    worstRating: num(rating?.worstRating),
    claimAuthor: nameOf(reviewed.author),
    datePublished,
    raw: item,
  };
}

export interface ScaleStep {
  id: string;
  label: string;
  value: number;
}

/**
 * Our rating for theirs: the same label if we have it; otherwise their
 * numeric rating placed proportionally on our scale; otherwise none.
 */
export function mapRating(review: Pick<ParsedClaimReview, "ratingLabel" | "ratingValue" | "bestRating" | "worstRating">, scale: ScaleStep[]): string | null {
  const byLabel = scale.find((r) => r.label.toLowerCase() === review.ratingLabel.toLowerCase());
  if (byLabel) return byLabel.id;
  const { ratingValue: v, bestRating: best, worstRating: worst } = review;
  if (v == null || best == null || worst == null || best === worst || scale.length === 0) return null;
  const values = scale.map((r) => r.value);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const target = lo + ((v - worst) / (best - worst)) * (hi - lo);
  return [...scale].sort((a, b) => Math.abs(a.value - target) - Math.abs(b.value - target))[0]!.id;
}
