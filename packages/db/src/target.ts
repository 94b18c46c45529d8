import path from "node:path";
import { packageRoot } from "./package-root.ts";
import { ConfigError } from "./errors.ts";

/** Where the data lives: the embedded database on disk, or a PostgreSQL server. */
export type DatabaseTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string; replicaUrls?: string[] };

const repoRoot = path.resolve(packageRoot, "../..");

export const defaultDataDir = path.join(repoRoot, ".data", "pglite");

/**
 * No DATABASE_URL: embedded PGlite under CLAIMDESK_DATA_DIR (default `.data/pglite`).
 * DATABASE_URL=postgres(ql)://…: that server; DATABASE_REPLICA_URLS (comma-separated)
 * names streaming replicas that serve read-only GraphQL queries.
 */
export function resolveTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  const replicaUrls = (env.DATABASE_REPLICA_URLS ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  if (!url) {
    if (replicaUrls.length)
      throw new ConfigError("DATABASE_REPLICA_URLS needs DATABASE_URL: replicas follow a PostgreSQL server, not the embedded database.");
    return { kind: "pglite", dataDir: path.resolve(env.CLAIMDESK_DATA_DIR || defaultDataDir) };
  }
  checkPostgresUrl("DATABASE_URL", url);
  for (const replica of replicaUrls) checkPostgresUrl("DATABASE_REPLICA_URLS", replica);
  return replicaUrls.length ? { kind: "postgres", url, replicaUrls } : { kind: "postgres", url };
}

function checkPostgresUrl(name: string, url: string): void {
  const hint = name === "DATABASE_URL" ? " Unset it to use the embedded database." : "";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`${name} is not a URL: "${redactUrl(url)}". Expected postgresql://user@host:5432/database.${hint}`);
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new ConfigError(`${name} must start with postgresql:// (got "${parsed.protocol}//").${hint}`);
  }
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
    : `PostgreSQL at ${redactUrl(target.url)}` +
        (target.replicaUrls?.length ? ` (reads from ${target.replicaUrls.map(redactUrl).join(", ")})` : "");
}
