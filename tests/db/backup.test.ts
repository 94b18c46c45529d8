import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { backupDatabase, openDatabase, restoreDatabase, seed, type SqlRunner } from "@claimdesk/db";
import { createTestDatabase, createTestTarget } from "@claimdesk/db/testing";
import { describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";

/** Row count and an md5 of every row, per table: equal only if the data is. */
async function fingerprint(sql: SqlRunner): Promise<Record<string, string>> {
  const tables = await sql.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await sql.query<{ n: number; sum: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS sum FROM "${t}" x`,
    );
    out[t] = `${row!.n}:${row!.sum}`;
  }
  return out;
}

describe.each(databaseKinds())("backup and restore on %s", (kind) => {
  it("round-trips every row, and refuses to restore over data", async () => {
    const source = await createTestDatabase(kind);
    await seed(source.prisma);
    await source.prisma.comment.create({
      data: { claimId: "seed-claim-45-mous", authorId: "seed-user-editor", body: "Ünïcode survives 🙂" },
    });
    const before = await fingerprint(source.sql);
    expect(Number(before.Claim!.split(":")[0])).toBe(5);
    await source.close();

    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-backup-")),
      kind === "pglite" ? "backup.tar.gz" : "backup.dump",
    );
    await backupDatabase(source.target, file);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    const { target, drop } = await createTestTarget(kind);
    try {
      await restoreDatabase(target, file);
      const restored = await openDatabase(target);
      try {
        expect(await fingerprint(restored.sql)).toEqual(before);
        const rows = Object.values(before).reduce((n, v) => n + Number(v.split(":")[0]), 0);
        console.log(
          `backup (${kind}): ${Object.keys(before).length} tables, ${rows} rows restored with equal counts and checksums; ${fs.statSync(file).size} bytes`,
        );
      } finally {
        await restored.close();
      }
      await expect(restoreDatabase(target, file)).rejects.toThrow(/is not empty/);
    } finally {
      await drop();
      await source.destroy().catch(() => {});
    }
  });
});
