export const sessionCookie = "claimdesk_session";

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // a malformed cookie is ignored, not an error
    }
  }
  return cookies;
}

export function serializeSessionCookie(value: string, options: { secure: boolean; expires?: Date }): string {
  const parts = [`${sessionCookie}=${encodeURIComponent(value)}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (options.secure) parts.push("Secure");
  parts.push(options.expires ? `Expires=${options.expires.toUTCString()}` : "Max-Age=0");
  return parts.join("; ");
}
