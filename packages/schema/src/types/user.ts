import { selection } from "../query.ts";
import {
  AuthenticationError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  assignable,
  canReview,
  deskPermissions,
  isAdmin,
  isStaff,
  users,
  visible,
} from "@claimdesk/desk";
import { builder } from "../builder.ts";
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
    canBeAssigned: t.boolean({
      description: "Whether claims may be assigned to this user",
      select: { role: true, active: true },
      resolve: (user) => assignable(user),
    }),
    canReview: t.boolean({
      description: "Whether this user may be a claim's reviewer",
      select: { role: true, active: true },
      resolve: (user) => canReview(user),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("me", (t) =>
  t.prismaField({
    type: "User",
    nullable: true,
    description: "The signed-in user, or null",
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.prisma.user.findUnique({ ...selection(query), where: { id: ctx.viewer.id } }) : null,
  }),
);

const DeskPermissions = builder.objectRef<ReturnType<typeof deskPermissions>>("DeskPermissions").implement({
  description: "What the viewer may do on the desk, decided by the desk's policy",
  fields: (t) => ({
    readTheDesk: t.exposeBoolean("readTheDesk"),
    workTheDesk: t.exposeBoolean("workTheDesk", { description: "Ingest articles, mark claims, add sources, comment" }),
    assign: t.exposeBoolean("assign"),
    plan: t.exposeBoolean("plan", { description: "Set claims' reviewers, priorities and due dates" }),
    publish: t.exposeBoolean("publish"),
    correct: t.exposeBoolean("correct"),
    administer: t.exposeBoolean("administer"),
    readInbox: t.exposeBoolean("readInbox", { description: "Has an inbox (newsroom staff)" }),
  }),
});

builder.queryField("viewerCan", (t) =>
  t.field({
    type: DeskPermissions,
    description: "What you may do on the desk: show controls from this, not from roles",
    resolve: (_root, _args, ctx) => deskPermissions(ctx.viewer),
  }),
);

builder.queryField("users", (t) =>
  t.prismaField({
    type: ["User"],
    description: "Newsroom users (for assigning claims; admins manage them)",
    authScopes: { staff: true },
    args: { includeInactive: t.arg.boolean({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.user.findMany({
        ...selection(query),
        where: args.includeInactive && isAdmin(ctx.viewer) ? {} : { active: true },
        orderBy: { name: "asc" },
      }),
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
    resolve: (_root, args, ctx) => users.login(ctx, args, (userId) => ctx.session.startSession(userId)),
  }),
);

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
      const id = await users.createUser(ctx, input);
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
    description:
      "Changes a user's name, role, password or active flag (admins). Deactivating, demoting or a new password ends their sessions; deactivating or a new password revokes their API tokens.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    args: { input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await users.updateUser(ctx, { ...input, id: input.id.id });
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
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.apiToken.findMany({ ...selection(query), where: { userId: ctx.viewer!.id }, orderBy: { createdAt: "desc" } }),
  }),
);

const CreatedToken = builder.objectRef<{ secret: string; tokenId: string }>("CreatedApiToken").implement({
  fields: (t) => ({
    token: t.exposeString("secret", { description: "Send as `Authorization: Bearer <token>`. Shown this once only." }),
    apiToken: t.prismaField({
      type: "ApiToken",
      resolve: (query, parent, _args, ctx) => ctx.prisma.apiToken.findUniqueOrThrow({ ...selection(query), where: { id: parent.tokenId } }),
    }),
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
    resolve: (_root, args, ctx) => users.createApiToken(ctx, args),
  }),
);

builder.mutationField("revokeApiToken", (t) =>
  t.prismaField({
    type: "ApiToken",
    authScopes: { authenticated: true },
    errors: { types: [NotFoundError, ForbiddenError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = await users.revokeApiToken(ctx, String(args.id));
      return ctx.prisma.apiToken.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);
