import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";
import { IntakeError, seconds } from "./errors.ts";

/**
 * Fetching pages named by editors or feeds: hostile input. http(s) only,
 * bounded redirects, connect and total deadlines, a size cap (after
 * decompression), and no connections to private, loopback or link-local
 * addresses, checked on the address actually connected to (after DNS, on
 * every redirect) unless `allowPrivateAddresses` is set (tests, local use).
 */
export interface FetchOptions {
  allowPrivateAddresses?: boolean;
  maxRedirects?: number;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxBytes?: number;
  /** Extra request headers (conditional requests: If-None-Match, If-Modified-Since). */
  headers?: Record<string, string>;
  accept?: string;
}

export interface FetchedResource {
  /** The URL after redirects. */
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Empty for 304 Not Modified. */
  body: Buffer;
  /** The media type without parameters, lower case ("" when absent). */
  mediaType: string;
  /** The charset parameter of Content-Type, if any. */
  charset: string | null;
}

export const fetchDefaults = {
  maxRedirects: 5,
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
} as const;

const userAgent = "Claimdesk/0.1 (fact-checking desk; +https://github.com/claimdesk)";

export async function safeFetch(rawUrl: string, options: FetchOptions = {}): Promise<FetchedResource> {
  const maxRedirects = options.maxRedirects ?? fetchDefaults.maxRedirects;
  const totalTimeoutMs = options.totalTimeoutMs ?? fetchDefaults.totalTimeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), totalTimeoutMs);
  const seen = new Set<string>();
  try {
    let url = parseHttpUrl(rawUrl);
    for (let hop = 0; ; hop++) {
      seen.add(url.href);
      const response = await request(url, options, controller.signal, totalTimeoutMs);
      const location = response.headers.location;
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
        const next = parseHttpUrl(new URL(location, url).href);
        if (seen.has(next.href)) throw new IntakeError("REDIRECT_LOOP", "The page redirects in a loop");
        if (hop + 1 > maxRedirects) throw new IntakeError("TOO_MANY_REDIRECTS", `The page redirected more than ${maxRedirects} times`);
        url = next;
        continue;
      }
      if (response.status !== 304 && (response.status < 200 || response.status >= 300)) {
        throw new IntakeError(
          "HTTP_STATUS",
          `The site answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
          response.status,
        );
      }
      return { ...response, url: url.href };
    }
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof IntakeError && error.code !== "NETWORK")) {
      throw new IntakeError("TIMEOUT", `The page took longer than ${seconds(totalTimeoutMs)}`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

export function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new IntakeError("INVALID_URL", "This is not a web address");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new IntakeError("UNSUPPORTED_SCHEME", `Only http and https addresses can be fetched (not ${url.protocol.replace(":", "")})`);
  }
  if (url.username || url.password) throw new IntakeError("INVALID_URL", "Addresses with a user name or password are not fetched");
  url.hash = "";
  return url;
}

/** Public unicast only: no private, loopback, link-local, multicast, reserved or carrier-grade NAT ranges. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as dns.LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((a) => !isPublicAddress(a.address));
      if (refused) return callback(notAllowed(hostname), "", 0);
      if ((options as dns.LookupAllOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

function notAllowed(host: string): IntakeError {
  return new IntakeError(
    "ADDRESS_NOT_ALLOWED",
    `The address ${host} is not allowed (private, loopback or link-local networks are not fetched)`,
  );
}

interface RawResponse {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  mediaType: string;
  charset: string | null;
}

function request(url: URL, options: FetchOptions, signal: AbortSignal, totalTimeoutMs: number): Promise<RawResponse> {
  const allowPrivate = options.allowPrivateAddresses ?? false;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // An address literal is connected to without a DNS lookup: check it here.
  if (net.isIP(host) && !allowPrivate && !isPublicAddress(host)) return Promise.reject(notAllowed(host));
  const connectTimeoutMs = options.connectTimeoutMs ?? fetchDefaults.connectTimeoutMs;
  const maxBytes = options.maxBytes ?? fetchDefaults.maxBytes;
  const client = url.protocol === "https:" ? https : http;

  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(toIntakeError(error, signal, totalTimeoutMs));
    };
    const req = client.request(url, {
      method: "GET",
      signal,
      lookup: guardedLookup(allowPrivate),
      agent: false,
      headers: {
        "user-agent": userAgent,
        accept: options.accept ?? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        "accept-encoding": "gzip, deflate, br",
        ...options.headers,
      },
    });
    const connectTimer = setTimeout(
      () => fail(new IntakeError("CONNECT_TIMEOUT", `The site did not accept a connection within ${seconds(connectTimeoutMs)}`)),
      connectTimeoutMs,
    );
    req.on("socket", (socket) => {
      const connected = () => clearTimeout(connectTimer);
      if (!socket.connecting) connected();
      socket.once(url.protocol === "https:" ? "secureConnect" : "connect", connected);
    });
    req.on("error", fail);
    req.on("response", (res) => {
      clearTimeout(connectTimer);
      const status = res.statusCode ?? 0;
      const { mediaType, charset } = parseContentType(res.headers["content-type"]);
      const base = { status, statusText: res.statusMessage ?? "", headers: res.headers, mediaType, charset };
      if (status >= 300 || status < 200) {
        res.resume();
        settled = true;
        return resolve({ ...base, body: Buffer.alloc(0) });
      }
      const declared = Number(res.headers["content-length"]);
      if (!res.headers["content-encoding"] && Number.isFinite(declared) && declared > maxBytes) return fail(tooLarge(maxBytes));
      const stream = decoder(res);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) return fail(tooLarge(maxBytes));
        chunks.push(chunk);
      });
      stream.on("error", (error) => fail(new IntakeError("NETWORK", `The page could not be read: ${error.message}`)));
      stream.on("end", () => {
        if (settled) return;
        settled = true;
        resolve({ ...base, body: Buffer.concat(chunks) });
      });
      res.on("aborted", () => fail(new IntakeError("NETWORK", "The connection closed before the page was complete")));
    });
    req.end();
  });
}

function tooLarge(maxBytes: number): IntakeError {
  return new IntakeError("TOO_LARGE", `The page is larger than ${(maxBytes / 1024 / 1024).toFixed(maxBytes % (1024 * 1024) ? 1 : 0)} MB`);
}

function decoder(res: http.IncomingMessage): NodeJS.ReadableStream {
  switch ((res.headers["content-encoding"] ?? "").toLowerCase().trim()) {
    case "gzip":
    case "x-gzip":
      return res.pipe(zlib.createGunzip());
    case "deflate":
      return res.pipe(zlib.createInflate());
    case "br":
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

export function parseContentType(header: string | undefined): { mediaType: string; charset: string | null } {
  if (!header) return { mediaType: "", charset: null };
  const [type, ...params] = header.split(";");
  const charset = params.map((p) => p.trim().match(/^charset\s*=\s*"?([^";\s]+)"?/i)?.[1]).find(Boolean) ?? null;
  return { mediaType: (type ?? "").trim().toLowerCase(), charset };
}

function toIntakeError(error: unknown, signal: AbortSignal, totalTimeoutMs: number): IntakeError {
  if (error instanceof IntakeError) return error;
  if (signal.aborted) return new IntakeError("TIMEOUT", `The page took longer than ${seconds(totalTimeoutMs)}`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new IntakeError("DNS_FAILED", "The site's name could not be found");
  if (code === "ECONNREFUSED") return new IntakeError("NETWORK", "The site refused the connection");
  if (code === "ECONNRESET") return new IntakeError("NETWORK", "The site closed the connection");
  return new IntakeError("NETWORK", `The page could not be fetched (${code ?? (error as Error).message})`);
}
