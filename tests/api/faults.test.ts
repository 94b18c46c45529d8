import { spawnSync } from "node:child_process";
import { createApi, loadConfig } from "@claimdesk/api";
import { seed } from "@claimdesk/db";
import { createTestDatabase, createTestTarget } from "@claimdesk/db/testing";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { Client, accounts } from "../support/api.ts";

describe.each(databaseKinds().filter((k) => k === "postgres"))("pool exhaustion on %s", (kind) => {
  it("waits a bounded time, answers 503 with Retry-After, and recovers", async () => {
    const db = await createTestDatabase(kind, { poolSize: 2, acquireTimeoutMs: 300 });
    await seed(db.prisma);
    const api = await createApi(db, loadConfig({ NODE_ENV: "test", PORT: "0" }), pino({ level: "silent" }));
    const url = await api.listen();
    try {
      const editor = await new Client(url).login(...accounts.editor);
      // Hold every connection of the pool, as slow requests would.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const holders = [db.sql.transaction(() => held), db.sql.transaction(() => held)];
      await new Promise((r) => setTimeout(r, 50));
      const started = Date.now();
      const results = await Promise.all(Array.from({ length: 6 }, () => editor.request(`{ claims(first: 5) { totalCount } }`)));
      const waited = Date.now() - started;
      expect(results.map((r) => r.status)).toEqual(Array(6).fill(503));
      expect(results[0]!.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
      expect(results[0]!.headers.get("retry-after")).toBe("2");
      expect(waited).toBeLessThan(5_000);
      release();
      await Promise.all(holders);
      const after = await editor.request(`{ claims(first: 5) { totalCount } }`);
      expect(after.status).toBe(200);
      expect(after.data.claims.totalCount).toBe(5);
      console.log(`pool exhaustion: 6 requests over a held pool of 2 answered 503 after ${waited} ms; next request 200`);
    } finally {
      await api.stop();
      await db.destroy();
    }
  });
});

describe("start-up on an unmigrated database", () => {
  it("the API refuses to start, with one clear line", async () => {
    const { target, drop } = await createTestTarget("pglite");
    try {
      const result = spawnSync("npx", ["tsx", "src/main.ts"], {
        cwd: new URL("../../apps/api/", import.meta.url).pathname,
        env: { ...process.env, DATABASE_URL: "", CLAIMDESK_DATA_DIR: target.kind === "pglite" ? target.dataDir : "", PORT: "0" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(/^error: The database is missing \d+ migration\(s\) .*Run `npm run db:migrate`\.$/);
      console.log(`start-up on an unmigrated database: exit ${result.status}, "${result.stderr.trim()}"`);
    } finally {
      await drop();
    }
  });
});
