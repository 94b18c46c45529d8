import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type Database, type OpenOptions, createClient, reason } from "./connect.ts";
import { DatabaseConnectionError } from "./errors.ts";
import { pgliteAdapter } from "./pglite-adapter.ts";
import { lockDataDir } from "./pglite-lock.ts";
import { withOneStatementReads } from "./reads/one-statement-reads.ts";
import { pgliteRunner } from "./sql.ts";
import { type DatabaseTarget, describeTarget } from "./target.ts";

/** The embedded database: PGlite on disk, one process at a time. */
export async function openPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>, options: OpenOptions): Promise<Database> {
  const unlock = lockDataDir(target.dataDir);
  let db: PGlite;
  try {
    // Extensions must be registered before any migration creates them.
    db = await PGlite.create(target.dataDir, { extensions: { pg_trgm } });
  } catch (error) {
    unlock();
    throw new DatabaseConnectionError(`Cannot open the ${describeTarget(target)}: ${reason(error)}`);
  }
  const prisma = createClient(pgliteAdapter(db), options);
  return {
    target,
    prisma,
    reads: withOneStatementReads(prisma, async (sql, params) => {
      options.onQuery?.(sql);
      return (await db.query<Record<string, unknown>>(sql, params)).rows;
    }),
    sql: pgliteRunner(db),
    async close() {
      await prisma.$disconnect();
      await db.close();
      unlock();
    },
  };
}
