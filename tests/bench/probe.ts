/**
 * `npm run bench:probe -w @claimdesk/tests -- --op "desk list"`: one operation against one server, with the CPU split
 * between the server process and the PostgreSQL backends serving it. Answers
 * "is this cell bound by the API or by the database?" which the full table
 * cannot.
 *
 *   --op NAME        an operation of operations.ts (default "desk list")
 *   --variant V      ours-pg (default) or L
 *   --scale N        dataset size (default 1)
 *   --seconds N      measurement time (default 10)
 *   --connections N  (default 10)
 *   --reuse          keep the database of an earlier probe instead of loading a fresh one
 *   --node-flags S   node flags for the API only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" or "--trace-gc";
 *                    the end of the API's output is printed after the figures
 */
import fs from "node:fs";
import autocannon from "autocannon";
import { admin, cpuSeconds, freshPostgresDatabase, prepare, rssMb, serverLogs, serverPid, start, stop, token } from "./harness.ts";
import { operations } from "./operations.ts";
import { freePort } from "../support/ports.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const opName = option("op", "desk list");
const variant = option("variant", "ours-pg");
const scale = Number(option("scale", "1"));
const seconds = Number(option("seconds", "10"));
const connections = Number(option("connections", "10"));
const nodeFlags = option("node-flags", "").split(" ").filter(Boolean);
const database = `claimdesk_probe_${String(scale).replace(".", "_")}`;

const op = operations.find((o) => o.name === opName);
if (!op) throw new Error(`no operation "${opName}"; one of: ${operations.map((o) => o.name).join(", ")}`);

/** CPU seconds of the PostgreSQL backends connected to `database`. */
async function backendCpu(): Promise<number> {
  const { rows } = await admin(`SELECT pid FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`);
  return rows.reduce((sum: number, row: { pid: number }) => sum + (fs.existsSync(`/proc/${row.pid}/stat`) ? cpuSeconds(row.pid) : 0), 0);
}

async function main() {
  const exists = (await admin(`SELECT 1 FROM pg_database WHERE datname = '${database}'`)).rowCount === 1;
  let url: string;
  if (args.includes("--reuse") && exists) {
    url = Object.assign(new URL(process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres"), {
      pathname: `/${database}`,
    }).toString();
  } else {
    url = await freshPostgresDatabase(database);
    await prepare({ kind: "postgres", url }, scale, "PostgreSQL");
  }
  const port = await freePort();
  const server =
    variant === "L"
      ? await start(["tests/bench/limit-server.ts", url, String(port)], {}, port)
      : await start(
          ["apps/api/dist/main.mjs"],
          {
            NODE_ENV: "production",
            CLAIMDESK_ALLOW_SAMPLE_ACCOUNTS: "true",
            LOG_LEVEL: "warn",
            HOST: "127.0.0.1",
            DATABASE_URL: url,
            PORT: String(port),
          },
          port,
          nodeFlags,
        );
  try {
    const pid = serverPid(server);
    const request = {
      method: "POST" as const,
      path: "/graphql",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: op!.query, variables: op!.variables }),
    };
    // Warm up: JIT, pools, PostgreSQL's caches.
    await autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: 2, requests: [request] });
    const api0 = cpuSeconds(pid);
    const db0 = await backendCpu();
    const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: seconds, requests: [request] });
    const api = cpuSeconds(pid) - api0;
    const db = (await backendCpu()) - db0;
    const n = result.requests.total;
    console.log(
      `${op!.name} on ${variant}, scale ${scale}, ${connections} connections, ${seconds} s: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `${result.non2xx + result.errors} failed; CPU per request: server ${((api * 1000) / n).toFixed(2)} ms, PostgreSQL ${((db * 1000) / n).toFixed(2)} ms; server RSS ${rssMb(pid).toFixed(0)} MB`,
    );
    if (nodeFlags.length) console.log(`the API's output ends:\n${serverLogs.get(port) ?? ""}`);
  } finally {
    await stop(server);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`probe failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
