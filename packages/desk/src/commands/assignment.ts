/**
 * Who works on a claim and by when: its reviewer, priority and due date, and
 * assigning many claims at once from the claims list.
 */
import type { Claim, ClaimPriority } from "@claimdesk/db";
import { z } from "zod";
import type { DeskContext } from "../context.ts";
import {
  type AppError,
  BulkRefusedError,
  type ClaimFailure,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from "../errors.ts";
import { notify } from "../inbox.ts";
import { assignable, canReview, permissions } from "../policy.ts";
import { dueDateSchema, enums } from "../schemas.ts";
import { type Tx, audited, changedFields } from "../unit-of-work.ts";
import { parseInput } from "../validation.ts";
import { saveVersioned } from "../versioned.ts";

/** The user a claim is being assigned to, if they may be. */
export async function assigneeFor(tx: Tx, assigneeId: string | null, field = "assigneeId"): Promise<string | null> {
  if (!assigneeId) return null;
  const user = await tx.user.findUnique({ where: { id: assigneeId }, select: { role: true, active: true } });
  if (!user || !user.active) throw new NotFoundError("The user");
  if (!assignable(user)) throw ValidationError.field(field, "Viewers cannot be assigned claims");
  return assigneeId;
}

/** Four eyes: whoever checks a claim does not also approve it. */
export function refuseSelfReview(claim: Pick<Claim, "assigneeId" | "reviewerId">, field: string): void {
  if (claim.assigneeId && claim.assigneeId === claim.reviewerId)
    throw ValidationError.field(field, "The claim's reviewer cannot also be its fact-checker");
}

export interface PlanClaimInput {
  id: string;
  /** If given, refused with ConflictError when the claim changed since. */
  version?: number | null;
  reviewerId?: string | null;
  clearReviewer?: boolean | null;
  priority?: ClaimPriority | null;
  dueDate?: Date | null;
  clearDueDate?: boolean | null;
}

/** Sets a claim's reviewer, priority and due date (editors); a new reviewer of a claim in review finds it in their inbox. */
export async function planClaim(ctx: DeskContext, input: PlanClaimInput): Promise<string> {
  if (!permissions.plan(ctx.viewer)) throw new ForbiddenError("Only editors set reviewers, priorities and due dates");
  const viewer = ctx.viewer;
  const priority = input.priority == null ? undefined : parseInput(enums.priority, input.priority, ["input", "priority"]);
  const dueDate = input.dueDate == null ? undefined : parseInput(dueDateSchema, input.dueDate, ["input", "dueDate"]);
  await audited(ctx, async (tx, audit) => {
    const before = await tx.claim.findUnique({ where: { id: input.id } });
    if (!before) throw new NotFoundError("The claim");
    const version = input.version ?? before.version;
    if (version !== before.version) throw new ConflictError("Claim", before);
    const changes: Partial<Claim> = {};
    if (input.reviewerId) {
      const reviewer = await tx.user.findUnique({ where: { id: input.reviewerId }, select: { role: true, active: true } });
      if (!reviewer || !reviewer.active) throw new NotFoundError("The reviewer");
      if (!canReview(reviewer)) throw ValidationError.field("input.reviewerId", "Only editors and admins review claims");
      changes.reviewerId = input.reviewerId;
    }
    if (input.clearReviewer) changes.reviewerId = null;
    if (priority) changes.priority = priority;
    if (dueDate) changes.dueDate = dueDate;
    if (input.clearDueDate) changes.dueDate = null;
    const diff = changedFields(before, changes);
    if (!Object.keys(diff.after).length) return;
    refuseSelfReview({ ...before, ...changes }, "input.reviewerId");
    await saveVersioned(tx, "Claim", before.id, version, changes);
    await audit({ action: "claim.plan", entityType: "Claim", entityId: before.id, ...diff });
    if (diff.after.reviewerId && before.status === "IN_REVIEW")
      await notify(tx, [diff.after.reviewerId], { kind: "REVIEW_REQUESTED", claimId: before.id, actorId: viewer.id });
  });
  return input.id;
}

const bulkSchema = z
  .array(z.object({ id: z.string().min(1), version: z.number().int().positive() }))
  .min(1, "select at least one claim")
  .max(100, "at most 100 claims at once")
  .refine((claims) => new Set(claims.map((c) => c.id)).size === claims.length, "names a claim twice");

export interface BulkAssignInput {
  /** Each claim with the version the editor saw in the list. */
  claims: { id: string; version: number }[];
  assigneeId: string | null;
}

/**
 * Assigns several claims in one transaction: all of them, or none. Each claim
 * must still be at the version the editor saw (else ConflictError for it),
 * exist, and not be reviewed by the new assignee; if any fails, nothing is
 * written and BulkRefusedError lists every failing claim with its error.
 * Rows are locked in id order, so two bulk writes over the same claims
 * cannot deadlock; a save racing it either lands first (and this claim
 * conflicts) or waits and finds the version moved.
 */
export async function bulkAssign(ctx: DeskContext, input: BulkAssignInput): Promise<string[]> {
  if (!permissions.assign(ctx.viewer)) throw new ForbiddenError("Only editors assign claims");
  const viewer = ctx.viewer;
  const wanted = parseInput(bulkSchema, input.claims, ["input", "claims"]);
  return audited(ctx, async (tx, audit) => {
    const assigneeId = await assigneeFor(tx, input.assigneeId, "input.assigneeId");
    const ids = wanted.map((c) => c.id).sort();
    const locked = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM "Claim" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      `{${ids.map((id) => `"${id.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`,
    );
    const found = new Set(locked.map((row) => row.id));
    const rows = new Map((await tx.claim.findMany({ where: { id: { in: [...found] } } })).map((claim) => [claim.id, claim]));
    const failures: ClaimFailure[] = [];
    const fail = (claimId: string, error: AppError) => failures.push({ claimId, error });
    for (const { id, version } of wanted) {
      const claim = rows.get(id);
      if (!claim) fail(id, new NotFoundError("The claim"));
      else if (claim.version !== version) fail(id, new ConflictError("Claim", claim));
      else if (assigneeId && claim.reviewerId === assigneeId)
        fail(id, ValidationError.field("input.assigneeId", "is this claim's reviewer"));
    }
    if (failures.length) throw new BulkRefusedError(failures);
    for (const { id, version } of wanted) {
      const claim = rows.get(id)!;
      if (claim.assigneeId === assigneeId) continue;
      await saveVersioned(tx, "Claim", id, version, { assigneeId });
      await audit({
        action: "claim.assign",
        entityType: "Claim",
        entityId: id,
        before: { assigneeId: claim.assigneeId },
        after: { assigneeId, bulk: true },
      });
      await notify(tx, [assigneeId], { kind: "ASSIGNED", claimId: id, actorId: viewer.id });
    }
    return wanted.map((c) => c.id);
  });
}
