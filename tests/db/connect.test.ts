import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DatabaseLockedError, openDatabase, resolveTarget } from "@claimdesk/db";
import { describe, expect, it } from "vitest";

const dbPackage = new URL("../../packages/db/", import.meta.url).pathname;

function runMigrateCli(env: Record<string, string>) {
  return spawnSync("npx", ["tsx", "src/cli/migrate.ts"], { cwd: dbPackage, env: { ...process.env, ...env }, encoding: "utf8" });
}

describe("choosing the database", () => {
  it("uses the embedded database without DATABASE_URL, and the server with it", () => {
    expect(resolveTarget({ CLAIMDESK_DATA_DIR: "/tmp/x" })).toEqual({ kind: "pglite", dataDir: "/tmp/x" });
    expect(resolveTarget({ DATABASE_URL: "postgresql://u@h:5432/d" })).toEqual({ kind: "postgres", url: "postgresql://u@h:5432/d" });
    expect(() => resolveTarget({ DATABASE_URL: "mysql://u@h/d" })).toThrow(/must start with postgresql:\/\//);
  });

  it("reads replicas from DATABASE_REPLICA_URLS, only beside a server", () => {
    expect(
      resolveTarget({ DATABASE_URL: "postgresql://u@h/d", DATABASE_REPLICA_URLS: "postgresql://u@r1/d, postgresql://u@r2/d" }),
    ).toEqual({
      kind: "postgres",
      url: "postgresql://u@h/d",
      replicaUrls: ["postgresql://u@r1/d", "postgresql://u@r2/d"],
    });
    expect(() => resolveTarget({ DATABASE_REPLICA_URLS: "postgresql://u@r1/d" })).toThrow(/needs DATABASE_URL/);
    expect(() => resolveTarget({ DATABASE_URL: "postgresql://u@h/d", DATABASE_REPLICA_URLS: "r1:5432" })).toThrow(/DATABASE_REPLICA_URLS/);
  });

  it("an unreachable server gives one clear line naming the URL, without the password or a stack trace", () => {
    const result = runMigrateCli({ DATABASE_URL: "postgresql://claimdesk:secret@127.0.0.1:1/nowhere" });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: Cannot connect to PostgreSQL at postgresql:\/\/claimdesk:\*\*\*@127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/,
    );
    expect(result.stderr).not.toContain("secret");
  });

  it("a second process opening the same embedded database is refused clearly", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-lock-"));
    const db = await openDatabase({ kind: "pglite", dataDir });
    try {
      await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(DatabaseLockedError);
      const result = runMigrateCli({ CLAIMDESK_DATA_DIR: dataDir, DATABASE_URL: "" });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(/^error: The embedded database at .* is in use by process \d+/);
    } finally {
      await db.close();
    }
    // once closed it opens again
    const again = await openDatabase({ kind: "pglite", dataDir });
    await again.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
