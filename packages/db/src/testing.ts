import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, type OpenOptions, openDatabase } from "./connect.ts";
import { migrate } from "./migrate/index.ts";
import { assertReadAssumptions } from "./reads/assumptions.ts";
import type { DatabaseTarget } from "./target.ts";

/**
 * Fresh, empty databases for tests: a temporary PGlite directory, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL. Both are real
 * PostgreSQL; nothing is faked.
 */
export type TestDatabaseKind = "pglite" | "postgres";

export interface TestDatabase extends Database {
  /** Drops the database (or removes the directory) after closing it. */
  destroy(): Promise<void>;
}

export async function createTestTarget(kind: TestDatabaseKind): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (kind === "pglite") {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-test-"));
    return { target: { kind, dataDir }, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error("TEST_DATABASE_URL is not set; the test runner sets it when a PostgreSQL server is reachable");
  const name = `claimdesk_t_${randomBytes(6).toString("hex")}`;
  await adminQuery(baseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind, url: url.toString() },
    drop: () => adminQuery(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export async function createTestDatabase(
  kind: TestDatabaseKind,
  options: OpenOptions & { migrated?: boolean } = {},
): Promise<TestDatabase> {
  const { target, drop } = await createTestTarget(kind);
  const db = await openDatabase(target, options);
  if (options.migrated !== false) {
    await migrate(db.sql);
    await assertReadAssumptions(db.sql);
  }
  return {
    ...db,
    async destroy() {
      await db.close();
      await drop();
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
