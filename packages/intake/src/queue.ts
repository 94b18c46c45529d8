import type { Database } from "@claimdesk/db";
import PgBoss from "pg-boss";

/**
 * pg-boss on the desk's own database connection. pg-boss accepts a custom
 * database adapter (`db: { executeSql }`), so the same queue runs on a
 * PostgreSQL server (through the API's pool) and on the embedded PGlite
 * database of the quick start. Its jobs live in the `pgboss` schema, which it
 * creates and migrates itself; fetching a job takes it with
 * `FOR UPDATE SKIP LOCKED`, so two workers never hold one job.
 */
export function createBoss(db: Database, options: { maintenanceIntervalSeconds: number }): PgBoss {
  const adapter = {
    async executeSql(text: string, values?: unknown[]) {
      if (values?.length) return { rows: await db.sql.query(text, values) };
      // pg-boss wraps its schema changes in one multi-statement script (BEGIN; …; COMMIT;),
      // which needs the simple query protocol; it reads no rows from those.
      if (/^\s*BEGIN;/.test(text)) {
        await db.sql.exec(text);
        return { rows: [] };
      }
      return { rows: await db.sql.query(text) };
    },
  };
  return new PgBoss({
    db: adapter,
    schema: "pgboss",
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
  } as PgBoss.ConstructorOptions);
}

/**
 * Creates or updates a queue. Workers started together race to create it, and
 * pg-boss's create_queue (a row plus a partition table) can deadlock against
 * itself; the loser retries and finds the queue the winner made.
 */
export async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return boss.updateQueue(name, { name, ...options });
    try {
      return await boss.createQueue(name, { name, ...options });
    } catch (error) {
      const code = (error as { code?: string }).code;
      const raced = code === "40P01" || code === "23505" || code === "42P07";
      if (!raced || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}
