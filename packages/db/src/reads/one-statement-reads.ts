/**
 * A Prisma client extension that answers model reads with compiled SQL (see
 * compile-read.ts) and lets Prisma run whatever the compiler does not cover.
 *
 * Reads issued in the same tick of the event loop go to the database as ONE
 * statement: a connection's page and its totalCount, the findUnique calls of
 * a list's items (batched on their key, as Prisma's own loader does), and the
 * reads of concurrent requests. Each statement is a round trip and a write
 * system call; under load they cost more than the SQL.
 */
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import {
  type CompiledRead,
  Unsupported,
  checkParameter,
  combine,
  compileCount,
  compileFind,
  compileFindUniqueBatch,
  uniqueKey,
  withPrimaryKeyOrder,
} from "./compile-read.ts";
import { ReadFailed } from "./read-failed.ts";

/** Runs one statement and returns its rows. */
export type StatementRunner = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

type Args = Record<string, unknown>;

interface QueryParams {
  model?: string;
  operation: string;
  args: Args | undefined;
  query: (args: Args | undefined) => Promise<unknown>;
  __internalParams?: { transaction?: unknown };
}

interface Waiter {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Part {
  read: CompiledRead;
  waiter: Waiter;
  /** The same work as one part per caller, for when this part fails. */
  split?: () => Part[];
}

interface UniqueBatch {
  model: string;
  args: Args;
  key: string;
  waiting: Map<unknown, Waiter[]>;
}

/** More parts than this in one statement would make fast reads wait for slow ones. */
const maxPartsPerStatement = 32;

export function oneStatementReads(runner: StatementRunner) {
  let reads: Part[] = [];
  let uniques = new Map<string, UniqueBatch>();
  let scheduled = false;

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  function flush() {
    scheduled = false;
    const parts = reads;
    const batches = uniques;
    reads = [];
    uniques = new Map();
    for (const batch of batches.values()) {
      const waiter: Waiter = {
        resolve: (rows) => {
          for (const [value, list] of batch.waiting) for (const w of list) w.resolve((rows as Map<unknown, unknown>).get(value) ?? null);
        },
        reject: (error) => {
          for (const list of batch.waiting.values()) for (const w of list) w.reject(error);
        },
      };
      try {
        parts.push({
          read: compileFindUniqueBatch(batch.model, batch.args, batch.key, [...batch.waiting.keys()]),
          waiter,
          split: () => splitBatch(batch),
        });
      } catch (error) {
        waiter.reject(error);
      }
    }
    for (let i = 0; i < parts.length; i += maxPartsPerStatement) void send(parts.slice(i, i + maxPartsPerStatement));
  }

  /** One part per key value of a findUnique batch. */
  function splitBatch(batch: UniqueBatch): Part[] {
    return [...batch.waiting].map(([value, list]) => ({
      read: compileFindUniqueBatch(batch.model, batch.args, batch.key, [value]),
      waiter: {
        resolve: (rows) => {
          for (const w of list) w.resolve((rows as Map<unknown, unknown>).get(value) ?? null);
        },
        reject: (error) => {
          for (const w of list) w.reject(error);
        },
      },
    }));
  }

  async function send(parts: Part[]) {
    let row: Record<string, unknown> | undefined;
    const { sql, params } = combine(parts.map((p) => p.read));
    try {
      row = (await runner(sql, params))[0];
    } catch (error) {
      // One caller's read must not fail the others sharing its statement:
      // run the parts on their own, so each gets its own answer or error.
      // (Not when the database itself is away: that would multiply the load on it.)
      const alone = unreachable(error) ? [] : parts.length > 1 ? parts : (parts[0]?.split?.() ?? []);
      if (alone.length > 1) {
        await Promise.all(alone.map((part) => send([part])));
        return;
      }
      const failure = new ReadFailed(error, sql, params);
      for (const part of parts) part.waiter.reject(failure);
      return;
    }
    parts.forEach((part, i) => {
      try {
        part.waiter.resolve(part.read.decode(row?.[`r${i}`]));
      } catch (error) {
        part.waiter.reject(error);
      }
    });
  }

  function enqueue(read: CompiledRead): Promise<unknown> {
    return new Promise((resolve, reject) => {
      reads.push({ read, waiter: { resolve, reject } });
      schedule();
    });
  }

  function enqueueUnique(model: string, args: Args, key: string): Promise<unknown> {
    const where = args.where as Args;
    const value = where[key];
    // Only the first call of a shape is compiled; the others' values are checked here.
    checkParameter(key, value);
    const rest = { ...args, where: { ...where, [key]: undefined } };
    // Calls batch together when everything but the key's value is the same.
    const shape = `${model}\0${key}\0${JSON.stringify(rest)}`;
    let batch = uniques.get(shape);
    if (!batch) {
      // The first call of a shape proves it compiles (or throws Unsupported
      // for Prisma to take); the rest of the tick's calls of that shape join it.
      compileFind(model, args, true);
      uniques.set(shape, (batch = { model, args: rest, key, waiting: new Map() }));
    }
    const waiting = batch.waiting;
    return new Promise((resolve, reject) => {
      const list = waiting.get(value) ?? [];
      list.push({ resolve, reject });
      waiting.set(value, list);
      schedule();
    });
  }

  async function read({ model, operation, args = {}, query, __internalParams }: QueryParams): Promise<unknown> {
    // Inside an interactive transaction the statement must run on its connection: Prisma's job.
    // (Prisma hands query extensions its request parameters; `transaction` is set inside one.)
    if (!model || __internalParams?.transaction) return query(args);
    let result: Promise<unknown>;
    try {
      if (operation === "count") result = enqueue(compileCount(model, args));
      else if (operation === "findMany") result = enqueue(compileFind(model, args, false));
      else {
        const key = operation.startsWith("findUnique") ? uniqueKey(model, args.where) : null;
        result = key ? enqueueUnique(model, args, key) : enqueue(compileFind(model, args, true));
      }
    } catch (error) {
      if (error instanceof Unsupported) return query(prismaArgs(model, operation, args));
      throw error;
    }
    const value = await result;
    // Not found: Prisma raises its own error.
    if (value === null && operation.endsWith("OrThrow")) return query(args);
    return value;
  }

  return Prisma.defineExtension({
    name: "one-statement-reads",
    query: {
      $allModels: {
        findMany: read,
        findFirst: read,
        findFirstOrThrow: read,
        findUnique: read,
        findUniqueOrThrow: read,
        count: read,
      } as never,
    },
  });
}

/** What Prisma runs when the compiler does not: the same read, in the order a compiled one would page by. */
function prismaArgs(model: string, operation: string, args: Args): Args {
  return operation === "findMany" || operation.startsWith("findFirst") ? withPrimaryKeyOrder(model, args, operation !== "findMany") : args;
}

/** Connection errors (errno codes, SQLSTATE classes 08, 53, 57): nothing to do with the statement. */
function unreachable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && /^(E[A-Z]|08|53|57)/.test(code);
}

export function withOneStatementReads(prisma: PrismaClient, runner: StatementRunner): PrismaClient {
  // The extended client's type differs only in its extension; callers use it as a PrismaClient.
  return prisma.$extends(oneStatementReads(runner)) as unknown as PrismaClient;
}
