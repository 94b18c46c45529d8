import { auditServer } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { fetchPublishedFactChecks } from "../example-client/published-fact-checks.ts";
import { type TestApi, startTestApi } from "../support/api.ts";

describe.each(databaseKinds().slice(0, 1))("GraphQL-over-HTTP compliance (%s)", (kind) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi(kind);
  });
  afterAll(async () => t?.stop());

  it("passes every MUST of the graphql-http server audit", async () => {
    const results = await auditServer({ url: `${t.url}/graphql` });
    const musts = results.filter((r) => r.name.startsWith("MUST"));
    const failed = musts.filter((r) => r.status !== "ok").map((r) => `${r.name}: ${"reason" in r ? r.reason : ""}`);
    const counts = { ok: 0, warn: 0, error: 0 } as Record<string, number>;
    for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
    console.log(`graphql-http audit: ${musts.length} MUSTs, ${musts.length - failed.length} passed; all audits: ${JSON.stringify(counts)}`);
    expect(musts.length).toBeGreaterThan(10);
    expect(failed).toEqual([]);
  });

  it("the example typed client reads published fact-checks", async () => {
    const page = await fetchPublishedFactChecks(t.url, 5);
    expect(page.totalCount).toBe(1);
    expect(page.edges[0]?.node.rating.label).toBe("Mostly true");
    expect(page.edges[0]?.node.speaker?.name).toBe("Khalil Hashmi");
  });
});
