import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError } from "./errors.ts";

/** Where the data lives: the embedded database on disk, or a PostgreSQL server. */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export const defaultDataDir = path.join(repoRoot, ".data", "pglite");

/**
 * No DATABASE_URL: embedded PGlite under CLAIMDESK_DATA_DIR (default `.data/pglite`).
 * DATABASE_URL=postgres(ql)://…: that server.
 */
export function resolveTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (!url) {
    return { kind: "pglite", dataDir: path.resolve(env.CLAIMDESK_DATA_DIR || defaultDataDir) };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`DATABASE_URL is not a URL: "${redactUrl(url)}". Expected postgresql://user@host:5432/database, or unset it to use the embedded database.`);
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new ConfigError(`DATABASE_URL must start with postgresql:// (got "${parsed.protocol}//"). Unset it to use the embedded database.`);
  }
  return { kind: "postgres", url };
}

/** The URL with its password replaced, safe for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
  }
}

export function describeTarget(target: DatabaseTarget): string {
  return target.kind === "pglite"
    ? `embedded database at ${target.dataDir}`
    : `PostgreSQL at ${redactUrl(target.url)}`;
}
