/**
 * Reads inside an interactive transaction, compiled as db.reads' are
 * (compile-read.ts) and run on the transaction's own connection.
 *
 * Prisma 6.19 compiles every call in WebAssembly on the event loop: about
 * 1 ms of CPU for a findUnique and 1.5 ms for a count, against 0.35 ms for a
 * raw statement. Mutations read before they write (does it exist, is it
 * still this version) and read their answer after, so most of a mutation's
 * CPU went to compiling reads. Writes, and reads the compiler does not cover,
 * stay with Prisma.
 */
import type { Prisma } from "../generated/prisma/client.ts";
import { type CompiledRead, Unsupported, combine, compileCount, compileFind, withPrimaryKeyOrder } from "./compile-read.ts";
import { modelNames } from "./model-map.ts";

type Args = Record<string, unknown>;
type Delegate = Record<string, (args?: Args) => Promise<unknown>>;

const readOperations = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count"]);

/** Prisma's delegate property for each model: `claimSource` for ClaimSource. */
const modelOfDelegate = new Map(modelNames().map((name) => [name[0]!.toLowerCase() + name.slice(1), name]));

/** `tx` with its model reads compiled; everything else is `tx` itself. */
export function withCompiledReads<T extends Prisma.TransactionClient>(tx: T): T {
  const delegates = new Map<string, Delegate>();
  return new Proxy(tx, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      const model = typeof prop === "string" ? modelOfDelegate.get(prop) : undefined;
      if (!model) return typeof value === "function" ? value.bind(target) : value;
      let delegate = delegates.get(model);
      if (!delegate) delegates.set(model, (delegate = compiledDelegate(target, model, value as Delegate)));
      return delegate;
    },
  });
}

function compiledDelegate(tx: Prisma.TransactionClient, model: string, prisma: Delegate): Delegate {
  const run = async (read: CompiledRead) => {
    const { sql, params } = combine([read]);
    const rows = await tx.$queryRawUnsafe<{ r0: unknown }[]>(sql, ...params);
    return read.decode(rows[0]?.r0);
  };
  const read =
    (operation: string) =>
    async (args: Args = {}) => {
      let compiled: CompiledRead;
      try {
        compiled = operation === "count" ? compileCount(model, args) : compileFind(model, args, operation !== "findMany");
      } catch (error) {
        if (error instanceof Unsupported)
          return prisma[operation]!(
            operation.startsWith("find") && !operation.startsWith("findUnique")
              ? withPrimaryKeyOrder(model, args, operation !== "findMany")
              : args,
          );
        throw error;
      }
      const value = await run(compiled);
      // Not found: Prisma raises its own error (P2025).
      if (value === null && operation.endsWith("OrThrow")) return prisma[operation]!(args);
      return value;
    };
  const reads = Object.fromEntries([...readOperations].map((operation) => [operation, read(operation)]));
  return new Proxy(prisma, {
    get(target, prop) {
      if (typeof prop === "string" && reads[prop]) return reads[prop];
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
