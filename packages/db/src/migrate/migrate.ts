import { randomUUID } from "node:crypto";
import { MigrationError } from "../errors.ts";
import { assertReadAssumptions } from "../reads/assumptions.ts";
import type { SqlRunner } from "../sql.ts";
import { type MigrationFile, readMigrations } from "./files.ts";

// Prisma's own bookkeeping table, so `prisma migrate status` agrees with us.
const createHistoryTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// The key Prisma's own engine uses, so both never migrate at once.
const advisoryLockKey = 72707369;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

export interface MigrateOptions {
  files?: MigrationFile[];
  onApply?: (name: string) => void;
}

/**
 * Applies pending migrations in order, each in its own transaction together
 * with its history row. Refuses to run when an applied migration's file has
 * changed or a previous run failed half-way.
 */
export async function migrate(sql: SqlRunner, options: MigrateOptions = {}): Promise<MigrationStatus> {
  const files = options.files ?? readMigrations();
  return withMigrationLock(sql, async () => {
    await sql.exec(createHistoryTable);
    const applied = await appliedMigrations(sql);
    checkHistory(files, applied);
    const done = new Set(applied.map((row) => row.migration_name));
    const pending = files.filter((file) => !done.has(file.name));
    for (const file of pending) {
      options.onApply?.(file.name);
      try {
        await sql.transaction(async (tx) => {
          await tx.exec(file.sql);
          await tx.query(
            `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
             VALUES ($1, $2, $3, now(), now(), 1)`,
            [randomUUID(), file.checksum, file.name],
          );
        });
      } catch (error) {
        throw new MigrationError(
          `Migration ${file.name} failed and was rolled back; the database is as it was before it. ${(error as Error).message}`,
        );
      }
    }
    return { applied: [...done], pending: pending.map((file) => file.name) };
  });
}

export async function migrationStatus(sql: SqlRunner, files = readMigrations()): Promise<MigrationStatus> {
  const exists = await sql.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  const applied = exists[0]?.t ? await appliedMigrations(sql) : [];
  checkHistory(files, applied);
  const done = new Set(applied.map((row) => row.migration_name));
  return { applied: [...done], pending: files.filter((file) => !done.has(file.name)).map((file) => file.name) };
}

/**
 * Throws unless every migration the code expects has been applied, and the
 * tables are as the compiled reads assume (every process checks this at start).
 */
export async function assertMigrated(sql: SqlRunner): Promise<void> {
  const { pending } = await migrationStatus(sql);
  if (pending.length) {
    throw new MigrationError(`The database is missing ${pending.length} migration(s) (${pending.join(", ")}). Run \`npm run db:migrate\`.`);
  }
  await assertReadAssumptions(sql);
}

function appliedMigrations(sql: SqlRunner): Promise<AppliedRow[]> {
  return sql.query<AppliedRow & Record<string, unknown>>(
    `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"`,
  );
}

function checkHistory(files: MigrationFile[], applied: AppliedRow[]): void {
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const row of applied) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} was started but never finished. Inspect the database, then mark it rolled back in "_prisma_migrations".`,
      );
    }
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `The database has migration ${row.migration_name}, which this code does not know. Is the code older than the database?`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was changed after it was applied (checksum differs). Restore the file; put changes in a new migration.`,
      );
    }
  }
}

function withMigrationLock<T>(sql: SqlRunner, fn: () => Promise<T>): Promise<T> {
  return sql.exclusive(advisoryLockKey, fn);
}
