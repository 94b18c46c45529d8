import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient, Role } from "@claimdesk/db";
import type { Viewer } from "../context.ts";

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

/** Who the request is from: a live session cookie or an unrevoked API token of an active user. */
export async function resolveViewer(prisma: PrismaClient, credentials: Credentials): Promise<Viewer | null> {
  const now = new Date();
  if (credentials.bearer) {
    const token = await prisma.apiToken.findUnique({ where: { tokenHash: hashSecret(credentials.bearer) }, include: { user: true } });
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || !token.user.active) return null;
    // Throttle the write: API clients call often.
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
      await prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
    }
    return viewerOf(token.user, { kind: "token", tokenId: token.id, scopes: token.scopes });
  }
  if (credentials.sessionSecret) {
    const session = await prisma.session.findUnique({ where: { tokenHash: hashSecret(credentials.sessionSecret) }, include: { user: true } });
    if (!session || session.revokedAt || session.expiresAt <= now || !session.user.active) return null;
    return viewerOf(session.user, { kind: "session", sessionId: session.id });
  }
  return null;
}

function viewerOf(user: { id: string; role: Role; name: string }, via: Viewer["via"]): Viewer {
  return { id: user.id, role: user.role, name: user.name, via };
}
