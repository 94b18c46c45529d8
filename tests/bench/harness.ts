/**
 * What the benchmark and the soak share: preparing databases, starting
 * servers as their own processes, and reading a process's CPU and memory.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { type DatabaseTarget, migrate, openDatabase, seed } from "@claimdesk/db";
import pg from "pg";
import { loadDataset } from "./dataset.ts";

export const baseUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
export const root = new URL("../../", import.meta.url).pathname;
/** An API token for the sample editor, created in every prepared database. */
export const token = "cdk_benchmark_token_not_a_secret";

export async function admin(sql: string) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database on the PostgreSQL server; returns its URL. */
export async function freshPostgresDatabase(name: string): Promise<string> {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  return Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString();
}

/** Migrates, seeds and bulk-loads the dataset at `scale`, and adds the benchmark's token. */
export async function prepare(target: DatabaseTarget, scale: number, label: string) {
  const db = await openDatabase(target);
  try {
    await migrate(db.sql);
    await seed(db.prisma);
    const sizes = await loadDataset(db.sql, scale, label);
    await db.prisma.apiToken.create({
      data: {
        name: "benchmark",
        prefix: token.slice(0, 10),
        tokenHash: createHash("sha256").update(token).digest("hex"),
        scopes: ["read", "write"],
        userId: "seed-user-editor",
      },
    });
    return sizes;
  } finally {
    await db.close();
  }
}

export const serverLogs = new Map<number, string>();

/**
 * Load generators send from one address with one token: limits far above
 * anything they send, so that the per-client limit is paid for (one upsert
 * per request) and measured, but never refuses a request.
 */
export const generousRateLimits = { CLAIMDESK_RATE_LIMIT_ANONYMOUS: "1000000000", CLAIMDESK_RATE_LIMIT_TOKEN: "1000000000" };

/**
 * Runs a server in its own process group and resolves once it answers HTTP on
 * `port`: built JavaScript (`.mjs`, the API as deployed) with node, TypeScript with tsx;
 * `nodeFlags` go to node (profiling, GC tracing).
 */
export function start(command: string[], env: Record<string, string>, port: number, nodeFlags: string[] = []): Promise<ChildProcess> {
  const [file, ...rest] = command as [string, ...string[]];
  const [program, argv] = file.endsWith(".mjs")
    ? [process.execPath, ["--enable-source-maps", ...nodeFlags, file, ...rest]]
    : ["npx", ["tsx", ...nodeFlags, file, ...rest]];
  // Own process group, so stopping it stops npx, tsx and the server alike.
  const child = spawn(program, argv, {
    cwd: root,
    env: { ...generousRateLimits, ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout!.on("data", (d) => serverLogs.set(port, (log += d).slice(-4000)));
  child.stderr!.on("data", (d) => serverLogs.set(port, (log += d).slice(-4000)));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    child.once("exit", (code) => reject(new Error(`server on :${port} exited (${code}): ${log.slice(-2000)}`)));
    const poll = async () => {
      try {
        await fetch(`http://127.0.0.1:${port}/stats`).catch(() => fetch(`http://127.0.0.1:${port}/healthz`));
        resolve(child);
      } catch {
        if (child.exitCode !== null || Date.now() > deadline) reject(new Error(`server on :${port} did not start: ${log}`));
        else setTimeout(() => void poll(), 200);
      }
    };
    void poll();
  });
}

/** Stops the server's process group; resolves once the process has exited (it drains first). */
export function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    setTimeout(resolve, 15_000).unref();
  });
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone
  }
  return exited;
}

/** The server process's own pid (npx → tsx → node): the deepest descendant. */
export function serverPid(child: ChildProcess): number {
  let pid = child.pid!;
  for (;;) {
    const kids = fs.existsSync(`/proc/${pid}/task/${pid}/children`)
      ? fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)
      : [];
    if (!kids.length) return pid;
    pid = Number(kids.at(-1));
  }
}

const clockTicks = 100; // Linux USER_HZ
/** CPU seconds (user + system) the process has used. */
export const cpuSeconds = (pid: number) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
};
export const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
