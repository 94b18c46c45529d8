/**
 * A private PostgreSQL cluster for tests that stop and restart the server,
 * so the shared test server is never touched. Runs the Debian binaries as the
 * postgres user (initdb refuses root).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./ports.ts";

const binDir = (() => {
  const base = "/usr/lib/postgresql";
  const version = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  return version ? path.join(base, version, "bin") : null;
})();

export const privateClustersAvailable = !!binDir && process.getuid?.() === 0;

function asPostgres(command: string): string {
  return execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", command], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export interface PrivateCluster {
  url: string;
  stopImmediately(): void;
  start(): void;
  destroy(): void;
  /** A hot-standby streaming replica of this cluster, made with pg_basebackup. */
  createReplica(): Promise<PrivateCluster>;
}

export async function createPrivateCluster(): Promise<PrivateCluster> {
  if (!binDir) throw new Error("PostgreSQL server binaries are not installed (apt-get install postgresql)");
  return startCluster((data) => asPostgres(`${binDir}/initdb -D ${data} -A trust -U postgres >/dev/null`));
}

/** Makes a data directory with `init`, then runs a server on it on a free port. */
async function startCluster(init: (dataDir: string) => void): Promise<PrivateCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-pg-"));
  fs.chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const port = await freePort();
  init(data);
  const start = () =>
    asPostgres(`${binDir}/pg_ctl -D ${data} -l ${dir}/log -w -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1" start >/dev/null`);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stopImmediately: () => asPostgres(`${binDir}/pg_ctl -D ${data} -m immediate stop >/dev/null`),
    start,
    destroy: () => {
      try {
        asPostgres(`${binDir}/pg_ctl -D ${data} -m immediate stop >/dev/null 2>&1 || true`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    // -R writes standby.signal and primary_conninfo: the copy starts as a
    // read-only hot standby streaming from this server.
    createReplica: () =>
      startCluster((replicaData) =>
        asPostgres(`${binDir}/pg_basebackup -h 127.0.0.1 -p ${port} -U postgres -D ${replicaData} -R -X stream -c fast >/dev/null`),
      ),
  };
}
