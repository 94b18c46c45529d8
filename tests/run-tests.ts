/**
 * `npm test`: decides which database suites can run, then runs vitest.
 * The PGlite suites always run. The PostgreSQL suites run against
 * TEST_DATABASE_URL (default: the local server); if it is unreachable they are
 * skipped with a loud warning, and with CI=true that is a failure instead.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const url = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const ci = process.env.CI === "true" || process.env.CI === "1";

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const failure = await reachable();
const kinds = ["pglite"];
const safeUrl = url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
if (failure) {
  const banner = `PostgreSQL at ${safeUrl} is unreachable (${failure}): the PostgreSQL database suites are SKIPPED; only the embedded-database (PGlite) suites run.`;
  if (ci) {
    console.error(`\nerror: ${banner}\nCI=true requires them. Start PostgreSQL or set TEST_DATABASE_URL.\n`);
    process.exit(1);
  }
  console.warn(`\n${"!".repeat(100)}\nWARNING: ${banner}\nSet TEST_DATABASE_URL=postgresql://… to run them.\n${"!".repeat(100)}\n`);
} else {
  kinds.push("postgres");
  console.log(`database suites: PGlite and PostgreSQL (${safeUrl})`);
}

const summaryFile = path.join(os.tmpdir(), `claimdesk-vitest-${process.pid}.json`);
const result = spawnSync(
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${summaryFile}`, ...process.argv.slice(2)],
  { stdio: "inherit", env: { ...process.env, TEST_DATABASE_URL: url, CLAIMDESK_TEST_DATABASES: kinds.join(",") } },
);
if (fs.existsSync(summaryFile)) {
  const summary = JSON.parse(fs.readFileSync(summaryFile, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  fs.rmSync(summaryFile);
  if (!failure) console.log(`database suites run: ${kinds.join(", ")}`);
  else console.log(`database suites run: ${kinds.join(", ")} (PostgreSQL skipped: unreachable)`);
  console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`);
}
process.exit(result.status ?? 1);
