import { createHash, randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { Database } from "@claimdesk/db";
import { createSession, resolveViewer, revokeSession } from "@claimdesk/desk";
import { type Context, schema } from "@claimdesk/schema";
import pino, { type Logger } from "pino";
import { type ApiConfig } from "./config.ts";
import { formatError, isDatabaseUnavailable } from "./errors.ts";
import { BodyTooLargeError, readBody } from "./http/body.ts";
import { claimReviewResponse } from "./http/claim-reviews.ts";
import { publicOrigin } from "./http/origin.ts";
import { parseCookies, serializeSessionCookie, sessionCookie } from "./http/cookies.ts";
import { type PublicClient, type RateDecision, createRateLimiter } from "./http/rate-limit.ts";
import { textInputChecks } from "./input-checks.ts";
import { aliasLimit, costLimit, depthLimit, queryLimits } from "./limits.ts";

export interface Api {
  server: http.Server;
  logger: Logger;
  /** Listens on config.port (0: any free port); resolves to the base URL. */
  listen(): Promise<string>;
  /** Stops taking requests, drains those in flight, then stops Apollo. The caller closes the database. */
  stop(): Promise<void>;
}

export async function createApi(db: Database, config: ApiConfig, logger: Logger = pino({ level: config.logLevel })): Promise<Api> {
  const server = http.createServer();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts stops the API, the intake worker and the database in order on SIGINT/SIGTERM;
    // Apollo's own handlers would stop it behind that order's back and swallow the signal.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: queryLimits.maxTokens },
    // Compact JSON in production: Apollo indents by default, which makes a desk
    // page ~30% larger to build, send and parse. Readable while developing.
    ...(config.production ? { stringifyResult: (value) => JSON.stringify(value) } : {}),
    validationRules: [depthLimit(), aliasLimit()],
    formatError: formatError(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      textInputChecks(),
      costLimit(schema),
      queriesUseReads(db),
      unavailableIs503(),
    ],
  });
  await apollo.start();
  let ready = true;
  const rateLimiter = createRateLimiter(db, config.rateLimit, logger);

  server.on("request", (req, res) => {
    const requestId = headerValue(req, "x-request-id")?.slice(0, 100) || randomUUID();
    res.setHeader("x-request-id", requestId);
    for (const [name, value] of securityHeaders) res.setHeader(name, value);
    const log = logger.child({ requestId });
    handle(req, res, requestId, log).catch((error: unknown) => {
      if (res.headersSent) {
        res.end();
      } else if (isDatabaseUnavailable(error)) {
        log.warn({ err: error }, "database unavailable");
        sendJson(
          res,
          503,
          {
            errors: [
              { message: "The database is unavailable. Try again shortly.", extensions: { code: "SERVICE_UNAVAILABLE", retryable: true } },
            ],
          },
          { "retry-after": "2" },
        );
      } else {
        log.error({ err: error }, "request failed");
        sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string, log: Logger): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    cors(req, res, config);
    if (req.method === "OPTIONS") {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === "/healthz") {
      try {
        await db.sql.query("SELECT 1");
        sendJson(res, 200, { status: "ok", database: db.target.kind });
      } catch {
        sendJson(res, 503, { status: "unavailable", database: db.target.kind });
      }
      return;
    }
    if (url.pathname === "/readyz") {
      sendJson(res, ready ? 200 : 503, { ready });
      return;
    }
    if (url.pathname.startsWith("/claim-reviews") && (req.method === "GET" || req.method === "HEAD")) {
      // Always answered as to an anonymous client, so counted by address.
      const limited = await rateLimited(publicClientOf(req, null));
      if (limited) {
        res.writeHead(429, { "content-type": "text/plain; charset=utf-8", "retry-after": String(limited.retryAfterSeconds) });
        res.end(req.method === "HEAD" ? undefined : `Too many requests from this client; retry after ${limited.retryAfterSeconds} s.\n`);
        return;
      }
      const origin = publicOrigin(req, config);
      let response: Awaited<ReturnType<typeof claimReviewResponse>>;
      try {
        response = await claimReviewResponse(apollo, url.pathname, url.searchParams, () => buildContext(req, requestId, [], null), origin);
      } catch (error) {
        // A path that is not valid percent-encoding names no fact-check.
        if (!(error instanceof URIError)) throw error;
        response = { status: 404, body: { error: "No published fact-check with this id" } };
      }
      if (response) {
        // Only answers that stay true are cached publicly; a 404 may be published tomorrow.
        const cache = response.status === 200 || response.status === 301 ? "public, max-age=60" : "no-store";
        res.writeHead(response.status, {
          "content-type": "application/ld+json; charset=utf-8",
          "cache-control": cache,
          ...response.headers,
        });
        res.end(req.method === "HEAD" ? undefined : JSON.stringify(response.body));
        return;
      }
    }
    if (url.pathname !== "/graphql") {
      sendJson(res, 404, { error: "Not found. The GraphQL endpoint is /graphql." });
      return;
    }
    if (req.method !== "GET" && req.method !== "POST") {
      res.setHeader("allow", "GET, POST");
      sendJson(res, 405, { errors: [{ message: "Use GET or POST", extensions: { code: "BAD_REQUEST" } }] });
      return;
    }
    // Who is asking decides the limit, before the body is read or anything runs.
    const viewer = await viewerOf(req);
    const limited = await rateLimited(publicClientOf(req, viewer));
    if (limited) {
      sendJson(
        res,
        429,
        {
          errors: [
            {
              message: `Too many requests from this client (limit ${limited.limit} per ${config.rateLimit.windowSeconds} s); retry after ${limited.retryAfterSeconds} s`,
              extensions: { code: "RATE_LIMITED", retryAfterSeconds: limited.retryAfterSeconds },
            },
          ],
        },
        { "retry-after": String(limited.retryAfterSeconds) },
      );
      req.resume();
      return;
    }

    let body: unknown;
    let rawBody = "";
    if (req.method === "POST") {
      let raw: string;
      try {
        raw = await readBody(req, config.bodyLimitBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          sendJson(res, 413, {
            errors: [
              { message: `The request body is larger than ${config.bodyLimitBytes} bytes`, extensions: { code: "PAYLOAD_TOO_LARGE" } },
            ],
          });
          req.resume();
          return;
        }
        throw error;
      }
      rawBody = raw;
      const type = headerValue(req, "content-type") ?? "";
      if (type.includes("json")) {
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          sendJson(res, 400, { errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
          return;
        }
      } else {
        body = raw;
      }
    }

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const setCookies: string[] = [];
    const idempotencyKey = headerValue(req, "idempotency-key")?.trim();
    let idempotency: Context["idempotency"] = null;
    if (idempotencyKey && viewer && req.method === "POST") {
      const replay = await idempotentReplay(viewer.id, idempotencyKey, rawBody);
      if (replay) {
        sendJson(res, replay.status, replay.body, replay.status === 200 ? { "idempotent-replayed": "true" } : {});
        return;
      }
      idempotency = { key: idempotencyKey.slice(0, 200), requestHash: sha256(rawBody) };
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method, headers, search: url.search, body },
      context: () => buildContext(req, requestId, setCookies, viewer, idempotency),
    });
    if (idempotency?.reserved && viewer && result.body.kind === "complete") {
      // The writes committed with the key; keep the answer for retries. The
      // client gets its answer now even if the database just went away.
      saveIdempotentResponse(viewer.id, idempotency.key, JSON.parse(result.body.string), log);
    }
    for (const [key, value] of result.headers) res.setHeader(key, value);
    if (setCookies.length) res.setHeader("set-cookie", setCookies);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
    log.debug({ status: res.statusCode }, "graphql request");
  }

  /**
   * The client a public limit counts: a token by its id, anyone else by
   * address; none for a desk session (see http/rate-limit.ts), nor for a
   * trusted proxy's own request without X-Forwarded-For (the admin rendering a
   * public page: a visitor's address is not known there, and one shared
   * counter would cut the whole public site).
   */
  function publicClientOf(req: IncomingMessage, viewer: Context["viewer"]): PublicClient | null {
    if (viewer?.via.kind === "session") return null;
    if (viewer?.via.kind === "token") return { kind: "token", tokenId: viewer.via.tokenId };
    const peer = req.socket.remoteAddress ?? "unknown";
    if (config.trustedProxies.includes(peer) && !headerValue(req, "x-forwarded-for")) return null;
    return { kind: "address", address: clientAddress(req, config.trustedProxies) };
  }

  async function rateLimited(client: PublicClient | null): Promise<Extract<RateDecision, { limited: true }> | null> {
    if (!client) return null;
    const decision = await rateLimiter.take(client);
    return decision.limited ? decision : null;
  }

  function viewerOf(req: IncomingMessage) {
    const cookies = parseCookies(headerValue(req, "cookie"));
    const authorization = headerValue(req, "authorization");
    const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
    return resolveViewer(db.sql, { sessionSecret: cookies.get(sessionCookie), bearer });
  }

  /** A stored answer for a retried Idempotency-Key, or null to execute. */
  async function idempotentReplay(userId: string, key: string, rawBody: string): Promise<{ status: number; body: unknown } | null> {
    const stored = await db.prisma.idempotencyKey.findUnique({ where: { userId_key: { userId, key: key.slice(0, 200) } } });
    if (!stored) return null;
    if (stored.requestHash !== sha256(rawBody)) {
      return {
        status: 422,
        body: {
          errors: [{ message: "This Idempotency-Key was used for a different request", extensions: { code: "IDEMPOTENCY_KEY_REUSED" } }],
        },
      };
    }
    if (stored.response === null) {
      return {
        status: 409,
        body: {
          errors: [
            {
              message: "A request with this Idempotency-Key is in progress; retry shortly",
              extensions: { code: "IDEMPOTENCY_IN_PROGRESS" },
            },
          ],
        },
      };
    }
    return { status: 200, body: stored.response };
  }

  /** Stores a replayable answer, retrying through a short outage (a retry meanwhile gets 409). */
  function saveIdempotentResponse(userId: string, key: string, response: object, log: Logger, attempt = 0): void {
    db.prisma.idempotencyKey.update({ where: { userId_key: { userId, key } }, data: { response } }).catch((error: unknown) => {
      if (attempt < 60 && isDatabaseUnavailable(error))
        setTimeout(() => saveIdempotentResponse(userId, key, response, log, attempt + 1), 500).unref();
      else log.error({ err: error }, "could not store an idempotent response");
    });
  }

  async function buildContext(
    req: IncomingMessage,
    requestId: string,
    setCookies: string[],
    viewer: Context["viewer"],
    idempotency: Context["idempotency"] = null,
  ): Promise<Context> {
    // Apollo runs each operation on a shallow copy of the context; the viewer
    // lives on the prototype so that a login or logout changes it for the copy too
    // (the payload of `login` is then readable by the user who just signed in).
    let current = viewer;
    const shared = Object.create(null, {
      viewer: { get: () => current, set: (next: Context["viewer"]) => void (current = next) },
    }) as { viewer: Context["viewer"] };
    const context: Context = Object.assign(Object.create(shared) as typeof shared, {
      prisma: db.prisma,
      requestId,
      clientAddress: clientAddress(req, config.trustedProxies),
      newsroom: config.newsroom,
      idempotency,
      session: {
        async startSession(userId: string) {
          // A new session at every login; an old cookie from this browser dies.
          if (viewer?.via.kind === "session") await revokeSession(db.prisma, viewer.via.sessionId);
          const { secret, expiresAt, viewer: next } = await createSession(db.prisma, userId);
          setCookies.push(serializeSessionCookie(secret, { secure: config.secureCookies, expires: expiresAt }));
          context.viewer = next;
        },
        async endSession() {
          if (viewer?.via.kind === "session") await revokeSession(db.prisma, viewer.via.sessionId);
          setCookies.push(serializeSessionCookie("", { secure: config.secureCookies }));
          context.viewer = null;
        },
      },
    });
    return context;
  }

  return {
    server,
    logger,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(config.port, config.host, () => {
          const address = server.address();
          const port = typeof address === "object" && address ? address.port : config.port;
          resolve(`http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`);
        });
      }),
    async stop() {
      ready = false;
      await apollo.stop(); // the drain plugin closes the server and waits for requests in flight
    },
  };
}

