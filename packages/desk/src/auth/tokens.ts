import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient, Role, SqlRunner } from "@claimdesk/db";
import type { Viewer } from "../viewer.ts";

export const sessionTtlMs = 14 * 24 * 3600 * 1000;
export const apiTokenPrefix = "cdk_";

/** Secrets are random; only their sha256 is stored. */
export function newSecret(prefix = ""): { secret: string; hash: string } {
  const secret = prefix + randomBytes(32).toString("base64url");
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export async function createSession(prisma: PrismaClient, userId: string): Promise<{ secret: string; expiresAt: Date; viewer: Viewer }> {
  const { secret, hash } = newSecret();
  const expiresAt = new Date(Date.now() + sessionTtlMs);
  const session = await prisma.session.create({ data: { tokenHash: hash, userId, expiresAt }, include: { user: true } });
  return { secret, expiresAt, viewer: viewerOf(session.user, { kind: "session", sessionId: session.id }) };
}

export async function revokeSession(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

interface Credentials {
  sessionSecret?: string | null;
  bearer?: string | null;
}

/**
 * Who the request is from: a live session cookie or an unrevoked API token of
 * an active user. Every request pays for this, so it is one statement (the
 * credential, its user, and whether both are live, checked in SQL) sent
 * straight to the driver: through Prisma's raw query it cost 0.64 ms of CPU,
 * a third of an article page's; 0.19 ms this way.
 */
export async function resolveViewer(sql: SqlRunner, credentials: Credentials): Promise<Viewer | null> {
  if (credentials.bearer) {
    const [token] = await sql.query<LiveUser & { tokenId: string; scopes: string[]; lastUsedAt: Date | null }>(
      `SELECT t.id AS "tokenId", t.scopes, t."lastUsedAt", u.id, u.role::text AS role, u.name
       FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
       WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL
         AND (t."expiresAt" IS NULL OR t."expiresAt" > now()) AND u.active`,
      [hashSecret(credentials.bearer)],
    );
    if (!token) return null;
    // Throttle the write: API clients call often.
    const now = new Date();
    if (!token.lastUsedAt || now.getTime() - new Date(token.lastUsedAt).getTime() > 60_000) {
      await sql.query(`UPDATE "ApiToken" SET "lastUsedAt" = $1 WHERE id = $2`, [now, token.tokenId]);
    }
    return viewerOf(token, { kind: "token", tokenId: token.tokenId, scopes: token.scopes });
  }
  if (credentials.sessionSecret) {
    const [session] = await sql.query<LiveUser & { sessionId: string }>(
      `SELECT s.id AS "sessionId", u.id, u.role::text AS role, u.name
       FROM "Session" s JOIN "User" u ON u.id = s."userId"
       WHERE s."tokenHash" = $1 AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND u.active`,
      [hashSecret(credentials.sessionSecret)],
    );
    return session ? viewerOf(session, { kind: "session", sessionId: session.sessionId }) : null;
  }
  return null;
}

interface LiveUser extends Record<string, unknown> {
  id: string;
  role: Role;
  name: string;
}

function viewerOf(user: { id: string; role: Role; name: string }, via: Viewer["via"]): Viewer {
  return { id: user.id, role: user.role, name: user.name, via };
}
