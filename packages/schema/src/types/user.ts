import { selection } from "../query.ts";
import { hashPassword, verifyPassword } from "@claimdesk/db";
import { z } from "zod";
import { audited } from "../audit.ts";
import { isAdmin, isStaff, permissions, visible } from "../auth/access.ts";
import { apiTokenPrefix, newSecret } from "../auth/tokens.ts";
import { builder } from "../builder.ts";
import { AuthenticationError, ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from "../errors.ts";
import { clearLoginFailures, loginBlockedFor, recordLoginFailure } from "../auth/login-limits.ts";
import { parseInput } from "../validation.ts";
import { RoleEnum } from "./common.ts";

/** Newsroom users. Never exposes password hashes; e-mail only to the user and admins. */
export const UserRef = builder.prismaNode("User", {
  id: { field: "id" },
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  // Staff see colleagues; anyone sees themself (also right after logging in).
  authScopes: (user, ctx) => user.id === ctx.viewer?.id || isStaff(ctx.viewer),
  findUnique: (id, ctx) => ({ id, AND: [ctx.viewer?.id === id ? {} : visible.desk(ctx.viewer)] }),
  fields: (t) => ({
    name: t.exposeString("name"),
    role: t.expose("role", { type: RoleEnum }),
    email: t.string({
      nullable: true,
      description: "Visible to the user themself and to admins",
      resolve: (user, _args, ctx) => (ctx.viewer && (ctx.viewer.id === user.id || isAdmin(ctx.viewer)) ? user.email : null),
    }),
    active: t.exposeBoolean("active"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("me", (t) =>
  t.prismaField({
    type: "User",
    nullable: true,
    description: "The signed-in user, or null",
    resolve: (query, _root, _args, ctx) => (ctx.viewer ? ctx.prisma.user.findUnique({ ...selection(query), where: { id: ctx.viewer.id } }) : null),
  }),
);

builder.queryField("users", (t) =>
  t.prismaField({
    type: ["User"],
    description: "Newsroom users (for assigning claims; admins manage them)",
    authScopes: { staff: true },
    args: { includeInactive: t.arg.boolean({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.user.findMany({ ...selection(query), where: args.includeInactive && isAdmin(ctx.viewer) ? {} : { active: true }, orderBy: { name: "asc" } }),
  }),
);

// ---------------------------------------------------------------- sign-in

const LoginPayload = builder.objectRef<{ ok: boolean }>("LogoutPayload").implement({
  fields: (t) => ({ ok: t.exposeBoolean("ok") }),
});

builder.mutationField("login", (t) =>
  t.field({
    type: UserRef,
    description: "Signs in with e-mail and password and sets the session cookie. Unknown e-mail and wrong password answer alike.",
    errors: { types: [AuthenticationError, RateLimitedError, ValidationError] },
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const email = args.email.trim().toLowerCase().slice(0, 320);
      if (!email || !args.password) throw new AuthenticationError();
      const blocked = await loginBlockedFor(ctx.prisma, email, ctx.clientAddress);
      if (blocked) throw new RateLimitedError(blocked);
      const user = await ctx.prisma.user.findUnique({ where: { email } });
      // Verify against a dummy hash for unknown users so timing does not tell them apart.
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), args.password.slice(0, 1024));
      if (!user || !ok || !user.active) {
        await recordLoginFailure(ctx.prisma, email, ctx.clientAddress);
        throw new AuthenticationError();
      }
      await clearLoginFailures(ctx.prisma, email);
      await ctx.session.startSession(user.id);
      await audited(ctx, async (_tx, audit) => {
        await audit({ action: "user.login", entityType: "User", entityId: user.id });
      });
      return user;
    },
  }),
);

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword("claimdesk-timing-equaliser"));

builder.mutationField("logout", (t) =>
  t.field({
    type: LoginPayload,
    description: "Ends the current session; the cookie stops working at once.",
    resolve: async (_root, _args, ctx) => {
      await ctx.session.endSession();
      return { ok: true };
    },
  }),
);

// ---------------------------------------------------------------- administration

const password = z.string().min(12, "must be at least 12 characters").max(1024);
const createUserSchema = z.object({
  email: z.email("must be an e-mail address").transform((v) => v.toLowerCase()),
  name: z.string().trim().min(1, "is required").max(200),
  role: z.enum(["ADMIN", "EDITOR", "FACT_CHECKER", "VIEWER"]),
  password,
});

const CreateUserInput = builder.inputType("CreateUserInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    password: t.string({ required: true }),
  }),
});

builder.mutationField("createUser", (t) =>
  t.prismaField({
    type: "User",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError] },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (!permissions.administer(ctx.viewer)) throw new ForbiddenError("Only admins manage users");
      const { password: plain, ...data } = parseInput(createUserSchema, input, ["input"]);
      const passwordHash = await hashPassword(plain);
      const id = await audited(ctx, async (tx, audit) => {
        if (await tx.user.findUnique({ where: { email: data.email } })) throw ValidationError.field("input.email", "is already registered");
        const user = await tx.user.create({ data: { ...data, passwordHash } });
        await audit({ action: "user.create", entityType: "User", entityId: user.id, after: data });
        return user.id;
      });
      return ctx.prisma.user.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

const UpdateUserInput = builder.inputType("UpdateUserInput", {
  fields: (t) => ({
    id: t.globalID({ for: UserRef, required: true }),
    name: t.string({ required: false }),
    role: t.field({ type: RoleEnum, required: false }),
    active: t.boolean({ required: false }),
    password: t.string({ required: false }),
  }),
});

builder.mutationField("updateUser", (t) =>
  t.prismaField({
    type: "User",
    description: "Changes a user's name, role, password or active flag (admins). Deactivating, demoting or a new password ends their sessions; deactivating or a new password revokes their API tokens.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    args: { input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      if (!permissions.administer(ctx.viewer)) throw new ForbiddenError("Only admins manage users");
      const id = input.id.id;
      const data = parseInput(
        z.object({ name: z.string().trim().min(1).max(200).optional(), role: createUserSchema.shape.role.optional(), active: z.boolean().optional(), password: password.optional() }),
        { name: input.name ?? undefined, role: input.role ?? undefined, active: input.active ?? undefined, password: input.password ?? undefined },
        ["input"],
      );
      if (id === ctx.viewer.id && (data.role && data.role !== "ADMIN" || data.active === false)) {
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
      return ctx.prisma.user.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

// ---------------------------------------------------------------- API tokens

export const ApiTokenRef = builder.prismaObject("ApiToken", {
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    prefix: t.exposeString("prefix", { description: "The first characters, to recognise the token" }),
    scopes: t.exposeStringList("scopes"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryField("apiTokens", (t) =>
  t.prismaField({
    type: ["ApiToken"],
    description: "Your API tokens (the secrets are never shown again)",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) => ctx.prisma.apiToken.findMany({ ...selection(query), where: { userId: ctx.viewer!.id }, orderBy: { createdAt: "desc" } }),
  }),
);

const CreatedToken = builder.objectRef<{ secret: string; tokenId: string }>("CreatedApiToken").implement({
  fields: (t) => ({
    token: t.exposeString("secret", { description: "Send as `Authorization: Bearer <token>`. Shown this once only." }),
    apiToken: t.prismaField({ type: "ApiToken", resolve: (query, parent, _args, ctx) => ctx.prisma.apiToken.findUniqueOrThrow({ ...selection(query), where: { id: parent.tokenId } }) }),
  }),
});

const TokenScope = builder.enumType("ApiTokenScope", { values: ["read", "write"] as const });

builder.mutationField("createApiToken", (t) =>
  t.field({
    type: CreatedToken,
    description: "Creates an API token acting as you, limited to its scopes (read, or read and write).",
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, ForbiddenError] },
    args: {
      name: t.arg.string({ required: true }),
      scopes: t.arg({ type: [TokenScope], required: true }),
      expiresAt: t.arg({ type: "DateTime", required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer!;
      if (viewer.via.kind !== "session") throw new ForbiddenError("API tokens are created from a signed-in session, not with another token");
      const name = parseInput(z.string().trim().min(1, "is required").max(100), args.name, ["name"]);
      if (!args.scopes.length) throw ValidationError.field("scopes", "choose at least one scope");
      if (args.expiresAt && args.expiresAt <= new Date()) throw ValidationError.field("expiresAt", "must be in the future");
      const { secret, hash } = newSecret(apiTokenPrefix);
      const tokenId = await audited(ctx, async (tx, audit) => {
        const token = await tx.apiToken.create({
          data: { name, tokenHash: hash, prefix: secret.slice(0, 10), scopes: [...new Set(args.scopes)], userId: viewer.id, expiresAt: args.expiresAt ?? null },
        });
        await audit({ action: "apiToken.create", entityType: "ApiToken", entityId: token.id, after: { name, scopes: token.scopes } });
        return token.id;
      });
      return { secret, tokenId };
    },
  }),
);

builder.mutationField("revokeApiToken", (t) =>
  t.prismaField({
    type: "ApiToken",
    authScopes: { authenticated: true },
    errors: { types: [NotFoundError, ForbiddenError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const viewer = ctx.viewer!;
      // A read-only token writes nothing, not even a revocation.
      if (!permissions.write(viewer)) throw new ForbiddenError("This API token is read-only");
      const id = String(args.id);
      await audited(ctx, async (tx, audit) => {
        const token = await tx.apiToken.findUnique({ where: { id } });
        // Someone else's token answers like a missing one.
        if (!token || (token.userId !== viewer.id && !isAdmin(viewer))) throw new NotFoundError("The token");
        await tx.apiToken.update({ where: { id }, data: { revokedAt: token.revokedAt ?? new Date() } });
        await audit({ action: "apiToken.revoke", entityType: "ApiToken", entityId: id });
      });
      return ctx.prisma.apiToken.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);
