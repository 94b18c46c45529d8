/**
 * `npm run bench`: the API side by side with the hand-written-SQL limit (L)
 * and a naive resolver-per-field floor (F), on the same data.
 *
 *   --scale N     dataset size (1 = 10,000 articles, 50,000 claims …)
 *   --seconds N   duration of each measurement cell (default 5)
 *   --rounds N    rounds, interleaved; medians are reported (default 3)
 *   --short       CI smoke: scale 0.02, 1-second cells
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "@claimdesk/db";
import { createApi, loadConfig } from "@claimdesk/api";
import pino from "pino";
import {
  admin,
  cpuSeconds as cpu,
  freshPostgresDatabase,
  median,
  prepare,
  root,
  rssMb,
  serverLogs,
  serverPid,
  start,
  stop,
  token,
  generousRateLimits,
} from "./harness.ts";
import { measureAdminRender } from "./admin-render.ts";
import { operations } from "./operations.ts";
import { freePort } from "../support/ports.ts";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const short = flag("short");
const scale = option("scale", short ? 0.02 : 1);
const seconds = option("seconds", short ? 1 : 5);
const rounds = option("rounds", 3);
type Variant = "L" | "ours-pg" | "ours-pglite" | "F";
const variants: Variant[] = ["L", "ours-pg", "ours-pglite", "F"];

interface Cell {
  rps: number;
  p99: number;
  p50one: number;
  cpuMsPerRequest: number;
  wrongBodies: number;
}

/**
 * A cell lasts `seconds`, or longer when one request alone takes a large part
 * of it: at 10 connections a server that answers one request at a time (the
 * embedded database) finishes its first in 10× the single latency, and a cell
 * that ends before that measures nothing.
 */
const cellSeconds = (singleMs: number) => Math.min(Math.max(seconds, Math.ceil((2.5 * 10 * singleMs) / 1000)), short ? 3 : 60);

async function measure(
  url: string,
  op: (typeof operations)[number],
  sizes: { articles: number },
  pid: number,
  singleMs: number,
): Promise<Cell> {
  let wrong = 0;
  const body = JSON.stringify({ query: op.query, variables: op.variables });
  const request = {
    method: "POST" as const,
    path: "/graphql",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body,
    onResponse: (status: number, responseBody: string) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(responseBody);
      } catch {
        parsed = null;
      }
      if (status !== 200 || (parsed as { errors?: unknown })?.errors || op.check(parsed, sizes)) wrong++;
    },
  };
  const cpuBefore = cpu(pid);
  const duration = cellSeconds(singleMs);
  // A slow answer is latency, not a failure: autocannon's 10-s default timeout
  // counted the embedded database's queued searches (8.6 s p99) as wrong.
  const ten = await autocannon({ url, connections: 10, duration, timeout: 60, requests: [request] });
  const cpuAfter = cpu(pid);
  const one = await autocannon({ url, connections: 1, duration: Math.max(1, duration / 2), timeout: 60, requests: [request] });
  return {
    rps: ten.requests.average,
    p99: ten.latency.p99,
    p50one: one.latency.p50,
    cpuMsPerRequest: ten.requests.total ? ((cpuAfter - cpuBefore) * 1000) / ten.requests.total : Number.NaN,
    // Requests that never completed count as wrong too.
    wrongBodies:
      wrong + ten.non2xx + ten.errors + ten.timeouts + one.non2xx + one.errors + one.timeouts + (ten.requests.total === 0 ? 1 : 0),
  };
}

