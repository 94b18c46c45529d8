import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type Client, type TestApi, startTestApi } from "../support/api.ts";

// The full-text filter of lists had a 10,000-id cap: past it, pages and
// totalCount were silently wrong. Past it now, they are exact.
const matches = 10_500;

describe.each(databaseKinds())("full-text list filters beyond 10,000 matches on %s", (kind) => {
  let t: TestApi;
  let editor: Client;
  beforeAll(async () => {
    t = await startTestApi(kind);
    editor = await t.as("editor");
    await t.db.sql.query(
      `INSERT INTO "Claim" (id, quote, "claimReviewed", tags, status, version, "createdAt", "updatedAt")
       SELECT 'bulk-' || n, 'Zanzibar cloves exported ' || n, 'Zanzibar exported cloves (' || n || ')', '{}', 'UNREVIEWED', 1, now(), now() - n * interval '1 second'
       FROM generate_series(1, ${matches}) n`,
    );
    await t.db.sql.query(
      `INSERT INTO "Source" (id, title, type, version, "createdAt", "updatedAt")
       SELECT 'bulk-source-' || n, 'Zanzibar clove ledger ' || n, 'DATASET', 1, now() - n * interval '1 second', now() FROM generate_series(1, ${matches}) n`,
    );
  }, 600_000);
  afterAll(async () => t?.stop());

  it("claims and sources: exact totalCount and full pages, the last page too", async () => {
    const claims = await editor.ok(`{ claims(first: 100, filter: { query: "zanzibar cloves" }) { totalCount edges { node { id } } } }`);
    expect(claims.claims.totalCount).toBe(matches);
    expect(claims.claims.edges).toHaveLength(100);
    const oldest = await editor.ok(
      `{ claims(first: 5, filter: { query: "zanzibar cloves" }, orderBy: { field: UPDATED_AT, direction: ASC }) { edges { node { id } } } }`,
    );
    expect(oldest.claims.edges.map((e: { node: { id: string } }) => Buffer.from(e.node.id, "base64").toString())).toEqual(
      [matches, matches - 1, matches - 2, matches - 3, matches - 4].map((n) => `Claim:bulk-${n}`),
    );
    const sources = await editor.ok(`{ sources(first: 10, filter: { query: "clove ledger" }) { totalCount } }`);
    expect(sources.sources.totalCount).toBe(matches);
  }, 300_000);
});
