import { createTestDatabase, type TestDatabase } from "@claimdesk/db/testing";
import { seed, updateVersioned } from "@claimdesk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";

describe.each(databaseKinds())("optimistic concurrency on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seed(db.prisma);
  });
  afterAll(async () => db?.destroy());

  it("two saves of the same claim version: exactly one wins, the other is told", async () => {
    for (let round = 0; round < 20; round++) {
      const claim = await db.prisma.claim.findUniqueOrThrow({ where: { id: "seed-claim-patent-filings" } });
      const [a, b] = await Promise.all([
        updateVersioned(db.prisma.claim, claim.id, claim.version, { explanation: `a${round}` }),
        updateVersioned(db.prisma.claim, claim.id, claim.version, { explanation: `b${round}` }),
      ]);
      const winners = [a, b].filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      const loser = [a, b].find((r) => !r.ok)!;
      expect(loser).toMatchObject({ ok: false, reason: "stale", current: { version: claim.version + 1 } });
      const stored = await db.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
      expect(stored.version).toBe(claim.version + 1);
      expect(stored.explanation).toBe(a.ok ? `a${round}` : `b${round}`);
    }
  });

  it("an update of a missing claim says so", async () => {
    expect(await updateVersioned(db.prisma.claim, "no-such-claim", 1, { explanation: "x" })).toEqual({ ok: false, reason: "missing" });
  });
});
