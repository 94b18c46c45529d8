/**
 * Serves the built admin app (what `npm start` runs). Next's own server keeps
 * whatever X-Forwarded-For a browser sends, and the /graphql route cannot see
 * the socket; so this server tells the route the real peer address, in a
 * header only this process can vouch for (a per-process token). Behind a
 * load balancer, list it in CLAIMDESK_ADMIN_TRUSTED_PROXIES and its last
 * X-Forwarded-For entry is used instead.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "127.0.0.1";
const trustedProxies = (process.env.CLAIMDESK_ADMIN_TRUSTED_PROXIES ?? "")
  .split(",")
  .map((a) => a.trim())
  .filter(Boolean);
// Read by src/app/graphql/route.ts in this same process.
process.env.CLAIMDESK_PEER_TOKEN = randomBytes(24).toString("base64url");

const app = next({ dev: false, dir: import.meta.dirname, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

function clientAddress(req) {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (!trustedProxies.includes(peer)) return peer;
  const forwarded = req.headers["x-forwarded-for"];
  return (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").at(-1)?.trim() || peer;
}

// Next answers 500 to a path it cannot decode (a broken %-escape, overlong UTF-8),
// and a NUL byte in a path reaches the API as a parameter no record can have:
// both are the client's mistake, answered here in words.
function badPath(url) {
  const path = (url ?? "/").split("?")[0];
  try {
    return decodeURIComponent(path).includes("\0") ? 404 : 0;
  } catch {
    return 400;
  }
}

http
  .createServer((req, res) => {
    const bad = badPath(req.url);
    if (bad) {
      res.writeHead(bad, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store" });
      return res.end(bad === 400 ? "Bad request: this address is not valid (a broken %-escape).\n" : "Not found.\n");
    }
    req.headers["x-claimdesk-peer"] = clientAddress(req);
    req.headers["x-claimdesk-peer-token"] = process.env.CLAIMDESK_PEER_TOKEN;
    handle(req, res);
  })
  .listen(port, hostname, () => console.log(`Claimdesk admin on http://${hostname}:${port}`));
