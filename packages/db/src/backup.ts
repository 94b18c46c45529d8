/**
 * Backups of either database path, restorable only into an empty target.
 * - Embedded: PGlite's own data-directory dump (a gzipped tarball).
 * - PostgreSQL: pg_dump's custom format, restored with pg_restore.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import pg from "pg";
import { DatabaseError } from "./errors.ts";
import { lockDataDir } from "./pglite-lock.ts";
import { type DatabaseTarget, redactUrl } from "./target.ts";

const run = promisify(execFile);

export async function backupDatabase(target: DatabaseTarget, file: string): Promise<void> {
  if (target.kind === "pglite") {
    const unlock = lockDataDir(target.dataDir);
    try {
      const { PGlite, pg_trgm } = await loadPglite();
      const db = await PGlite.create(target.dataDir, { extensions: { pg_trgm } });
      const dump = await db.dumpDataDir("gzip");
      await db.close();
      fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      unlock();
    }
    return;
  }
  await pgTool("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, target.url], target.url);
}

export async function restoreDatabase(target: DatabaseTarget, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new DatabaseError(`No backup file at ${file}`);
  if (target.kind === "pglite") {
    if (fs.existsSync(target.dataDir) && fs.readdirSync(target.dataDir).length > 0) {
      throw new DatabaseError(`The embedded database at ${target.dataDir} is not empty; restore into a new CLAIMDESK_DATA_DIR.`);
    }
    const unlock = lockDataDir(target.dataDir);
    try {
      const { PGlite, pg_trgm } = await loadPglite();
      const db = await PGlite.create(target.dataDir, { extensions: { pg_trgm }, loadDataDir: new Blob([fs.readFileSync(file)]) });
      await db.query("SELECT 1");
      await db.close();
    } finally {
      unlock();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    if (rows[0].n > 0) throw new DatabaseError(`The database at ${redactUrl(target.url)} is not empty; restore into a new database.`);
  } finally {
    await client.end();
  }
  await pgTool("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${target.url}`, file], target.url);
}

async function pgTool(tool: string, args: string[], url: string): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") throw new DatabaseError(`${tool} is not installed (Debian: apt-get install postgresql-client).`);
    throw new DatabaseError(`${tool} failed for ${redactUrl(url)}: ${(e.stderr ?? e.message).trim().split("\n")[0]}`);
  }
}

/** PGlite costs ~45 MB when loaded; only the embedded path pays for it. */
async function loadPglite() {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([import("@electric-sql/pglite"), import("@electric-sql/pglite/contrib/pg_trgm")]);
  return { PGlite, pg_trgm };
}
