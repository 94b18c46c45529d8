import { DatabaseError, assertMigrated, describeTarget, openDatabase } from "@claimdesk/db";
import { startIntakeWorker } from "@claimdesk/intake";
import { analyseArticle } from "@claimdesk/schema";
import pino from "pino";

// `npm run worker`: the intake worker alone (feeds polled, articles fetched), for
// deployments on PostgreSQL that keep it out of the API processes. Run any number.
async function main() {
  const logger = pino({ level: process.env.LOG_LEVEL ?? "info" });
  const db = await openDatabase();
  await assertMigrated(db.sql).catch(async (error) => {
    await db.close();
    throw error;
  });
  const worker = await startIntakeWorker(db, { analyse: analyseArticle, logger });
  logger.info(`Claimdesk intake worker using the ${describeTarget(db.target)}`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing jobs in hand");
    const timer = setTimeout(() => process.exit(1), 20_000).unref();
    await worker.stop();
    await db.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof DatabaseError ? `error: ${error.message}` : error);
  process.exit(1);
});
