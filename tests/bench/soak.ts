/**
 * `npm run soak`: mixed read/write traffic from the benchmark's operations
 * against one API process for a long time, in windows, checking every body.
 * Prints per-window throughput, p99 and memory, then the verdict: errors,
 * wrong bodies, acknowledged writes lost, worst p99, memory growth.
 *
 *   --seconds N      how long (default 600)
 *   --window N       seconds per reported window (default 10)
 *   --connections N  concurrent connections (default 10)
 *   --db KIND        postgres (TEST_DATABASE_URL's server, default) or pglite
 *   --scale N        dataset size, as in the benchmark (default 0.1)
 *   --max-p99 MS     an absolute p99 bound every window must keep (default: none;
 *                    without it p99 is judged on drift: the late half's median
 *                    window p99 at most 1.5× the early half's)
 *   --short          CI smoke: 12 s in 2-s windows at scale 0.02; p99 and
 *                    memory are printed but not judged (too short to mean anything)
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase, type DatabaseTarget } from "@claimdesk/db";
import { freshPostgresDatabase, median, prepare, root, rssMb, serverLogs, serverPid, start, stop, token } from "./harness.ts";
import { operations } from "./operations.ts";
import { freePort } from "../support/ports.ts";

const args = process.argv.slice(2);
const short = args.includes("--short");
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const textOption = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? String(args[i + 1]) : fallback;
};
const seconds = option("seconds", short ? 12 : 600);
const windowSeconds = option("window", short ? 2 : 10);
const connections = option("connections", 10);
const scale = option("scale", short ? 0.02 : 0.1);
const maxP99 = option("max-p99", Number.POSITIVE_INFINITY);
const kindOption = textOption("db", "postgres");
if (kindOption !== "postgres" && kindOption !== "pglite") throw new Error(`--db must be postgres or pglite (got ${kindOption})`);
const kind: DatabaseTarget["kind"] = kindOption;

// Each connection cycles through this sequence: six reads to one write.
const mix = [
  "desk list",
  "article page",
  "search",
  "source → claims → articles",
  "desk list",
  "article page",
  "create claim + 3 sources",
].map((name) => {
  const op = operations.find((o) => o.name === name);
  if (!op) throw new Error(`no operation ${name}`);
  return op;
});
const writeOp = mix.at(-1)!;

interface Window {
  second: number;
  requests: number;
  "req/s": number;
  "p50 ms": number;
  "p99 ms": number;
  errors: number;
  wrong: number;
  "rss MB": number;
}

async function main() {
  console.log(
    `Claimdesk soak: ${seconds} s in ${windowSeconds}-s windows, ${connections} connections, ${kind}, scale ${scale}${short ? " (short mode)" : ""}`,
  );
  const target: DatabaseTarget =
    kind === "postgres"
      ? { kind, url: await freshPostgresDatabase("claimdesk_soak") }
      : { kind, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-soak-")) };
  const sizes = await prepare(target, scale, kind);
  const port = await freePort();
  const env = {
    NODE_ENV: "production",
    CLAIMDESK_ALLOW_SAMPLE_ACCOUNTS: "true",
    // The soak measures the API; --worker runs the feed worker inside it as the quick start does.
    CLAIMDESK_WORKER: args.includes("--worker") ? "on" : "off",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    PORT: String(port),
    ...(target.kind === "postgres" ? { DATABASE_URL: target.url } : { DATABASE_URL: "", CLAIMDESK_DATA_DIR: target.dataDir }),
  };
  let server: ChildProcess | undefined = await start(["apps/api/dist/main.mjs"], env, port);
  const windows: Window[] = [];
  const acknowledged: string[] = []; // ids of created claims whose answer arrived
  try {
    const pid = serverPid(server);
    let wrongDetail = "";
    const requests = mix.map((op) => ({
      method: "POST" as const,
      path: "/graphql",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: op.query, variables: op.variables }),
      onResponse: (status: number, body: string) => {
        let parsed: any = null;
        try {
          parsed = JSON.parse(body);
        } catch {
          // counted as wrong below
        }
        const problem =
          status !== 200 ? `HTTP ${status}` : parsed?.errors ? JSON.stringify(parsed.errors).slice(0, 200) : op.check(parsed, sizes);
        if (problem) {
          wrongCount++;
          wrongDetail ||= `${op.name}: ${problem}`;
        } else if (op === writeOp) {
          acknowledged.push(
            Buffer.from(parsed.data.createClaim.data.id, "base64")
              .toString()
              .replace(/^Claim:/, ""),
          );
        }
      },
    }));
    let wrongCount = 0;
    for (let elapsed = 0; elapsed < seconds; elapsed += windowSeconds) {
      wrongCount = 0;
      const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: windowSeconds, requests });
      const row: Window = {
        second: elapsed + windowSeconds,
        requests: result.requests.total,
        "req/s": Math.round(result.requests.average),
        "p50 ms": result.latency.p50,
        "p99 ms": result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
        wrong: wrongCount,
        "rss MB": Math.round(rssMb(pid)),
      };
      windows.push(row);
      process.stderr.write(
        `${row.second}/${seconds} s: ${row["req/s"]} req/s, p99 ${row["p99 ms"]} ms, ${row.errors} errors, ${row.wrong} wrong, ${row["rss MB"]} MB\n`,
      );
    }
    console.table(windows);
    await stop(server); // the embedded database is free once the API has exited
    server = undefined;

    // Every acknowledged write is in the database. Writes whose answer was cut
    // off when a window ended are stored too, but not counted as acknowledged.
    const db = await openDatabase(target);
    const stored = await db.prisma.claim.findMany({
      where: { claimReviewed: (writeOp.variables.input as { quote: string }).quote },
      select: { id: true },
    });
    await db.close();
    const storedIds = new Set(stored.map((c) => c.id));
    const lost = acknowledged.filter((id) => !storedIds.has(id)).length;

    const total = windows.reduce((n, w) => n + w.requests, 0);
    const errors = windows.reduce((n, w) => n + w.errors, 0);
    const wrong = windows.reduce((n, w) => n + w.wrong, 0);
    const worstP99 = Math.max(...windows.map((w) => w["p99 ms"]));
    // Memory: the first window warms up; compare the first and last halves of the rest.
    const steady = windows.slice(1);
    const half = Math.max(1, Math.floor(steady.length / 2));
    const rssEarly = median(steady.slice(0, half).map((w) => w["rss MB"]));
    const rssLate = median(steady.slice(-half).map((w) => w["rss MB"]));
    const growth = (rssLate - rssEarly) / rssEarly;
    const memoryFlat = rssLate - rssEarly <= Math.max(20, rssEarly * 0.1);
    const p99Early = median(steady.slice(0, half).map((w) => w["p99 ms"]));
    const p99Late = median(steady.slice(-half).map((w) => w["p99 ms"]));
    const p99Steady = p99Late <= p99Early * 1.5;
    console.log(
      `soak: ${seconds} s, ${total} requests (${Math.round(total / seconds)}/s), ${errors} errors, ${wrong} wrong bodies; ` +
        `${acknowledged.length} writes acknowledged, ${lost} lost (${stored.length} stored, ${stored.length - acknowledged.length + lost} with answers cut off at window ends); ` +
        `window p99 median ${p99Early} → ${p99Late} ms, worst ${worstP99} ms (${short ? "not judged in short mode" : p99Steady ? "steady" : "drifting"}${Number.isFinite(maxP99) ? `, bound ${maxP99}` : ""}); ` +
        `RSS ${rssEarly} → ${rssLate} MB (${(growth * 100).toFixed(1)}%${short ? ", not judged in short mode" : memoryFlat ? ", flat" : ", growing"})`,
    );
    const file = path.join(
      root,
      "tests/bench/results",
      `soak-${short ? "short-" : ""}${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
    );
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
          seconds,
          connections,
          kind,
          scale,
          windows,
          writesAcknowledged: acknowledged.length,
          writesStored: stored.length,
          lost,
        },
        null,
        2,
      ),
    );
    console.log(`results: ${path.relative(root, file)}`);

    const failures = [
      errors && `${errors} errors`,
      wrong && `${wrong} wrong bodies (first: ${wrongDetail})`,
      lost && `${lost} acknowledged writes missing from the database`,
      !short && worstP99 > maxP99 && `p99 ${worstP99} ms over the ${maxP99} ms bound`,
      !short && !p99Steady && `p99 drifted from ${p99Early} to ${p99Late} ms`,
      !short && !memoryFlat && `memory grew from ${rssEarly} to ${rssLate} MB`,
    ].filter(Boolean);
    if (failures.length) throw new Error(failures.join("; "));
  } catch (error) {
    if (server) console.error(serverLogs.get(port) ?? "");
    throw error;
  } finally {
    if (server) await stop(server);
    if (target.kind === "pglite") fs.rmSync(target.dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`soak failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
