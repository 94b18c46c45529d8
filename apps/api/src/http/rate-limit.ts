import { createHash } from "node:crypto";
import type { Database } from "@claimdesk/db";
import type { Logger } from "pino";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Per-client limits for public traffic, so that one client cannot take the
 * public API for itself: anonymous clients are counted by address (the one
 * sign-in limits use, honouring the trusted proxies), API tokens by token.
 * Signed-in desk sessions are not counted: they are the newsroom's own staff,
 * few, named and revocable, and the desk's pages send bursts of queries that
 * a public limit would cut.
 *
 * The counters are rows of the RateLimit table (rate-limiter-flexible's
 * RateLimiterPostgres, one atomic upsert per request), so every API process
 * on one PostgreSQL database shares them; on the embedded database there is
 * one process anyway.
 */
export interface RateLimitConfig {
  /** Requests per window for one anonymous address; 0: no limit. */
  anonymous: number;
  /** Requests per window for one API token; 0: no limit. */
  token: number;
  windowSeconds: number;
}

export type PublicClient = { kind: "address"; address: string } | { kind: "token"; tokenId: string };

export type RateDecision = { limited: false } | { limited: true; retryAfterSeconds: number; limit: number };

export interface RateLimiter {
  /** Counts one request of `client`; `limited` once it is over its limit for this window. */
  take(client: PublicClient): Promise<RateDecision>;
}

export function createRateLimiter(db: Database, config: RateLimitConfig, logger: Logger): RateLimiter {
  // The library speaks to a node-postgres client; the database's own runner
  // (PGlite or a PostgreSQL pool) answers its few statements the same way.
  const storeClient = {
    async query(query: { text: string; values?: unknown[] }) {
      const rows = await db.sql.query(query.text, query.values);
      // BIGINT comes back as text (node-postgres) or bigint (PGlite); the library does arithmetic on it.
      for (const row of rows) if (row.expire !== null && row.expire !== undefined) row.expire = Number(row.expire);
      return { rows, rowCount: rows.length };
    },
  };
  const limiter = (keyPrefix: string, points: number) =>
    points > 0
      ? new RateLimiterPostgres({
          storeClient,
          storeType: "client",
          tableName: "RateLimit",
          tableCreated: true,
          keyPrefix,
          points,
          duration: config.windowSeconds,
          // A client over its limit is refused from memory until its window ends: a flood costs no writes.
          inMemoryBlockOnConsumed: points + 1,
        })
      : null;
  const byAddress = limiter("address", config.anonymous);
  const byToken = limiter("token", config.token);

  return {
    async take(client) {
      const [rateLimiter, key, limit] =
        client.kind === "address"
          ? [byAddress, createHash("sha256").update(client.address).digest("hex").slice(0, 32), config.anonymous]
          : [byToken, client.tokenId, config.token];
      if (!rateLimiter) return { limited: false };
      try {
        await rateLimiter.consume(key);
        return { limited: false };
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)), limit };
        }
        // The counter could not be written (database briefly away): the request itself will say so if it matters.
        logger.warn({ err: error }, "rate limit not checked");
        return { limited: false };
      }
    },
  };
}
