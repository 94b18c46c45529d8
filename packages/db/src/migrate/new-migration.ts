import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { MigrationError } from "../errors.ts";
import { migrationsDir, readMigrations, schemaPath } from "./files.ts";

export const snapshotName = "schema.snapshot.prisma";

/** The SQL that takes a database from one datamodel to another (pure; no database). */
export function diffSchemas(from: string | "empty", to: string): string {
  const args = ["prisma", "migrate", "diff", "--script", "--to-schema-datamodel", to];
  args.push(...(from === "empty" ? ["--from-empty"] : ["--from-schema-datamodel", from]));
  return execFileSync("npx", args, { cwd: path.resolve(migrationsDir, "../.."), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * Writes `prisma/migrations/<timestamp>_<name>/migration.sql` from the change
 * between the last migration's schema snapshot and schema.prisma. (The CLI's
 * `migrate dev` needs a shadow database, which the JS engine cannot drive.)
 * Only the newest migration keeps a snapshot: it moves to the new folder.
 */
export function newMigration(name: string, now = new Date()): string | null {
  if (!/^[a-z0-9_]+$/.test(name)) throw new MigrationError(`Migration names are lower_snake_case (got "${name}").`);
  const last = readMigrations().at(-1);
  const previous = last ? path.join(migrationsDir, last.name, snapshotName) : "empty";
  if (previous !== "empty" && !fs.existsSync(previous)) {
    throw new MigrationError(`${last?.name} has no ${snapshotName}; cannot tell what changed.`);
  }
  const script = diffSchemas(previous, schemaPath);
  if (!/^\s*(CREATE|ALTER|DROP)/m.test(script)) return null;
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), script);
  fs.copyFileSync(schemaPath, path.join(dir, snapshotName));
  if (previous !== "empty") fs.rmSync(previous);
  return dir;
}
