/**
 * Writers through the API while PostgreSQL is killed (-m immediate) and
 * restarted: no acknowledged write is lost, none is applied twice, the API
 * survives, and /healthz reports the outage.
 */
import { createApi, loadConfig } from "@claimdesk/api";
import { migrate, openDatabase, seed } from "@claimdesk/db";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { databaseKinds } from "../support/databases.ts";
import { Client, accounts } from "../support/api.ts";
import { createPrivateCluster } from "../support/pg-cluster.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(databaseKinds().filter((k) => k === "postgres"))("PostgreSQL restart under load (%s)", () => {
  it("loses no acknowledged write and duplicates none", async () => {
    const cluster = await createPrivateCluster();
    const db = await openDatabase({ kind: "postgres", url: cluster.url }, { acquireTimeoutMs: 1000 });
    let api: Awaited<ReturnType<typeof createApi>> | undefined;
    try {
      await migrate(db.sql);
      await seed(db.prisma);
      api = await createApi(db, loadConfig({ NODE_ENV: "test", PORT: "0" }), pino({ level: process.env.CLAIMDESK_TEST_LOG ?? "silent" }));
      const url = await api.listen();
      const editor = await new Client(url).login(...accounts.editor);
      const writers = 4;
      const perWriter = 25;
      const acknowledged = new Set<string>();
      const outageAnswers = new Map<string, number>();
      let restartedAt = 0;
      let firstWriteAfterRestart = 0;

      const write = async (title: string) => {
        for (let attempt = 0; attempt < 400; attempt++) {
          try {
            const res = await fetch(`${url}/graphql`, {
              method: "POST",
              headers: { "content-type": "application/json", cookie: editor.cookie!, "idempotency-key": title },
              body: JSON.stringify({
                query: `mutation($input: CreateArticleInput!) { createArticle(input: $input) { __typename } }`,
                variables: { input: { title, body: "Written during an outage test." } },
              }),
            });
            const body = await res.json().catch(() => null);
            if (res.status === 200 && body?.data?.createArticle?.__typename === "MutationCreateArticleSuccess") {
              acknowledged.add(title);
              if (restartedAt && !firstWriteAfterRestart) firstWriteAfterRestart = Date.now();
              return;
            }
            const code = body?.errors?.[0]?.extensions?.code ?? `HTTP ${res.status}`;
            outageAnswers.set(code, (outageAnswers.get(code) ?? 0) + 1);
          } catch {
            outageAnswers.set("network", (outageAnswers.get("network") ?? 0) + 1);
          }
          await sleep(100);
        }
        throw new Error(`${title} never acknowledged`);
      };

      const load = Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = 0; i < perWriter; i++) await write(`restart-w${w}-${i}`);
        }),
      );
      await sleep(400);
      cluster.stopImmediately();
      await sleep(300);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(503);
      await sleep(1200);
      cluster.start();
      restartedAt = Date.now();
      await load;

      const rows = await db.prisma.article.groupBy({ by: ["title"], where: { title: { startsWith: "restart-" } }, _count: { _all: true } });
      const duplicates = rows.filter((r) => r._count._all > 1).length;
      const lost = [...acknowledged].filter((title) => !rows.some((r) => r.title === title)).length;
      console.log(
        `db restart: ${acknowledged.size} writes acknowledged, ${lost} lost, ${duplicates} duplicated; answers during the outage ${JSON.stringify(Object.fromEntries(outageAnswers))}; ` +
          `first write ${firstWriteAfterRestart - restartedAt} ms after restart`,
      );
      expect(acknowledged.size).toBe(writers * perWriter);
      expect(lost).toBe(0);
      expect(duplicates).toBe(0);
      expect(rows.length).toBe(writers * perWriter);
      expect(
        [...outageAnswers.keys()].every((code) => ["SERVICE_UNAVAILABLE", "IDEMPOTENCY_IN_PROGRESS"].includes(code)),
        JSON.stringify([...outageAnswers]),
      ).toBe(true);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      await api?.stop().catch(() => {});
      await db.close().catch(() => {});
      cluster.destroy();
    }
  }, 120_000);
});
