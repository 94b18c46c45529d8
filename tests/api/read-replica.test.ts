/**
 * Reads routed to a PostgreSQL streaming replica (pg_basebackup -R on this
 * machine) through Prisma's read-replicas extension: queries are answered by
 * the replica, writes and sessions go to the primary. Replay is paused on the
 * replica to make the routing visible: a committed write is missing from
 * queries until replay resumes.
 */
import { createApi, loadConfig } from "@claimdesk/api";
import { migrate, openDatabase, seed } from "@claimdesk/db";
import pg from "pg";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { Client, accounts } from "../support/api.ts";
import { createPrivateCluster } from "../support/pg-cluster.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const countArticles = `{ articles(first: 1) { totalCount } }`;

describe.each(databaseKinds().filter((k) => k === "postgres"))("read replica (%s)", () => {
  it("serves queries from the replica and writes from the primary", async () => {
    const primary = await createPrivateCluster();
    let replica: Awaited<ReturnType<typeof primary.createReplica>> | undefined;
    const cleanup: (() => Promise<unknown>)[] = [];
    try {
      const setup = await openDatabase({ kind: "postgres", url: primary.url });
      await migrate(setup.sql);
      await seed(setup.prisma);
      await setup.close();
      replica = await primary.createReplica();
      const replicaAdmin = new pg.Client({ connectionString: replica.url });
      await replicaAdmin.connect();
      cleanup.push(() => replicaAdmin.end());
      expect((await replicaAdmin.query("SELECT pg_is_in_recovery() AS standby")).rows[0].standby).toBe(true);

      const statements = { primary: [] as string[], replica: [] as string[] };
      const db = await openDatabase(
        { kind: "postgres", url: primary.url, replicaUrls: [replica.url] },
        { onQuery: (sql, onReplica) => (onReplica === undefined ? statements.primary : statements.replica).push(sql) },
      );
      cleanup.push(() => db.close());
      const api = await createApi(db, loadConfig({ NODE_ENV: "test", PORT: "0" }), pino({ level: "silent" }));
      cleanup.unshift(() => api.stop());
      const url = await api.listen();
      const editor = await new Client(url).login(...accounts.editor);

      const before = (await editor.ok(countArticles)).articles.totalCount as number;
      expect(before).toBeGreaterThan(0);
      expect(statements.replica.length).toBeGreaterThan(0);

      // Replay paused: the replica keeps answering, frozen at this point.
      await replicaAdmin.query("SELECT pg_wal_replay_pause()");
      statements.primary.length = 0;
      statements.replica.length = 0;
      const created = await editor.ok(
        `mutation { createArticle(input: { title: "Written to the primary", body: "Replicas catch up." }) { ... on MutationCreateArticleSuccess { data { id title } } } }`,
      );
      expect(created.createArticle.data.title).toBe("Written to the primary"); // a mutation reads its own write
      expect(statements.primary.some((sql) => sql.startsWith("INSERT"))).toBe(true);
      expect(statements.replica).toEqual([]);

      // A new session works at once: sessions are read on the primary.
      const checker = await new Client(url).login(...accounts.checker);
      expect((await checker.ok(`{ me { name } }`)).me.name).toBeTruthy();

      statements.primary.length = 0;
      statements.replica.length = 0;
      expect((await editor.ok(countArticles)).articles.totalCount).toBe(before);
      expect(await editor.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: created.createArticle.data.id })).toEqual({ node: null });
      const primaryReads = statements.primary.filter((sql) => !/"Session"|"User"|"ApiToken"/.test(sql));
      expect(primaryReads, "only the viewer lookup reads the primary during a query").toEqual([]);
      const replicaStatements = statements.replica.length;

      await replicaAdmin.query("SELECT pg_wal_replay_resume()");
      const resumedAt = Date.now();
      let after = before;
      while (after === before && Date.now() - resumedAt < 10_000) {
        await sleep(20);
        after = (await editor.ok(countArticles)).articles.totalCount;
      }
      expect(after).toBe(before + 1);
      console.log(
        `read replica: 2 queries answered by the replica (${replicaStatements} statements there; on the primary only the viewer lookup); ` +
          `a write stayed invisible while replay was paused and appeared ${Date.now() - resumedAt} ms after resume`,
      );
    } finally {
      for (const step of cleanup) await step().catch(() => {});
      replica?.destroy();
      primary.destroy();
    }
  }, 120_000);
});
