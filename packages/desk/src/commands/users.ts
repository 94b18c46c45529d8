/** Users, sign-in and API tokens. */
import { type Role, type User, hashPassword, verifyPassword } from "@claimdesk/db";
import { clearLoginFailures, loginBlockedFor, recordLoginFailure } from "../auth/login-limits.ts";
import { apiTokenPrefix, newSecret } from "../auth/tokens.ts";
import type { DeskContext } from "../context.ts";
import { AuthenticationError, ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from "../errors.ts";
import { isAdmin, permissions } from "../policy.ts";
import { createUserSchema, tokenNameSchema, updateUserSchema } from "../schemas.ts";
import { audited } from "../unit-of-work.ts";
import { parseInput } from "../validation.ts";

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword("claimdesk-timing-equaliser"));

/**
 * Checks e-mail and password (unknown e-mail and wrong password answer
 * alike, in the same time) within the sign-in limits; `startSession` then
 * starts the session the HTTP layer turns into a cookie.
 */
export async function login(
  ctx: DeskContext & { clientAddress: string },
  input: { email: string; password: string },
  startSession: (userId: string) => Promise<void>,
): Promise<User> {
  const email = input.email.trim().toLowerCase().slice(0, 320);
  if (!email || !input.password) throw new AuthenticationError();
  const blocked = await loginBlockedFor(ctx.prisma, email, ctx.clientAddress);
  if (blocked) throw new RateLimitedError(blocked);
  const user = await ctx.prisma.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password.slice(0, 1024));
  if (!user || !ok || !user.active) {
    await recordLoginFailure(ctx.prisma, email, ctx.clientAddress);
    throw new AuthenticationError();
  }
  await clearLoginFailures(ctx.prisma, email);
  await startSession(user.id);
  await audited(ctx, async (_tx, audit) => {
    await audit({ action: "user.login", entityType: "User", entityId: user.id });
  });
  return user;
}

export async function createUser(ctx: DeskContext, input: { email: string; name: string; role: Role; password: string }): Promise<string> {
  if (!permissions.administer(ctx.viewer)) throw new ForbiddenError("Only admins manage users");
  const { password: plain, ...data } = parseInput(createUserSchema, input, ["input"]);
  const passwordHash = await hashPassword(plain);
  return audited(ctx, async (tx, audit) => {
    if (await tx.user.findUnique({ where: { email: data.email } })) throw ValidationError.field("input.email", "is already registered");
    const user = await tx.user.create({ data: { ...data, passwordHash } });
    await audit({ action: "user.create", entityType: "User", entityId: user.id, after: data });
    return user.id;
  });
}

/** Deactivating or demoting a user, or a new password, ends their sessions. */
export async function updateUser(
  ctx: DeskContext,
  input: { id: string; name?: string | null; role?: Role | null; active?: boolean | null; password?: string | null },
): Promise<string> {
  if (!permissions.administer(ctx.viewer)) throw new ForbiddenError("Only admins manage users");
  const id = input.id;
  const data = parseInput(
    updateUserSchema,
    {
      name: input.name ?? undefined,
      role: input.role ?? undefined,
      active: input.active ?? undefined,
      password: input.password ?? undefined,
    },
    ["input"],
  );
  if (id === ctx.viewer.id && ((data.role && data.role !== "ADMIN") || data.active === false)) {
    throw ValidationError.field("input.role", "You cannot demote or deactivate yourself");
  }
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  await audited(ctx, async (tx, audit) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("The user");
    await tx.user.update({ where: { id }, data: { name: data.name, role: data.role, active: data.active, passwordHash } });
    if (data.active === false || (data.role && data.role !== before.role) || passwordHash) {
      await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    // A reset password or a deactivation also ends every API token (reactivating does not revive them).
    if (data.active === false || passwordHash) {
      await tx.apiToken.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await audit({
      action: "user.update",
      entityType: "User",
      entityId: id,
      before: { name: before.name, role: before.role, active: before.active },
      after: { name: data.name, role: data.role, active: data.active, passwordChanged: !!passwordHash },
    });
  });
  return id;
}

/** An API token acting as its creator, limited to its scopes; created from a session only. */
export async function createApiToken(
  ctx: DeskContext,
  input: { name: string; scopes: ("read" | "write")[]; expiresAt?: Date | null },
): Promise<{ secret: string; tokenId: string }> {
  const viewer = ctx.viewer;
  if (!viewer) throw new ForbiddenError();
  if (viewer.via.kind !== "session") throw new ForbiddenError("API tokens are created from a signed-in session, not with another token");
  const name = parseInput(tokenNameSchema, input.name, ["name"]);
  if (!input.scopes.length) throw ValidationError.field("scopes", "choose at least one scope");
  if (input.expiresAt && input.expiresAt <= new Date()) throw ValidationError.field("expiresAt", "must be in the future");
  const { secret, hash } = newSecret(apiTokenPrefix);
  const tokenId = await audited(ctx, async (tx, audit) => {
    const token = await tx.apiToken.create({
      data: {
        name,
        tokenHash: hash,
        prefix: secret.slice(0, 10),
        scopes: [...new Set(input.scopes)],
        userId: viewer.id,
        expiresAt: input.expiresAt ?? null,
      },
    });
    await audit({ action: "apiToken.create", entityType: "ApiToken", entityId: token.id, after: { name, scopes: token.scopes } });
    return token.id;
  });
  return { secret, tokenId };
}

export async function revokeApiToken(ctx: DeskContext, id: string): Promise<string> {
  const viewer = ctx.viewer;
  if (!viewer) throw new ForbiddenError();
  // A read-only token writes nothing, not even a revocation.
  if (!permissions.write(viewer)) throw new ForbiddenError("This API token is read-only");
  await audited(ctx, async (tx, audit) => {
    const token = await tx.apiToken.findUnique({ where: { id } });
    // Someone else's token answers like a missing one.
    if (!token || (token.userId !== viewer.id && !isAdmin(viewer))) throw new NotFoundError("The token");
    await tx.apiToken.update({ where: { id }, data: { revokedAt: token.revokedAt ?? new Date() } });
    await audit({ action: "apiToken.revoke", entityType: "ApiToken", entityId: id });
  });
  return id;
}
