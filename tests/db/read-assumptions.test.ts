/**
 * The read compiler joins every relation on `id` and decodes every DateTime
 * as an instant with its zone. A database that breaks either must stop the
 * process at start (assertMigrated), naming the field, instead of letting
 * compiled reads return wrong rows or shifted dates.
 */
import { ReadAssumptionError, assertMigrated, assertReadAssumptions } from "@claimdesk/db";
import { createTestDatabase, type TestDatabase } from "@claimdesk/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";

describe.each(databaseKinds())("compiled-read assumptions on %s", (kind) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  it("hold for the migrated schema", async () => {
    db = await createTestDatabase(kind);
    await expect(assertMigrated(db.sql)).resolves.toBeUndefined();
  });

  it("a DateTime column without a time zone stops the start, naming the field", async () => {
    db = await createTestDatabase(kind);
    await db.sql.exec(`ALTER TABLE "Claim" ALTER COLUMN "claimDate" TYPE timestamp(3)`);
    const error = await assertMigrated(db.sql).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadAssumptionError);
    expect((error as Error).message).toContain("Claim.claimDate is a DateTime stored as timestamp without time zone");
  });

  it("a relation that joins on another column than id stops the start, naming the field", async () => {
    db = await createTestDatabase(kind);
    await db.sql.exec(`
      ALTER TABLE "Person" ADD COLUMN "code" text UNIQUE;
      ALTER TABLE "Claim" DROP CONSTRAINT "Claim_speakerId_fkey";
      ALTER TABLE "Claim" ADD CONSTRAINT "Claim_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Person"("code");`);
    await expect(assertReadAssumptions(db.sql)).rejects.toThrow("Claim.speaker joins on Person(code), not Person(id)");
  });

  it("a column renamed away from its field (@map) stops the start", async () => {
    db = await createTestDatabase(kind);
    await db.sql.exec(`ALTER TABLE "Source" RENAME COLUMN "publisher" TO "publisher_name"`);
    await expect(assertReadAssumptions(db.sql)).rejects.toThrow('Source.publisher has no column "publisher" in table "Source"');
  });
});
