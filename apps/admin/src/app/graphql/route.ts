/**
 * Same-origin GraphQL endpoint for the browser: forwards to the API, read
 * from CLAIMDESK_API_URL at request time, so the session cookie stays
 * first-party. The API still checks everything (auth, CSRF, limits).
 */
const forwardedHeaders = [
  "content-type",
  "accept",
  "cookie",
  "authorization",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "x-request-id",
  "idempotency-key",
];

/**
 * The browser's address, as the admin's server (server.mjs) saw the socket.
 * A browser's own X-Forwarded-For is never passed on: the API trusts this
 * proxy's header for sign-in limits. Without the server's token (the app run
 * some other way) no address is sent and the API sees this proxy's own.
 */
function peerAddress(req: Request): string | null {
  const token = process.env.CLAIMDESK_PEER_TOKEN;
  if (!token || req.headers.get("x-claimdesk-peer-token") !== token) return null;
  return req.headers.get("x-claimdesk-peer");
}

async function forward(req: Request): Promise<Response> {
  const apiUrl = `${process.env.CLAIMDESK_API_URL ?? "http://127.0.0.1:4000"}/graphql${new URL(req.url).search}`;
  const headers = new Headers();
  for (const name of forwardedHeaders) {
    const value = req.headers.get(name);
    if (value) headers.set(name, value);
  }
  const peer = peerAddress(req);
  if (peer) headers.set("x-forwarded-for", peer);
  let upstream: Response;
  try {
    upstream = await fetch(apiUrl, {
      method: req.method,
      headers,
      body: req.method === "POST" ? await req.text() : undefined,
      cache: "no-store",
    });
  } catch {
    return Response.json(
      { errors: [{ message: "The Claimdesk API is not reachable", extensions: { code: "SERVICE_UNAVAILABLE" } }] },
      { status: 503 },
    );
  }
  const out = new Headers({ "content-type": upstream.headers.get("content-type") ?? "application/json" });
  for (const cookie of upstream.headers.getSetCookie()) out.append("set-cookie", cookie);
  return new Response(upstream.body, { status: upstream.status, headers: out });
}

export const POST = forward;
export const GET = forward;
export const dynamic = "force-dynamic";
