import { ConflictError, ForbiddenError, NotFoundError, ValidationError, WorkflowError, claims } from "@claimdesk/desk";
import { builder } from "../builder.ts";
import { selection } from "../query.ts";
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
      const id = await claims.requestChanges(ctx, args.id.id, args.note, args.version);
      return ctx.prisma.claim.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);
