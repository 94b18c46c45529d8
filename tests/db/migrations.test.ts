import fs from "node:fs";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@claimdesk/db/testing";
import { MigrationError, Prisma, migrate, migrationStatus, migrationsDir, readMigrations, schemaPath, snapshotName } from "@claimdesk/db";
import { afterEach, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";

describe.each(databaseKinds())("migrations on %s", (kind) => {
  let db: TestDatabase;
  afterEach(async () => db?.destroy());

  it("applies every migration to an empty database and records Prisma's checksums", async () => {
    db = await createTestDatabase(kind, { migrated: false });
    const files = readMigrations();
    const result = await migrate(db.sql);
    expect(result.pending).toEqual(files.map((f) => f.name));
    const rows = await db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    const tables = await db.sql.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    expect(tables.map((t) => t.tablename).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it("is a no-op when run again", async () => {
    db = await createTestDatabase(kind);
    const before = await db.sql.query(`SELECT * FROM "_prisma_migrations" ORDER BY id`);
    const again = await migrate(db.sql);
    expect(again.pending).toEqual([]);
    expect(await db.sql.query(`SELECT * FROM "_prisma_migrations" ORDER BY id`)).toEqual(before);
  });

  it("refuses to run when an applied migration's file was changed", async () => {
    db = await createTestDatabase(kind);
    const files = readMigrations().map((f, i) => (i === 0 ? { ...f, checksum: "0".repeat(64) } : f));
    await expect(migrate(db.sql, { files })).rejects.toThrow(MigrationError);
    await expect(migrate(db.sql, { files })).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls a failing migration back whole and leaves the schema as it was", async () => {
    db = await createTestDatabase(kind);
    const broken = {
      name: "29990101000000_broken",
      checksum: "f".repeat(64),
      sql: `CREATE TABLE "Half" (id int); ALTER TABLE "Claim" ADD COLUMN "x" int; SELECT no_such_function();`,
    };
    await expect(migrate(db.sql, { files: [...readMigrations(), broken] })).rejects.toThrow(
      /29990101000000_broken failed and was rolled back/,
    );
    const half = await db.sql.query<{ t: string | null }>(`SELECT to_regclass('"Half"')::text AS t`);
    expect(half[0]!.t).toBeNull();
    const column = await db.sql.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'Claim' AND column_name = 'x'`);
    expect(column).toHaveLength(0);
    const status = await migrationStatus(db.sql, [...readMigrations(), broken]);
    expect(status.pending).toEqual([broken.name]);
    console.log(`failed migration (${kind}): 0 of its 2 schema changes left behind, still pending`);
  });

  it("reports a migration the code does not know", async () => {
    db = await createTestDatabase(kind);
    await expect(migrationStatus(db.sql, readMigrations().slice(1))).rejects.toThrow(/which this code does not know/);
  });
});

describe("migration files", () => {
  it("only the newest migration keeps a schema snapshot, and it equals schema.prisma", () => {
    const migrations = readMigrations();
    const withSnapshot = migrations
      .filter((file) => fs.existsSync(path.join(migrationsDir, file.name, snapshotName)))
      .map((file) => file.name);
    expect(withSnapshot).toEqual([migrations.at(-1)!.name]);
    const snapshot = fs.readFileSync(path.join(migrationsDir, withSnapshot[0]!, snapshotName), "utf8");
    expect(snapshot, "schema.prisma changed after the last migration: run npm run db:migration:new <name>").toBe(
      fs.readFileSync(schemaPath, "utf8"),
    );
  });
});
