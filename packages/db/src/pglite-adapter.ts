import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Prisma } from "./generated/prisma/client.ts";

type AdapterFactory = NonNullable<Prisma.PrismaClientOptions["adapter"]>;

interface PostgresCause {
  kind: string;
  code?: string;
  message?: string;
  detail?: string;
  column?: string;
  constraint?: unknown;
}

/**
 * The PGlite driver adapter, made to fail the way @prisma/adapter-pg does.
 *
 * pglite-prisma-adapter 0.6 (the last release for Prisma 6) reports every
 * database error as a generic `{ kind: "postgres" }`, so Prisma cannot turn a
 * unique violation into P2002 as it does on PostgreSQL servers. We map the
 * constraint errors like adapter-pg does, so both paths give the same Prisma
 * errors. (Its types also name driver-adapter-utils 6.10; it never reads the
 * `argTypes` that changed since.)
 */
export function pgliteAdapter(db: PGlite): AdapterFactory {
  return wrap(new PrismaPGlite(db)) as unknown as AdapterFactory;
}

function wrap<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = value.apply(object, args);
        } catch (error) {
          throw translate(error);
        }
        if (result instanceof Promise) {
          return result.then(
            (resolved) => (isWrappable(resolved) ? wrap(resolved) : resolved),
            (error) => Promise.reject(translate(error)),
          );
        }
        return result;
      };
    },
  });
}

// Adapters and transactions are the objects whose methods run SQL.
function isWrappable(value: unknown): value is object {
  return typeof value === "object" && value !== null && "queryRaw" in value;
}

function translate(error: unknown): unknown {
  const cause = (error as { name?: string; cause?: PostgresCause }).cause;
  if ((error as { name?: string }).name !== "DriverAdapterError" || cause?.kind !== "postgres" || !cause.code) return error;
  const mapped = mapConstraintError(cause);
  if (mapped) (error as { cause: unknown }).cause = { originalCode: cause.code, originalMessage: cause.message, ...mapped };
  return error;
}

function mapConstraintError(cause: PostgresCause): object | null {
  const fields = cause.detail
    ?.match(/Key \(([^)]+)\)/)
    ?.at(1)
    ?.split(", ");
  switch (cause.code) {
    case "23505":
      return { kind: "UniqueConstraintViolation", constraint: fields ? { fields } : undefined };
    case "23502":
      return { kind: "NullConstraintViolation", constraint: fields ? { fields } : undefined };
    case "23503":
    case "23001": // PostgreSQL 18 (PGlite) reports ON DELETE RESTRICT as restrict_violation
      return { kind: "ForeignKeyConstraintViolation", constraint: cause.column ? { fields: [cause.column] } : undefined };
    default:
      return null;
  }
}
