/**
 * Reads ClaimReview JSON-LD published by other fact-checkers: a single object,
 * an array, an @graph, a DataFeed or DataFeedItem, or an HTML page with
 * <script type="application/ld+json"> blocks. Each review is judged on its
 * own (see claim-review-records.ts); only input with no ClaimReview at all,
 * or that cannot be read, is refused whole.
 */
import { type RecordResult, findClaimReviews, toRecord } from "./claim-review-records.ts";
import { PageTooLargeError, jsonDepth, ldJsonBlocks, maxJsonDepth } from "./ld-json-blocks.ts";

export type ImportParse = { ok: true; records: RecordResult[] } | { ok: false; problems: string[] };

export function parseClaimReviews(text: string, pageUrl: string | null = null): ImportParse {
  const blocks = extractJsonBlocks(text);
  if (!blocks.ok) return blocks;
  const candidates = findClaimReviews(blocks.values);
  if (candidates.length === 0)
    return {
      ok: false,
      problems: ['No ClaimReview found (looked for objects with "@type": "ClaimReview", also inside @graph, DataFeed and DataFeedItem)'],
    };
  return { ok: true, records: candidates.map(({ item, fallbackUrl }) => toRecord(item, pageUrl, fallbackUrl)) };
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
  if (n === 0) return { ok: false, problems: ['Neither JSON nor a page with <script type="application/ld+json"> blocks'] };
  return problems.length ? { ok: false, problems } : { ok: true, values };
}
