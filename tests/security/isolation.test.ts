/**
 * No request can hurt another: one client's hostile input fails its own
 * request only, even though concurrent model reads share one SQL statement.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type TestApi, globalId, startTestApi } from "../support/api.ts";

const factCheckId = globalId("FactCheck", "seed-factcheck-china-growth");
const nulId = Buffer.from("FactCheck:a\0b").toString("base64"); // RmFjdENoZWNrOmEAYg==

describe.each(databaseKinds())("request isolation on %s", (kind) => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi(kind);
  });
  afterAll(async () => t?.stop());

  it("an attacker's NUL-byte ids fail only the attacker's requests", async () => {
    const victims = { sent: 0, failed: 0, examples: [] as string[] };
    const attacker = { sent: 0, ownErrors: 0, serverErrors: 0 };
    const victimQueries = [
      { query: `query($id: ID!) { node(id: $id) { id ... on FactCheck { headline } } }`, variables: { id: factCheckId } },
      { query: `{ factChecks(first: 5) { totalCount edges { node { headline rating { label } } } } }` },
      { query: `{ outlets { name } ratingScales { name } }` },
    ];
    const victim = async (i: number) => {
      const body = victimQueries[i % victimQueries.length]!;
      const res = await fetch(`${t.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { errors?: unknown[]; data?: unknown };
      victims.sent++;
      if (res.status !== 200 || json.errors) {
        victims.failed++;
        if (victims.examples.length < 3) victims.examples.push(`${res.status} ${JSON.stringify(json).slice(0, 200)}`);
      }
    };
    const attack = async (i: number) => {
      attacker.sent++;
      if (i % 2) {
        const res = await fetch(`${t.url}/claim-reviews/a%00b.jsonld`);
        if (res.status >= 500) attacker.serverErrors++;
        else if (res.status === 404 || res.status === 400) attacker.ownErrors++;
        return;
      }
      const res = await fetch(`${t.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `query($id: ID!) { node(id: $id) { id } }`, variables: { id: nulId } }),
      });
      const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      if (res.status >= 500 || json.errors?.some((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR")) attacker.serverErrors++;
      else if (json.errors?.[0]?.extensions?.code === "BAD_USER_INPUT") attacker.ownErrors++;
    };
    // Waves of victims and attackers in flight together, so their reads share ticks.
    for (let wave = 0; wave < 15; wave++) {
      await Promise.all([
        ...Array.from({ length: 20 }, (_, i) => victim(wave * 20 + i)),
        ...Array.from({ length: 10 }, (_, i) => attack(i)),
      ]);
    }
    console.log(
      `isolation (${kind}): victims failed ${victims.failed} of ${victims.sent}; attacker's ${attacker.sent} requests: ${attacker.ownErrors} answered with its own BAD_USER_INPUT/404, ${attacker.serverErrors} server errors`,
    );
    expect(victims.examples).toEqual([]);
    expect(victims.failed).toBe(0);
    expect(attacker.serverErrors).toBe(0);
    expect(attacker.ownErrors).toBe(attacker.sent);
  });

  it("a read whose SQL fails inside a shared statement fails alone; the others get their rows", async () => {
    const reads = t.db.reads;
    // Passes the compiler (a string parameter) but PostgreSQL refuses it as a timestamp.
    const bad = reads.factCheck.findMany({ where: { publishedAt: { gt: "not a date" as unknown as Date } }, select: { id: true } });
    const good = [
      reads.factCheck.findMany({ where: { status: "PUBLISHED" }, select: { id: true } }),
      reads.claim.count(),
      reads.claim.findUnique({ where: { id: "seed-claim-45-mous" }, select: { id: true } }),
      reads.claim.findUnique({ where: { id: "seed-claim-china-growth" }, select: { id: true } }),
    ];
    const [badResult, ...goodResults] = await Promise.allSettled([bad, ...good]);
    expect(badResult!.status).toBe("rejected");
    expect(goodResults.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    // The failing read's error carries its own statement, never the others' parameters.
    const error = (badResult as PromiseRejectedResult).reason as { sql?: string; params?: string[] };
    expect(error.params).toEqual(["<text 10>"]);
    expect(JSON.stringify(error)).not.toContain("seed-claim-45-mous");
    expect(JSON.stringify(error)).not.toContain("not a date");
    console.log(
      `log redaction (${kind}): the failing read's error names its own statement with parameters ${JSON.stringify(error.params)}; ${goodResults.filter((r) => r.status === "fulfilled").length} of 4 reads sharing the statement answered`,
    );
  });

  it("a NUL byte or lone surrogate in a read's parameter is refused before SQL, for that caller only", async () => {
    const reads = t.db.reads;
    const results = await Promise.allSettled([
      reads.claim.findUnique({ where: { id: "a\0b" }, select: { id: true } }),
      reads.claim.findUnique({ where: { id: "seed-claim-45-mous" }, select: { id: true } }),
      reads.claim.findMany({ where: { quote: { contains: "\uD800" } }, select: { id: true } }),
      reads.claim.findMany({ where: { quote: { contains: "45" } }, select: { id: true } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "rejected", "fulfilled"]);
    expect(((results[0] as PromiseRejectedResult).reason as Error).name).toBe("InvalidParameter");
    expect((results[1] as PromiseFulfilledResult<unknown>).value).toEqual({ id: "seed-claim-45-mous" });
  });
});
