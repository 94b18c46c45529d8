import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import pg from "pg";
import { type Prisma, PrismaClient } from "./generated/prisma/client.ts";
import { DatabaseConnectionError } from "./errors.ts";
import { type SqlRunner, pgRunner } from "./sql.ts";
import { type DatabaseTarget, redactUrl, resolveTarget } from "./target.ts";
import { withOneStatementReads } from "./reads/one-statement-reads.ts";

export interface Database {
  target: DatabaseTarget;
  /** The primary: every write, and every read that must see the latest write (sessions, idempotency keys). */
  prisma: PrismaClient;
  /**
   * For read-only work that may lag a moment (GraphQL queries). Model reads
   * run as one compiled statement each (reads/one-statement-reads.ts). With
   * replicas configured they go to one of them, and so does what Prisma runs
   * itself (its read-replicas extension); transactions and raw SQL stay on the primary.
   */
  reads: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Called with each SQL statement Prisma sends (tests count them); `replica` is the index of the replica that ran it. */
  onQuery?: (sql: string, replica?: number) => void;
  /** Pool size for PostgreSQL servers. */
  poolSize?: number;
  /** How long a request waits for a free connection before failing (ms). */
  acquireTimeoutMs?: number;
}

/** Opens the database named by the environment (see resolveTarget). */
export function openDatabase(target: DatabaseTarget = resolveTarget(), options: OpenOptions = {}): Promise<Database> {
  // PGlite costs ~45 MB of memory once loaded; a server deployment never loads it.
  return target.kind === "pglite"
    ? import("./connect-pglite.ts").then((m) => m.openPglite(target, options))
    : openPostgres(target, options);
}

async function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>, options: OpenOptions): Promise<Database> {
  const pools: pg.Pool[] = [];
  try {
    const pool = await connectPool(target.url, options);
    pools.push(pool);
    for (const url of target.replicaUrls ?? []) pools.push(await connectPool(url, options));
  } catch (error) {
    await Promise.all(pools.map((p) => p.end().catch(() => {})));
    throw error;
  }
  const [primaryPool, ...replicaPools] = pools as [pg.Pool, ...pg.Pool[]];
  const prisma = createClient(new PrismaPg(primaryPool), options);
  const replicas = replicaPools.map((pool, i) => createClient(new PrismaPg(pool), options, i));
  // The extension's client type differs only in $primary/$replica; model
  // delegates and raw queries behave like the primary's, so callers see a PrismaClient.
  const base = replicas.length ? (prisma.$extends(readReplicas({ replicas })) as unknown as PrismaClient) : prisma;
  const readPools = replicaPools.length ? replicaPools : [primaryPool];
  const statementName = preparedNames();
  const reads = withOneStatementReads(base, async (sql, params) => {
    const index = Math.floor(Math.random() * readPools.length);
    options.onQuery?.(sql, replicaPools.length ? index : undefined);
    return (await readPools[index]!.query({ name: statementName(sql), text: sql, values: params })).rows;
  });
  return {
    target,
    prisma,
    reads,
    sql: pgRunner(primaryPool),
    async close() {
      // A connection lost mid-transaction (server restart) can stay checked
      // out for good; do not let it hold shutdown forever.
      await withTimeout(Promise.all([prisma, ...replicas].map((client) => client.$disconnect())), 5_000);
      await withTimeout(Promise.all(pools.map((pool) => pool.end())), 5_000);
    },
  };
}

/**
 * Names for compiled statements, so that node-postgres prepares each once per
 * connection and PostgreSQL stops parsing and planning it on every call. Only
 * texts seen twice are named (combined reads vary with what shares a tick),
 * and at most `max` per process: every name stays prepared on each
 * connection of the pool for its lifetime. Past that, statements go unnamed.
 */
function preparedNames(max = 200): (sql: string) => string | undefined {
  const names = new Map<string, string>();
  let seen = new Set<string>();
  return (sql) => {
    const name = names.get(sql);
    if (name || names.size >= max) return name;
    if (!seen.has(sql)) {
      if (seen.size > 10_000) seen = new Set();
      seen.add(sql);
      return undefined;
    }
    const named = `cd_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
    names.set(sql, named);
    return named;
  };
}

async function connectPool(url: string, options: OpenOptions): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? Number(process.env.CLAIMDESK_DB_POOL_SIZE ?? 10),
    // Bounded waiting: past this a request fails as "unavailable" instead of queueing forever.
    connectionTimeoutMillis: options.acquireTimeoutMs ?? Number(process.env.CLAIMDESK_DB_ACQUIRE_TIMEOUT_MS ?? 5_000),
  });
  // An idle client's error (server restart) must not crash the process.
  pool.on("error", () => {});
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseConnectionError(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${reason(error)}`);
  }
  return pool;
}

type AdapterFactory = NonNullable<Prisma.PrismaClientOptions["adapter"]>;

export function createClient(adapter: AdapterFactory, options: OpenOptions, replica?: number): PrismaClient {
  if (!options.onQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const onQuery = options.onQuery;
  (prisma as unknown as { $on(event: "query", cb: (e: { query: string }) => void): void }).$on("query", (e) => onQuery(e.query, replica));
  return prisma;
}

export function reason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return reason(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error.message || code || error.name;
    return code && !message.includes(code) ? `${code} ${message}` : message;
  }
  return String(error);
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}
