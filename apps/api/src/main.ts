import { DatabaseError, assertMigrated, describeTarget, openDatabase, sampleAccountsWithReadmePasswords } from "@claimdesk/db";
import { type IntakeWorker, startIntakeWorker } from "@claimdesk/intake";
import { analyseArticle } from "@claimdesk/schema";
import { ConfigError, loadConfig } from "./config.ts";
import { createApi } from "./server.ts";

// Start-up problems a person can fix print one line; the process exits 1.
async function main() {
  const config = loadConfig();
  const db = await openDatabase();
  let api: Awaited<ReturnType<typeof createApi>>;
  let url: string;
  try {
    await assertMigrated(db.sql);
    if (config.production && !config.allowSampleAccounts) await refuseSampleAccounts(db.prisma);
    api = await createApi(db, config);
    url = await api.listen().catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE")
        throw new ConfigError(`port ${config.port} is already in use (another Claimdesk API?); stop it or set PORT`);
      if (error.code === "EACCES") throw new ConfigError(`port ${config.port} may not be opened by this user; set PORT`);
      throw error;
    });
  } catch (error) {
    await db.close();
    throw error;
  }
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

/** Anyone who read the README could sign in as a sample account: a production server does not start with one. */
async function refuseSampleAccounts(prisma: Parameters<typeof sampleAccountsWithReadmePasswords>[0]) {
  const emails = await sampleAccountsWithReadmePasswords(prisma);
  if (emails.length === 0) return;
  throw new ConfigError(
    `the sample account${emails.length > 1 ? "s" : ""} ${emails.join(", ")} still ${emails.length > 1 ? "have their" : "has its"} README password. ` +
      "Deactivate or re-password them (create a real admin with npm run db:create-admin), " +
      "or set CLAIMDESK_ALLOW_SAMPLE_ACCOUNTS=true for a demonstration.",
  );
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseError || error instanceof ConfigError) {
    console.error(`error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
