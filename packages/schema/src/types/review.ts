import { updateVersioned } from "@claimdesk/db";
import { z } from "zod";
import { audited } from "../audit.ts";
import { permissions } from "../auth/access.ts";
import { builder } from "../builder.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, WorkflowError } from "../errors.ts";
import { selection } from "../query.ts";
import { parseInput } from "../validation.ts";
import { checkMove } from "../workflow.ts";
import { ClaimRef } from "./claim.ts";

/**
 * The reviewing editor's other answer to "Submit for review": back to
 * research, with a note saying what to change. The move, the note (a comment
 * the fact-checker sees) and the audit event commit together.
 */
builder.mutationField("requestChanges", (t) =>
  t.prismaField({
    type: "Claim",
    description: "Returns a claim in review to its fact-checker (RESEARCHING) with a note of what to change (editors).",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, WorkflowError, ConflictError] },
    args: {
      id: t.arg.globalID({ for: ClaimRef, required: true }),
      note: t.arg.string({ required: true, description: "What to change; shown to the fact-checker as a comment" }),
      version: t.arg.int({ required: false, description: "If given, refused when the claim changed since" }),
    },
    resolve: async (query, _root, args, ctx) => {
      const id = args.id.id;
      const note = parseInput(z.string().trim().min(1, "is required").max(10_000), args.note, ["note"]);
      await audited(ctx, async (tx, audit) => {
        const claim = await tx.claim.findUnique({ where: { id } });
        if (!claim) throw new NotFoundError("The claim");
        if (!permissions.runTheDesk(ctx.viewer)) throw new ForbiddenError("Only editors request changes");
        if (args.version != null && args.version !== claim.version) throw new ConflictError(claim);
        if (claim.status !== "IN_REVIEW" || !checkMove(claim.status, "RESEARCHING", { isEditor: true, isAssignee: false }).ok) {
          throw new WorkflowError("Only a claim in review can be returned with changes requested");
        }
        const result = await updateVersioned(tx.claim, id, claim.version, { status: "RESEARCHING" });
        if (!result.ok) throw result.reason === "stale" ? new ConflictError(result.current) : new NotFoundError("The claim");
        const comment = await tx.comment.create({ data: { claimId: id, authorId: ctx.viewer!.id, body: note }, select: { id: true } });
        await audit({ action: "claim.requestChanges", entityType: "Claim", entityId: id, before: { status: claim.status }, after: { status: "RESEARCHING", note, commentId: comment.id } });
      });
      return ctx.prisma.claim.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);
