import fs from "node:fs";
import path from "node:path";
import { DatabaseLockedError } from "./errors.ts";

/**
 * PGlite is one process's database: a second process opening the same data
 * directory would corrupt it. A pid file makes that a clear error instead.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "claimdesk.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockPath, "utf8"));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DatabaseLockedError(
          `The embedded database at ${dataDir} is in use by process ${owner}. Stop that process (e.g. the running API) first, or set DATABASE_URL to use a PostgreSQL server.`,
        );
      }
      if (owner === process.pid) {
        throw new DatabaseLockedError(`The embedded database at ${dataDir} is already open in this process; share one instance.`);
      }
      fs.rmSync(lockPath, { force: true }); // left by a process that died
    }
  }
  throw new DatabaseLockedError(`Could not lock the embedded database at ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
