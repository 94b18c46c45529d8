/**
 * The intake worker as its own process (`npm run worker`, the built
 * apps/api/dist/worker.mjs): killed mid-job and restarted it loses and
 * duplicates nothing; two of them on PostgreSQL share the work without doubles.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { type Database, migrate, openDatabase } from "@claimdesk/db";
import { createTestTarget } from "@claimdesk/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { type NewsServer, startNewsServer } from "../support/news-server.ts";
import { until } from "../support/intake.ts";

const workerScript = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../apps/api/dist/worker.mjs");
const children: ChildProcess[] = [];

function startWorker(databaseUrl: string, jobTimeoutSeconds = 3): ChildProcess & { log: string[] } {
  const child = spawn(process.execPath, [workerScript], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "info",
      CLAIMDESK_INTAKE_ALLOW_PRIVATE: "true",
      CLAIMDESK_INTAKE_SCHEDULE_MS: "100",
      CLAIMDESK_INTAKE_POLLING_SECONDS: "0.5",
      CLAIMDESK_INTAKE_MAINTENANCE_SECONDS: "1",
      CLAIMDESK_INTAKE_JOB_TIMEOUT_SECONDS: String(jobTimeoutSeconds),
      CLAIMDESK_INTAKE_CONCURRENCY: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  }) as ChildProcess & { log: string[] };
  child.log = [];
  // Whole lines: a chunk can end mid-line.
  for (const stream of [child.stdout!, child.stderr!])
    createInterface({ input: stream }).on("line", (line) => line && child.log.push(line));
  children.push(child);
  return child;
}

const ingestedBy = (child: { log: string[] }) => child.log.filter((line) => line.includes('"feed item ingested"')).length;

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

describe.each(databaseKinds().filter((kind) => kind === "postgres"))("worker processes on %s", () => {
  let site: NewsServer;
  beforeAll(async () => {
    site = await startNewsServer({ initialItems: 0 });
  });
  afterAll(() => site?.close());

  async function freshDatabase(items: number, name: string): Promise<{ db: Database; url: string; drop(): Promise<void>; feedId: string }> {
    const { target, drop } = await createTestTarget("postgres");
    const db = await openDatabase(target);
    await migrate(db.sql);
    const outlet = await db.prisma.outlet.create({ data: { name } });
    site.publish(items);
    const feed = await db.prisma.feed.create({ data: { outletId: outlet.id, url: `${site.url}/feeds/rss.xml`, intervalSeconds: 3600 } });
    return {
      db,
      url: (target as { url: string }).url,
      drop: async () => {
        await db.close();
        await drop();
      },
      feedId: feed.id,
    };
  }

  const settled = (db: Database, feedId: string, n: number) => async () =>
    (await db.prisma.feedItem.count({ where: { feedId } })) === n &&
    (await db.prisma.feedItem.count({ where: { feedId, status: "PENDING" } })) === 0;

  it("a worker killed mid-job and restarted loses and duplicates nothing", async () => {
    const t = await freshDatabase(8, "Kill test");
    try {
      site.articleDelayMs = 700;
      site.hits.clear();
      const first = startWorker(t.url);
      // Kill it while it holds jobs: articles saved, others being fetched.
      await until(
        "articles saved and fetches in flight",
        async () => (await t.db.prisma.article.count()) >= 2 && site.inFlight >= 1,
        30_000,
      );
      const savedAtKill = await t.db.prisma.article.count();
      const inFlightAtKill = site.inFlight;
      first.kill("SIGKILL");
      const killedAt = Date.now();
      const second = startWorker(t.url);
      await until("every item settled", settled(t.db, t.feedId, 8), 120_000);
      const recoveryMs = Date.now() - killedAt;

      const items = await t.db.prisma.feedItem.findMany({ where: { feedId: t.feedId } });
      expect(items.map((i) => i.status)).toEqual(Array(8).fill("INGESTED"));
      expect(new Set(items.map((i) => i.articleId)).size).toBe(8);
      expect(await t.db.prisma.article.count()).toBe(8);
      expect(await t.db.prisma.auditEvent.count({ where: { action: "article.intake" } })).toBe(8);
      // Jobs of the killed worker come back after their timeout and find their item done.
      await until(
        "the queue drained",
        async () => (await t.db.sql.query(`SELECT 1 FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`)).length === 0,
        60_000,
      );
      const jobs = await t.db.sql.query<{ name: string; state: string; n: number }>(
        `SELECT name, state, count(*)::int AS n FROM pgboss.job GROUP BY 1, 2 ORDER BY 1, 2`,
      );
      const failed = await t.db.sql.query(`SELECT name, state, retry_count, output FROM pgboss.job WHERE state IN ('active', 'failed')`);
      expect(failed, JSON.stringify(failed)).toEqual([]);
      const pageFetches = [...site.hits].filter(([p]) => p.startsWith("/wire/")).reduce((sum, [, n]) => sum + n, 0);
      console.log(
        `restart: killed with ${savedAtKill}/8 articles saved and ${inFlightAtKill} fetches in flight; the restarted worker finished in ${recoveryMs} ms ` +
          `(job timeout 3 s); jobs ${JSON.stringify(jobs)}; ${ingestedBy(second)} ingested after restart; 8/8 articles, 0 lost, 0 duplicated; ${pageFetches - 8} page(s) fetched again`,
      );
    } finally {
      site.articleDelayMs = 0;
      await t.drop();
    }
  }, 180_000);

  it("two workers share the work and never take one job twice", async () => {
    const t = await freshDatabase(0, "Race test");
    try {
      await t.db.prisma.feed.update({ where: { id: t.feedId }, data: { nextPollAt: new Date(Date.now() + 3600_000) } });
      site.hits.clear();
      // A long job timeout: on a loaded machine a slow job must not be taken for a lost one here.
      const a = startWorker(t.url, 60);
      const b = startWorker(t.url, 60);
      await until(
        "both workers ready",
        async () => [a, b].every((w) => w.log.some((l) => l.includes("intake worker using"))),
        90_000,
      ).catch((error: Error) => {
        // Say what each worker printed and whether it is still running.
        const state = [a, b].map((w, i) => `worker ${i + 1} (exit ${w.exitCode}):\n${w.log.join("\n")}`).join("\n");
        throw new Error(`${error.message}\n${state}`);
      });
      site.articleDelayMs = 150;
      // 20 new stories at once (the site now has 8 + 20 items; the 8 from before are new to this database too).
      site.publish(20);
      const total = site.feedItems().length;
      await t.db.prisma.feed.update({ where: { id: t.feedId }, data: { nextPollAt: new Date() } });
      await until("every item settled", settled(t.db, t.feedId, total), 120_000);

      expect(await t.db.prisma.article.count()).toBe(total);
      expect(await t.db.prisma.auditEvent.count({ where: { action: "article.intake" } })).toBe(total);
      // Each page fetched exactly once: no job ran in both workers.
      const fetches = [...site.hits].filter(([p]) => p.startsWith("/wire/"));
      expect(fetches).toHaveLength(total);
      expect(fetches.every(([, n]) => n === 1)).toBe(true);
      const [byA, byB] = [ingestedBy(a), ingestedBy(b)];
      expect(byA + byB).toBe(total);
      expect(byA).toBeGreaterThan(0);
      expect(byB).toBeGreaterThan(0);
      console.log(`two workers: ${total} items, ${byA} + ${byB} ingested, every page fetched once`);
    } finally {
      site.articleDelayMs = 0;
      await t.drop();
    }
  }, 180_000);
});

describe.each(databaseKinds().filter((kind) => kind === "pglite"))("worker process on %s", (kind) => {
  it("the embedded database belongs to the API process: a separate worker is refused in words", async () => {
    const { target, drop } = await createTestTarget(kind);
    const db = await openDatabase(target);
    try {
      const child = spawn(process.execPath, [workerScript], {
        env: { PATH: process.env.PATH, CLAIMDESK_DATA_DIR: (target as { dataDir: string }).dataDir },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (c: Buffer) => (output += c));
      child.stderr.on("data", (c: Buffer) => (output += c));
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(code).toBe(1);
      expect(output).toMatch(/is in use by process \d+/);
    } finally {
      await db.close();
      await drop();
    }
  }, 180_000);
});
