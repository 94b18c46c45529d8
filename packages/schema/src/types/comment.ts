import { selection } from "../query.ts";
import { z } from "zod";
import { audited } from "@claimdesk/desk";
import { permissions, visible } from "@claimdesk/desk";
import { builder } from "../builder.ts";
import { ForbiddenError, NotFoundError, ValidationError } from "@claimdesk/desk";
import { parseInput } from "@claimdesk/desk";
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
      if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError("Only newsroom staff comment");
      const viewer = ctx.viewer;
      const body = parseInput(z.string().trim().min(1, "is required").max(10_000), args.body, ["body"]);
      const id = await audited(ctx, async (tx, audit) => {
        const claim = await tx.claim.findUnique({ where: { id: args.claimId.id }, select: { id: true } });
        if (!claim) throw new NotFoundError("The claim");
        if (args.parentId) {
          const parent = await tx.comment.findUnique({ where: { id: args.parentId.id } });
          if (!parent || parent.claimId !== claim.id) throw new NotFoundError("The comment replied to");
        }
        const comment = await tx.comment.create({ data: { claimId: claim.id, authorId: viewer.id, body, parentId: args.parentId?.id ?? null } });
        await audit({ action: "comment.add", entityType: "Claim", entityId: claim.id, after: { commentId: comment.id, body } });
        return comment.id;
      });
      return ctx.prisma.comment.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);
