/**
 * `npx tsx bench/desk-stats.ts [--scale N] [--keep]`: the dashboard's deskStats
 * query at the benchmark's scale (default 1: 50,000 claims), on PostgreSQL and
 * the embedded database, warm, 20 samples each; then the admin's article page
 * with 50 claims (see admin-render.ts) on PostgreSQL.
 *
 * With --keep the two databases stay (fixed names) and a later run with --keep
 * only migrates them: loading scale 1 into the embedded database takes minutes,
 * and before/after a migration is best measured on the same rows.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate, openDatabase, type DatabaseTarget } from "@claimdesk/db";
import { freePort } from "../support/ports.ts";
import { measureAdminRender } from "./admin-render.ts";
import { admin, baseUrl, freshPostgresDatabase, median, prepare, start, stop, token } from "./harness.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const scale = arg("scale", 1);
const keep = process.argv.includes("--keep");
const samples = 20;
const query = `{ deskStats(weeks: 12) { unassignedOpen recurringTotal weeks { weekStart published medianHoursToPublish recurring marked { status count } } verdicts { label count } openWork { name selected researching inReview } } }`;

async function time(url: string) {
  const ask = async () => {
    const started = performance.now();
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { errors?: unknown; data?: { deskStats: { weeks: { marked: { count: number }[] }[] } } };
    if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await ask();
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) ms.push(await ask());
  ms.sort((a, b) => a - b);
  return { p50: median(ms), p95: ms[Math.floor(ms.length * 0.95)]!, max: ms.at(-1)! };
}

/** A kept database already loaded at this scale: only its new migrations run. */
async function reuse(target: DatabaseTarget): Promise<number | null> {
  const db = await openDatabase(target);
  try {
    const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Claim" WHERE id LIKE 'bc%'`).catch(() => [{ n: 0 }]);
    if (!row?.n) return null;
    await migrate(db.sql);
    await db.sql.exec(`VACUUM ANALYZE`);
    return row.n;
  } finally {
    await db.close();
  }
}

const keptName = `claimdesk_bench_desk_stats_keep_${String(scale).replace(".", "_")}`;
const keptDir = path.join(os.tmpdir(), `claimdesk-desk-stats-keep-${scale}`);
let pgUrl: string;
let pgliteDir: string;
let claims: number | null = null;
if (keep) {
  pgUrl = Object.assign(new URL(baseUrl), { pathname: `/${keptName}` }).toString();
  pgliteDir = keptDir;
  const exists = (await admin(`SELECT 1 FROM pg_database WHERE datname = '${keptName}'`)).rowCount;
  if (exists && fs.existsSync(keptDir)) {
    const [pgClaims, pgliteClaims] = [await reuse({ kind: "postgres", url: pgUrl }), await reuse({ kind: "pglite", dataDir: keptDir })];
    if (pgClaims && pgClaims === pgliteClaims) claims = pgClaims;
  }
  if (claims === null) {
    pgUrl = await freshPostgresDatabase(keptName);
    fs.rmSync(keptDir, { recursive: true, force: true });
    fs.mkdirSync(keptDir, { recursive: true });
  }
} else {
  pgUrl = await freshPostgresDatabase("claimdesk_bench_desk_stats");
  pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-desk-stats-"));
}
if (claims === null) {
  claims = (await prepare({ kind: "postgres", url: pgUrl }, scale, "PostgreSQL")).claims;
  await prepare({ kind: "pglite", dataDir: pgliteDir }, scale, "PGlite");
}
console.log(`scale ${scale}: ${claims} claims${keep ? " (kept databases)" : ""}`);
// The sample accounts sign the admin in for the article page; production refuses them unless told.
const env = { NODE_ENV: "production", LOG_LEVEL: "warn", HOST: "127.0.0.1", CLAIMDESK_ALLOW_SAMPLE_ACCOUNTS: "true" };
const pgPort = await freePort();
const pglitePort = await freePort();
const pg = await start(["apps/api/dist/main.mjs"], { ...env, DATABASE_URL: pgUrl, PORT: String(pgPort) }, pgPort);
const pglite = await start(
  ["apps/api/dist/main.mjs"],
  { ...env, DATABASE_URL: "", CLAIMDESK_DATA_DIR: pgliteDir, PORT: String(pglitePort) },
  pglitePort,
);
try {
  for (const [name, port] of [
    ["PostgreSQL", pgPort],
    ["PGlite", pglitePort],
  ] as const) {
    const r = await time(`http://127.0.0.1:${port}`);
    console.log(
      `deskStats on ${name}, warm, ${samples} samples: p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, max ${r.max.toFixed(0)} ms`,
    );
  }
  if (!fs.existsSync(new URL("../../apps/admin/.next/BUILD_ID", import.meta.url))) {
    console.log("admin article page: not measured, the admin app is not built (npm run build)");
    process.exitCode = 1;
  } else {
    const render = await measureAdminRender({ kind: "postgres", url: pgUrl }, `http://127.0.0.1:${pgPort}`, 20);
    console.log(
      `admin article page, 50 claims (PostgreSQL, ${render.samples} renders): article and claims p50 ${render.articleP50.toFixed(0)} ms; whole page p50 ${render.pageP50.toFixed(0)} ms, p90 ${render.pageP90.toFixed(0)} ms; HTML ${render.htmlKb.toFixed(0)} KB`,
    );
  }
} finally {
  await stop(pg);
  await stop(pglite);
  if (!keep) fs.rmSync(pgliteDir, { recursive: true, force: true });
}
