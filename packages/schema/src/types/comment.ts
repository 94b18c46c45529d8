import { selection } from "../query.ts";
import { ForbiddenError, NotFoundError, ValidationError, comments, visible } from "@claimdesk/desk";
import { builder } from "../builder.ts";
import { ClaimRef } from "./claim.ts";

/** Internal notes on a claim, threaded. Staff only. */
export const CommentRef = builder.prismaNode("Comment", {
  id: { field: "id" },
  nullable: true, // node(id) of a hidden or missing record answers null, not an error
  authScopes: { staff: true },
  findUnique: (id, ctx) => ({ id, AND: [visible.desk(ctx.viewer)] }),
  fields: (t) => ({
    body: t.exposeString("body"),
    author: t.relation("author"),
    parent: t.relation("parent", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.mutationField("addComment", (t) =>
  t.prismaField({
    type: "Comment",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError] },
    args: {
      claimId: t.arg.globalID({ for: ClaimRef, required: true }),
      body: t.arg.string({ required: true }),
      parentId: t.arg.globalID({ for: CommentRef, required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = await comments.addComment(ctx, { claimId: args.claimId.id, body: args.body, parentId: args.parentId?.id });
      return ctx.prisma.comment.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);
