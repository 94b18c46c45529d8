import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { ApiConfig } from "../config.ts";

// A host name, IPv4 or bracketed IPv6 address, with an optional port: anything
// else in a Host header would be written into the answer's Link or Location.
const hostPattern =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The scheme and host clients reach the API at, for absolute links in answers
 * (ClaimReview redirects, the feed's `Link: rel="next"`): CLAIMDESK_API_PUBLIC_URL
 * when set; else a trusted proxy's X-Forwarded-Proto/-Host (TLS usually ends
 * there); else the connection's own scheme and Host header.
 */
export function publicOrigin(req: IncomingMessage, config: Pick<ApiConfig, "apiPublicUrl" | "trustedProxies">): string {
  if (config.apiPublicUrl) return config.apiPublicUrl;
  const header = (name: string) => {
    const value = req.headers[name];
    return (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() || undefined;
  };
  const viaProxy = config.trustedProxies.includes(req.socket.remoteAddress ?? "");
  const encrypted = (req.socket as Partial<TLSSocket>).encrypted === true;
  const proto = (viaProxy ? header("x-forwarded-proto")?.toLowerCase() : undefined) ?? (encrypted ? "https" : "http");
  const host = (viaProxy ? header("x-forwarded-host") : undefined) ?? header("host");
  return `${proto === "https" ? "https" : "http"}://${host && hostPattern.test(host) ? host : "localhost"}`;
}
