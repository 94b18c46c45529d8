import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * Raw SQL access that behaves the same on PGlite and on a PostgreSQL server.
 * Used where Prisma cannot go: migrations (multi-statement scripts), catalog
 * checks, bulk loads.
 */
export interface SqlRunner {
  /** Runs a multi-statement script (simple query protocol). */
  exec(script: string): Promise<void>;
  query<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Runs `fn` while holding a database-wide advisory lock (one runner at a time). */
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
}

type PgliteQueryable = Pick<PGlite, "exec" | "query"> & Partial<Pick<PGlite, "transaction">>;

export function pgliteRunner(db: PgliteQueryable): SqlRunner {
  return {
    async exec(script) {
      await db.exec(script);
    },
    async query(sql, params) {
      return (await db.query(sql, params)).rows as never;
    },
    transaction(fn) {
      // Inside a transaction already (db is a Transaction): stay in it.
      return db.transaction ? db.transaction((tx) => fn(pgliteRunner(tx))) : fn(this);
    },
    // One process owns a PGlite directory (see pglite-lock), so no one else can interleave.
    exclusive(_key, fn) {
      return fn();
    },
  };
}

type PgQueryable = pg.Pool | pg.PoolClient | pg.Client;

export function pgRunner(db: PgQueryable): SqlRunner {
  return {
    async exec(script) {
      // No parameters: node-postgres uses the simple protocol, which takes
      // several statements in one string.
      await db.query(script);
    },
    async query(sql, params) {
      return (await db.query(sql, params as unknown[])).rows;
    },
    async transaction(fn) {
      const client = db instanceof pg.Pool ? await db.connect() : db;
      try {
        await client.query("BEGIN");
        const result = await fn(pgRunner(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        if (db instanceof pg.Pool) (client as pg.PoolClient).release();
      }
    },
    async exclusive(key, fn) {
      const client = db instanceof pg.Pool ? await db.connect() : db;
      try {
        await client.query("SELECT pg_advisory_lock($1)", [key]);
        try {
          return await fn();
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [key]);
        }
      } finally {
        if (db instanceof pg.Pool) (client as pg.PoolClient).release();
      }
    },
  };
}
