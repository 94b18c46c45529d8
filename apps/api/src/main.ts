import { DatabaseError, assertMigrated, describeTarget, openDatabase } from "@claimdesk/db";
import { type IntakeWorker, startIntakeWorker } from "@claimdesk/intake";
import { analyseArticle } from "@claimdesk/schema";
import { ConfigError, loadConfig } from "./config.ts";
import { createApi } from "./server.ts";

// Start-up problems a person can fix print one line; the process exits 1.
async function main() {
  const config = loadConfig();
  const db = await openDatabase();
  await assertMigrated(db.sql).catch(async (error) => {
    await db.close();
    throw error;
  });
  const api = await createApi(db, config);
  const url = await api.listen();
  api.logger.info(`Claimdesk API on ${url}/graphql using the ${describeTarget(db.target)}`);
  // The intake worker runs inside the API unless CLAIMDESK_WORKER=off (then run `npm run worker`).
  // The embedded database belongs to one process, so there it always runs here.
  let worker: IntakeWorker | undefined;
  if (process.env.CLAIMDESK_WORKER !== "off" || db.target.kind === "pglite") {
    worker = await startIntakeWorker(db, { analyse: analyseArticle, logger: api.logger.child({ component: "intake" }) });
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    api.logger.info({ signal }, "shutting down: draining requests");
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    await api.stop();
    await worker?.stop();
    await db.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseError || error instanceof ConfigError) {
    console.error(`error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
