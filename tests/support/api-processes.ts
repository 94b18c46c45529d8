import type { ChildProcess } from "node:child_process";
import { migrate, openDatabase, seed } from "@claimdesk/db";
import { createTestTarget } from "@claimdesk/db/testing";
import { start, stop } from "../bench/harness.ts";
import { freePort } from "./ports.ts";

export interface ApiProcess {
  url: string;
  child: ChildProcess;
}

/**
 * Two processes of the built API as deployed (npm test builds it first) on one
 * freshly migrated and seeded PostgreSQL database: what "several API
 * processes" means in the README. `env` is added to each process's settings.
 */
export async function twoApiProcesses(env: Record<string, string> = {}): Promise<{ a: ApiProcess; b: ApiProcess; stop(): Promise<void> }> {
  const { target, drop } = await createTestTarget("postgres");
  if (target.kind !== "postgres") throw new Error("unreachable");
  const db = await openDatabase(target);
  await migrate(db.sql);
  await seed(db.prisma);
  await db.close();
  const one = async (): Promise<ApiProcess> => {
    const port = await freePort();
    const settings = {
      DATABASE_URL: target.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      CLAIMDESK_WORKER: "off",
    };
    return { url: `http://127.0.0.1:${port}`, child: await start(["apps/api/dist/main.mjs"], { ...settings, ...env }, port) };
  };
  const [a, b] = await Promise.all([one(), one()]);
  return {
    a,
    b,
    async stop() {
      await Promise.all([a, b].map((p) => stop(p.child)));
      await drop();
    },
  };
}
