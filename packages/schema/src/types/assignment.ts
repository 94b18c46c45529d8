import { wrapOrThrow } from "@pothos/plugin-errors";
import { encodeGlobalID } from "@pothos/plugin-relay";
import {
  BulkRefusedError,
  type ClaimFailure,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  WorkflowError,
  assignment,
} from "@claimdesk/desk";
import { builder } from "../builder.ts";
import { selection } from "../query.ts";
import { ClaimRef } from "./claim.ts";
import { ClaimPriorityEnum, ErrorInterface } from "./common.ts";
import { UserRef } from "./user.ts";

/** Who reviews a claim, how urgent it is and when it is due: editors plan the desk. */
const PlanClaimInput = builder.inputType("PlanClaimInput", {
  fields: (t) => ({
    id: t.globalID({ for: ClaimRef, required: true }),
    version: t.int({ required: false, description: "If given, refused with ConflictError when the claim changed since" }),
    reviewerId: t.globalID({ for: UserRef, required: false, description: "An editor or admin" }),
    clearReviewer: t.boolean({ required: false }),
    priority: t.field({ type: ClaimPriorityEnum, required: false }),
    dueDate: t.field({ type: "Date", required: false }),
    clearDueDate: t.boolean({ required: false }),
  }),
});

builder.mutationField("planClaim", (t) =>
  t.prismaField({
    type: "Claim",
    description:
      "Sets a claim's reviewer, priority and due date (editors). The reviewer cannot be its fact-checker; a new reviewer of a claim in review finds it in their inbox.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: PlanClaimInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const id = await assignment.planClaim(ctx, { ...input, id: input.id.id, reviewerId: input.reviewerId?.id });
      return ctx.prisma.claim.findUniqueOrThrow({ ...selection(query), where: { id } });
    },
  }),
);

const failureTypes = [ConflictError, NotFoundError, ValidationError, ForbiddenError, WorkflowError];

const ClaimFailureRef = builder.objectRef<ClaimFailure>("ClaimFailure").implement({
  description: "One claim a bulk write could not write, and why",
  fields: (t) => ({
    claimId: t.id({ resolve: (failure) => encodeGlobalID("Claim", failure.claimId) }),
    error: t.field({
      type: ErrorInterface,
      description: "ConflictError (changed since you saw it), NotFoundError, ValidationError (e.g. the assignee is its reviewer)",
      // Branded as the errors plugin brands a mutation's error (an Error returned as such would be thrown).
      resolve: (failure) => wrapOrThrow(failure.error, failureTypes) as typeof failure.error,
    }),
  }),
});

builder.objectType(BulkRefusedError, {
  name: "BulkRefusedError",
  interfaces: [ErrorInterface],
  description: "Nothing was written: these claims could not be, each with its own error",
  isTypeOf: (value) => value instanceof BulkRefusedError,
  fields: (t) => ({ failures: t.field({ type: [ClaimFailureRef], resolve: (error) => error.failures }) }),
});

const BulkClaimRef = builder.inputType("BulkClaimRef", {
  fields: (t) => ({
    id: t.globalID({ for: ClaimRef, required: true }),
    version: t.int({ required: true, description: "The version you saw; a claim changed since refuses the whole write" }),
  }),
});

builder.mutationField("bulkAssignClaims", (t) =>
  t.prismaField({
    type: ["Claim"],
    description:
      "Assigns up to 100 claims to one fact-checker (or unassigns them with assigneeId null) in one transaction: all or none. If any claim cannot be assigned, BulkRefusedError names each one with its error and nothing changes.",
    authScopes: { deskWriter: true },
    errors: { types: [ValidationError, ForbiddenError, NotFoundError, BulkRefusedError] },
    args: {
      claims: t.arg({ type: [BulkClaimRef], required: true }),
      assigneeId: t.arg.globalID({ for: UserRef, required: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const ids = await assignment.bulkAssign(ctx, {
        claims: args.claims.map((c) => ({ id: c.id.id, version: c.version })),
        assigneeId: args.assigneeId?.id ?? null,
      });
      const rows = await ctx.prisma.claim.findMany({ ...selection(query), where: { id: { in: ids } } });
      return ids.map((id) => rows.find((row) => row.id === id)!).filter(Boolean);
    },
  }),
);
