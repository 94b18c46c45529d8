import type { RateLimitConfig } from "./http/rate-limit.ts";
/** The API's settings, read once from the environment and checked at start-up. */
export interface ApiConfig {
  port: number;
  host: string;
  production: boolean;
  introspection: boolean;
  /** Cookies marked Secure (HTTPS only); on in production. */
  secureCookies: boolean;
  bodyLimitBytes: number;
  newsroom: { name: string; url: string };
  /** Where clients reach the API (scheme and host), for absolute links in answers; null: from the request. */
  apiPublicUrl: string | null;
  /** Browser origins allowed to call the API with credentials (the admin app). */
  allowedOrigins: string[];
  logLevel: string;
  /** Peers (e.g. the admin app) whose X-Forwarded-For names the real client, for sign-in limits. */
  trustedProxies: string[];
  /** Start in production even while sample accounts keep their README passwords (demonstrations, tests). */
  allowSampleAccounts: boolean;
  /** Per-client limits of public traffic (http/rate-limit.ts). */
  rateLimit: RateLimitConfig;
}

/** A whole number of at least `min` from the environment, or `fallback` when unset. */
function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name} must be an integer of at least ${min} (got "${raw}")`);
  return value;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const production = env.NODE_ENV === "production";
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number (got "${env.PORT}")`);
  const bodyLimitBytes = Number(env.CLAIMDESK_BODY_LIMIT_BYTES ?? 1_000_000);
  if (!Number.isInteger(bodyLimitBytes) || bodyLimitBytes < 1000)
    throw new ConfigError("CLAIMDESK_BODY_LIMIT_BYTES must be an integer of at least 1000");
  const publicUrl = env.CLAIMDESK_PUBLIC_URL ?? "http://localhost:3000";
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`CLAIMDESK_PUBLIC_URL must be a URL (got "${publicUrl}")`);
  }
  let apiPublicUrl: string | null = null;
  if (env.CLAIMDESK_API_PUBLIC_URL) {
    try {
      // Kept with its path: an API served under a prefix links under it.
      apiPublicUrl = new URL(env.CLAIMDESK_API_PUBLIC_URL).href.replace(/\/+$/, "");
    } catch {
      throw new ConfigError(`CLAIMDESK_API_PUBLIC_URL must be a URL (got "${env.CLAIMDESK_API_PUBLIC_URL}")`);
    }
  }
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    production,
    introspection: env.CLAIMDESK_INTROSPECTION ? env.CLAIMDESK_INTROSPECTION === "true" : !production,
    secureCookies: env.CLAIMDESK_SECURE_COOKIES ? env.CLAIMDESK_SECURE_COOKIES === "true" : production,
    bodyLimitBytes,
    newsroom: { name: env.CLAIMDESK_NEWSROOM_NAME ?? "Claimdesk", url: publicUrl },
    apiPublicUrl,
    allowedOrigins: (env.CLAIMDESK_ALLOWED_ORIGINS ?? publicUrl)
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
    trustedProxies: (env.CLAIMDESK_TRUSTED_PROXIES ?? "")
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean),
    allowSampleAccounts: env.CLAIMDESK_ALLOW_SAMPLE_ACCOUNTS === "true",
    // Off by default under NODE_ENV=test (like the log level): suites send bursts from one address.
    rateLimit: {
      anonymous: integer(env, "CLAIMDESK_RATE_LIMIT_ANONYMOUS", env.NODE_ENV === "test" ? 0 : 300, 0),
      token: integer(env, "CLAIMDESK_RATE_LIMIT_TOKEN", env.NODE_ENV === "test" ? 0 : 1200, 0),
      windowSeconds: integer(env, "CLAIMDESK_RATE_LIMIT_WINDOW_SECONDS", 60, 1),
    },
  };
}
