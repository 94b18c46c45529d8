import type { GraphQLFormattedError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { PothosValidationError } from "@pothos/core";
import { InvalidParameter } from "@claimdesk/db";
import { AppError } from "@claimdesk/desk";
import type { Logger } from "pino";

// Codes whose message is written for clients; anything else is masked.
const clientCodes = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "OPERATION_RESOLUTION_FAILURE",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "QUERY_TOO_COMPLEX",
  "SERVICE_UNAVAILABLE",
]);

// Prisma's codes and driver-adapter kinds for "the database is not there right now".
const unavailableCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const unavailableKinds = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseUnavailable",
]);

/** The database is down, restarting, or out of connections: retryable, so say so. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as
    { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } }; cause?: { kind?: string } } | undefined;
  if (e?.code && unavailableCodes.has(e.code)) return true;
  const kind = e?.meta?.driverAdapterError?.cause?.kind ?? e?.cause?.kind;
  if (kind && unavailableKinds.has(kind)) return true;
  const text = `${(error as Error)?.message ?? ""} ${JSON.stringify(e?.cause ?? "")}`;
  return /ECONNREFUSED|ECONNRESET|Connection terminated|the database system is (shutting down|starting up|in recovery mode)|timeout exceeded when trying to connect|too many clients|57P01|57P03|08006|08001|08003/i.test(
    text,
  );
}

/**
 * Shapes every error sent to clients: typed codes pass, internals (SQL,
 * Prisma codes, stacks, paths) never do; they go to the log instead.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code as string | undefined;
    const base = { locations: formatted.locations, path: formatted.path };
    // Typed errors thrown outside a result union (queries) keep their code.
    if (original instanceof AppError) {
      const fieldErrors = (original as { fieldErrors?: unknown }).fieldErrors;
      return { ...base, message: original.message, extensions: { code: original.code, ...(fieldErrors ? { fieldErrors } : {}) } };
    }
    if (original instanceof PothosValidationError || (original as Error | undefined)?.name === InvalidParameter.name) {
      return { ...base, message: (original as Error).message, extensions: { code: "BAD_USER_INPUT" } };
    }
    // A cursor of the wrong kind for its list (a number where the list pages by text) reaches Prisma's validation.
    if ((original as Error | undefined)?.name === "PrismaClientValidationError" && /\bcursor: \{/.test((original as Error).message)) {
      return { ...base, message: "The cursor given in after/before is not one this list gave out", extensions: { code: "BAD_USER_INPUT" } };
    }
    if (code && clientCodes.has(code)) {
      return { ...base, message: formatted.message, extensions: { code } };
    }
    if (isDatabaseUnavailable(original)) {
      logger.warn({ err: original }, "database unavailable");
      return {
        ...base,
        message: "The database is unavailable. Try again shortly.",
        extensions: { code: "SERVICE_UNAVAILABLE", retryable: true },
      };
    }
    logger.error({ err: original, path: formatted.path }, "internal error");
    return { ...base, message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}
