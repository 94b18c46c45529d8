import { ForbiddenError, ValidationError, inbox } from "@claimdesk/desk";
import { builder, pageCost } from "../builder.ts";
import { pageAndCount, selection, startedCount } from "../query.ts";
import type { Context } from "../context.ts";
import { InboxKindEnum } from "./common.ts";

/** What concerns the viewer: claims assigned to them, sent to them for review, returned, published, comments mentioning them. */
export const InboxItemRef = builder.prismaNode("InboxItem", {
  id: { field: "id" },
  nullable: true, // someone else's item answers null, as a missing one does
  authScopes: { staff: true },
  findUnique: (id, ctx) => ({ id, AND: [{ userId: ctx.viewer?.id ?? "-" }] }),
  fields: (t) => ({
    kind: t.expose("kind", { type: InboxKindEnum }),
    claim: t.relation("claim"),
    comment: t.relation("comment", { nullable: true, description: "The comment, for a mention or a return with a note" }),
    actor: t.relation("actor", { nullable: true, description: "Who did it" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    readAt: t.expose("readAt", { type: "DateTime", nullable: true }),
    read: t.boolean({ select: { readAt: true }, resolve: (item) => item.readAt !== null }),
  }),
});

const mine = (ctx: Context, unreadOnly?: boolean | null) => ({
  userId: ctx.viewer?.id ?? "-",
  ...(unreadOnly ? { readAt: null } : {}),
});

builder.queryField("inbox", (t) =>
  t.prismaConnection({
    type: "InboxItem",
    cursor: "id",
    complexity: pageCost,
    description: "Your inbox, newest first",
    authScopes: { authenticated: true }, // only ever the viewer's own items
    args: { unreadOnly: t.arg.boolean({ required: false }) },
    totalCount: (_p, args, ctx) => startedCount(args, () => ctx.prisma.inboxItem.count({ where: mine(ctx, args.unreadOnly) })),
    resolve: (query, _p, args, ctx, info) =>
      pageAndCount(
        info,
        args,
        mine(ctx, args.unreadOnly),
        (where) => ctx.prisma.inboxItem.findMany({ ...selection(query), where, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
        (where) => ctx.prisma.inboxItem.count({ where }),
      ),
  }),
);

builder.queryField("inboxUnreadCount", (t) =>
  t.int({
    description: "How many items in your inbox you have not read",
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => ctx.prisma.inboxItem.count({ where: mine(ctx, true) }),
  }),
);

const InboxReadPayload = builder.objectRef<{ unreadCount: number }>("InboxReadPayload").implement({
  fields: (t) => ({ unreadCount: t.exposeInt("unreadCount", { description: "What stays unread" }) }),
});

builder.mutationField("markInboxRead", (t) =>
  t.field({
    type: InboxReadPayload,
    description: "Marks your inbox items read: those named, or all of them with all: true",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError] },
    args: {
      ids: t.arg.globalIDList({ for: InboxItemRef, required: false }),
      all: t.arg.boolean({ required: false }),
    },
    resolve: async (_root, args, ctx) => ({
      unreadCount: await inbox.markRead(ctx, { ids: args.ids?.map((id) => id.id), all: args.all }),
    }),
  }),
);
