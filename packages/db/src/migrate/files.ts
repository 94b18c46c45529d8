import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { packageRoot } from "../package-root.ts";

export const migrationsDir = path.join(packageRoot, "prisma", "migrations");
export const schemaPath = path.resolve(migrationsDir, "../schema.prisma");

export interface MigrationFile {
  name: string;
  sql: string;
  /** Prisma's checksum: sha256 hex of the file's bytes. */
  checksum: string;
}

export function readMigrations(dir = migrationsDir): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}