/**
 * The client's address: the peer's, unless the peer is a trusted proxy, whose
 * own X-Forwarded-For entry (the last one) names the client. Anyone else's
 * X-Forwarded-For is ignored, so rotating it changes nothing.
 */
function clientAddress(req: IncomingMessage, trustedProxies: string[]): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (!trustedProxies.includes(peer)) return peer;
  return headerValue(req, "x-forwarded-for")?.split(",").at(-1)?.trim() || peer;
}

/**
 * Queries read through `db.reads` (one compiled statement per model read; a
 * replica when configured); mutations keep the primary and Prisma itself, so
 * they read their own writes inside their transactions. The viewer, sessions
 * and idempotency keys are always looked up on the primary, before this runs.
 */
function queriesUseReads(db: Database): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === "query") contextValue.prisma = db.reads;
        },
      };
    },
  };
}

/** A database outage or an exhausted pool answers 503 with Retry-After, so clients and proxies retry. */
function unavailableIs503(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          if (errors?.some((e) => e.extensions?.code === "SERVICE_UNAVAILABLE")) {
            response.http.status = 503;
            response.http.headers.set("retry-after", "2");
          }
        },
      };
    },
  };
}

/** The API answers JSON only: nothing in it may run, be sniffed as another type, or be framed. */
const securityHeaders: [string, string][] = [
  ["content-security-policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"],
  ["x-content-type-options", "nosniff"],
  ["x-frame-options", "DENY"],
  ["referrer-policy", "no-referrer"],
];

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Browsers may call with credentials only from the configured origins (the admin app). */
function cors(req: IncomingMessage, res: ServerResponse, config: ApiConfig): void {
  const origin = headerValue(req, "origin");
  if (!origin || !config.allowedOrigins.includes(origin)) return;
  res.setHeader("access-control-allow-origin", origin);
  res.setHeader("access-control-allow-credentials", "true");
  res.setHeader("access-control-allow-headers", "content-type, authorization, apollo-require-preflight, x-request-id, idempotency-key");
  res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
  res.setHeader("vary", "origin");
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(body));
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
