/**
 * `npx tsx bench/desk-stats.ts [--scale N]`: the dashboard's deskStats query
 * at the benchmark's scale (default 1: 50,000 claims), on PostgreSQL and the
 * embedded database, warm, 20 samples each; then the admin's article page with
 * 50 claims (see admin-render.ts) on PostgreSQL.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../support/ports.ts";
import { measureAdminRender } from "./admin-render.ts";
import { freshPostgresDatabase, median, prepare, start, stop, token } from "./harness.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const scale = arg("scale", 1);
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
  return { p50: median(ms), p90: ms[Math.floor(ms.length * 0.9)]!, max: ms.at(-1)! };
}

const pgUrl = await freshPostgresDatabase("claimdesk_bench_desk_stats");
const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-desk-stats-"));
const sizes = await prepare({ kind: "postgres", url: pgUrl }, scale, "PostgreSQL");
await prepare({ kind: "pglite", dataDir: pgliteDir }, scale, "PGlite");
console.log(`scale ${scale}: ${sizes.articles} articles, ${sizes.claims} claims`);
const env = { NODE_ENV: "production", LOG_LEVEL: "warn", HOST: "127.0.0.1" };
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
      `deskStats on ${name}, warm, ${samples} samples: p50 ${r.p50.toFixed(0)} ms, p90 ${r.p90.toFixed(0)} ms, max ${r.max.toFixed(0)} ms`,
    );
  }
  const render = await measureAdminRender({ kind: "postgres", url: pgUrl }, `http://127.0.0.1:${pgPort}`, 10);
  console.log(
    `admin article page, 50 claims (PostgreSQL, ${render.samples} renders): article and claims p50 ${render.articleP50.toFixed(0)} ms; whole page p50 ${render.pageP50.toFixed(0)} ms, p90 ${render.pageP90.toFixed(0)} ms; HTML ${render.htmlKb.toFixed(0)} KB`,
  );
} finally {
  await stop(pg);
  await stop(pglite);
  fs.rmSync(pgliteDir, { recursive: true, force: true });
}