async function main() {
  console.log(`Claimdesk benchmark: scale ${scale}, ${seconds}s cells, ${rounds} rounds${short ? " (short mode)" : ""}`);
  const pgUrl = await freshPostgresDatabase("claimdesk_bench");
  const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-bench-"));
  const sizes = await prepare({ kind: "postgres", url: pgUrl }, scale, "PostgreSQL");
  await prepare({ kind: "pglite", dataDir: pgliteDir }, scale, "PGlite");
  console.log(
    `dataset: ${sizes.articles} articles, ${sizes.claims} claims, ${sizes.sources} sources, ${sizes.links} claim-source links, ${sizes.people} people`,
  );

  const ports = { L: await freePort(), "ours-pg": await freePort(), "ours-pglite": await freePort(), F: await freePort() } as Record<
    Variant,
    number
  >;
  const apiEnv = {
    NODE_ENV: "production",
    CLAIMDESK_ALLOW_SAMPLE_ACCOUNTS: "true",
    CLAIMDESK_WORKER: "off",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
  };
  const servers: Record<Variant, ChildProcess> = {
    L: await start(["tests/bench/limit-server.ts", pgUrl, String(ports.L)], {}, ports.L),
    "ours-pg": await start(
      ["apps/api/dist/main.mjs"],
      { ...apiEnv, DATABASE_URL: pgUrl, PORT: String(ports["ours-pg"]) },
      ports["ours-pg"],
    ),
    "ours-pglite": await start(
      ["apps/api/dist/main.mjs"],
      { ...apiEnv, DATABASE_URL: "", CLAIMDESK_DATA_DIR: pgliteDir, PORT: String(ports["ours-pglite"]) },
      ports["ours-pglite"],
    ),
    F: await start(["tests/bench/floor-server.ts", pgUrl, String(ports.F)], {}, ports.F),
  };
  try {
    const pids = Object.fromEntries(variants.map((v) => [v, serverPid(servers[v])])) as Record<Variant, number>;
    const url = (v: Variant) => `http://127.0.0.1:${ports[v]}`;

    // Correct, error-free bodies first, from every variant; and how long one takes.
    const ask = (v: Variant, op: (typeof operations)[number]) =>
      fetch(`${url(v)}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: op.query, variables: op.variables }),
      });
    const singleMs: Record<string, Partial<Record<Variant, number>>> = {};
    for (const op of operations) {
      singleMs[op.name] = {};
      for (const v of variants) {
        const res = await ask(v, op);
        const text = await res.text();
        let body: any;
        try {
          body = JSON.parse(text);
        } catch {
          throw new Error(`${v} answers "${op.name}" with HTTP ${res.status} and no JSON: ${text.slice(0, 200)}`);
        }
        const problem =
          res.status !== 200 ? `HTTP ${res.status}` : body.errors ? JSON.stringify(body.errors).slice(0, 200) : op.check(body, sizes);
        if (problem) throw new Error(`${v} answers "${op.name}" wrongly: ${problem}\n${serverLogs.get(ports[v]) ?? ""}`);
        // The first answer was cold (compilation, caches); the second is what a cell sees.
        const started = performance.now();
        await (await ask(v, op)).text();
        singleMs[op.name]![v] = performance.now() - started;
      }
    }

    // SQL statements per operation, counted at the driver.
    const statements: Record<string, Partial<Record<Variant, number>>> = {};
    const counted: string[] = [];
    const db = await openDatabase({ kind: "postgres", url: pgUrl }, { onQuery: (sql) => counted.push(sql) });
    const inProcess = await createApi(
      db,
      loadConfig({ NODE_ENV: "production", PORT: "0", ...generousRateLimits }),
      pino({ level: "silent" }),
    );
    const inProcessUrl = await inProcess.listen();
    for (const op of operations) {
      statements[op.name] = {};
      counted.length = 0;
      await fetch(`${inProcessUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: op.query, variables: op.variables }),
      });
      statements[op.name]!["ours-pg"] = counted.filter((s) => !/"ApiToken"/.test(s)).length;
      statements[op.name]!["ours-pglite"] = statements[op.name]!["ours-pg"];
      for (const v of ["L", "F"] as const) {
        const before = (await (await fetch(`${url(v)}/stats`)).json()).statements;
        await fetch(`${url(v)}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: op.query, variables: op.variables }),
        });
        statements[op.name]![v] = (await (await fetch(`${url(v)}/stats`)).json()).statements - before;
      }
    }
    await inProcess.stop();
    await db.close();

    const cells: Record<string, Partial<Record<Variant, Cell[]>>> = {};
    for (let round = 0; round < rounds; round++) {
      process.stderr.write(`round ${round + 1}/${rounds}\n`);
      for (const op of operations) {
        cells[op.name] ??= {};
        // Interleave, rotating who goes first.
        for (let k = 0; k < variants.length; k++) {
          const v = variants[(k + round) % variants.length]!;
          const cell = await measure(url(v), op, sizes, pids[v], singleMs[op.name]![v]!);
          (cells[op.name]![v] ??= []).push(cell);
        }
      }
    }

    const rss = Object.fromEntries(variants.map((v) => [v, rssMb(pids[v])])) as Record<Variant, number>;
    const rows: Record<string, unknown>[] = [];
    let wrongTotal = 0;
    for (const op of operations) {
      const med = (v: Variant, key: keyof Cell) => median(cells[op.name]![v]!.map((c) => c[key]));
      for (const v of variants) {
        const wrong = cells[op.name]![v]!.reduce((n, c) => n + c.wrongBodies, 0);
        wrongTotal += wrong;
        rows.push({
          operation: op.name,
          variant: v,
          "req/s@10": Math.round(med(v, "rps")),
          "×L": Number((med(v, "rps") / med("L", "rps")).toFixed(2)),
          "×F": Number((med(v, "rps") / med("F", "rps")).toFixed(2)),
          "p50@1 ms": Number(med(v, "p50one").toFixed(1)),
          "p99@10 ms": Number(med(v, "p99").toFixed(1)),
          sql: statements[op.name]![v],
          "cpu ms/req": Number(med(v, "cpuMsPerRequest").toFixed(2)),
          wrong,
        });
      }
    }
    console.table(rows);
    console.log(`RSS after the run (MB): ${variants.map((v) => `${v} ${rss[v].toFixed(0)}`).join(", ")}`);
    const render = await measureAdminRender({ kind: "postgres", url: pgUrl }, url("ours-pg"), short ? 5 : 30).catch((error: Error) => {
      throw new Error(`${error.message}\nthe API's log (ours-pg):\n${serverLogs.get(ports["ours-pg"]) ?? ""}`);
    });
    console.log(
      `admin article page, 50 claims, server-rendered by next start on ours-pg (${render.samples} renders): article and claims in p50 ${render.articleP50.toFixed(0)} ms; whole page p50 ${render.pageP50.toFixed(0)} ms, p90 ${render.pageP90.toFixed(0)} ms; ` +
        `its GraphQL data fetched alone p50 ${render.queryP50.toFixed(0)} ms; HTML ${render.htmlKb.toFixed(0)} KB`,
    );
    const pgVersion = (await admin("SELECT version()")).rows[0].version as string;
    const machine = {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      node: process.version,
      postgres: pgVersion,
      pglite: JSON.parse(fs.readFileSync(path.join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")).version,
      scale,
      seconds,
      rounds,
    };
    const outDir = path.join(root, "tests/bench/results");
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `${short ? "short-" : ""}${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify({ machine, dataset: sizes, rows, rss, adminArticlePage: render }, null, 2));
    console.log(`results: ${path.relative(root, file)}`);
    if (wrongTotal > 0) throw new Error(`${wrongTotal} responses were wrong or errors`);
  } finally {
    await Promise.all(Object.values(servers).map(stop));
    fs.rmSync(pgliteDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`benchmark failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
