import { z } from "zod";
/** Claims: marking, editing, assigning, moving through the workflow, duplicates. */
import { type Claim, type ClaimStatus, type PersonKind, type Prisma, type Stance, codePointLength, spanText } from "@claimdesk/db";
import type { DeskContext } from "../context.ts";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, WorkflowError } from "../errors.ts";
import { notify, mentionedUsers } from "../inbox.ts";
import { actorFor, lockedChanges, permissions } from "../policy.ts";
import { createClaimSchema, evidenceSchema, personSchema, updateClaimSchema } from "../schemas.ts";
import { type Tx, audited, changedFields } from "../unit-of-work.ts";
import { parseInput } from "../validation.ts";
import { lockVersioned, saveLocked, saveVersioned } from "../versioned.ts";
import { checkMove } from "../workflow.ts";
import { assigneeFor, refuseSelfReview } from "./assignment.ts";

/** Reads the command's answer inside its transaction (the response then needs no more database). */
export type Answer<T> = (tx: Tx, id: string) => Promise<T>;

export interface PersonFields {
  name: string;
  kind?: PersonKind | null;
  title?: string | null;
  affiliation?: string | null;
  sameAs?: string[] | null;
}

export interface CreateClaimInput {
  articleId?: string | null;
  spanStart?: number | null;
  spanEnd?: number | null;
  quote: string;
  claimReviewed?: string | null;
  speakerId?: string | null;
  newSpeaker?: PersonFields | null;
  claimDate?: Date | null;
  tags?: string[] | null;
  checkworthiness?: number | null;
  checkworthinessReasons?: string[] | null;
  evidence?: { sourceId: string; stance: Stance; passage?: string | null; location?: string | null }[] | null;
}

export async function createClaim<T>(ctx: DeskContext, input: CreateClaimInput, answer: Answer<T>): Promise<T> {
  if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError("Only newsroom staff can mark claims");
  const viewer = ctx.viewer;
  const data = parseInput(createClaimSchema, input, ["input"]);
  const newSpeaker = input.newSpeaker ? parseInput(personSchema, input.newSpeaker, ["input", "newSpeaker"]) : null;
  if (input.spanStart != null && !input.articleId) throw ValidationError.field("input.articleId", "is required with a span");
  const evidence = input.evidence ?? [];
  if (evidence.length > 50) throw ValidationError.field("input.evidence", "at most 50 sources at once");
  const sourceIds = [...new Set(evidence.map((e) => e.sourceId))];
  if (sourceIds.length !== evidence.length) throw ValidationError.field("input.evidence", "cites the same source twice");
  const citations = evidence.map((e) => ({
    sourceId: e.sourceId,
    stance: e.stance,
    ...parseInput(evidenceSchema, { passage: e.passage, location: e.location }, ["input", "evidence"]),
  }));
  return audited(ctx, async (tx, audit) => {
    let appearance: Prisma.ClaimAppearanceCreateWithoutClaimInput | undefined;
    if (input.articleId) {
      const article = await tx.article.findUnique({ where: { id: input.articleId }, select: { id: true, body: true } });
      if (!article) throw new NotFoundError("The article");
      if (data.spanStart == null || data.spanEnd == null) throw ValidationError.field("input.spanStart", "is required with an article");
      if (data.spanEnd > codePointLength(article.body)) throw ValidationError.field("input.spanEnd", "is past the end of the article body");
      const text = spanText(article.body, data.spanStart, data.spanEnd);
      if (text !== data.quote) {
        throw ValidationError.field(
          "input.quote",
          `does not match the article text at ${data.spanStart}–${data.spanEnd} ("${text.slice(0, 80)}")`,
        );
      }
      appearance = { article: { connect: { id: article.id } }, spanStart: data.spanStart, spanEnd: data.spanEnd, quote: data.quote };
    }
    let speakerId = input.speakerId ?? null;
    if (speakerId && !(await tx.person.findUnique({ where: { id: speakerId }, select: { id: true } })))
      throw new NotFoundError("The speaker");
    if (newSpeaker) {
      const person = await tx.person.create({ data: newSpeaker });
      await audit({ action: "person.create", entityType: "Person", entityId: person.id, after: newSpeaker });
      speakerId = person.id;
    }
    const fields = {
      quote: data.quote,
      claimReviewed: data.claimReviewed || data.quote.trim(),
      claimDate: data.claimDate ?? null,
      tags: data.tags,
      checkworthiness: data.checkworthiness ?? null,
      checkworthinessReasons: data.checkworthinessReasons ?? undefined,
      speakerId,
      // A fact-checker who marks a claim has selected it and works on it;
      // editors' claims wait for selection and assignment.
      assigneeId: viewer.role === "FACT_CHECKER" ? viewer.id : null,
      status: viewer.role === "FACT_CHECKER" ? ("SELECTED" as const) : ("UNREVIEWED" as const),
      createdById: viewer.id,
    };
    if (sourceIds.length && (await tx.source.count({ where: { id: { in: sourceIds } } })) !== sourceIds.length)
      throw new NotFoundError("A cited source");
    const claim = await tx.claim.create({
      data: {
        ...fields,
        appearances: appearance ? { create: appearance } : undefined,
        sources: citations.length ? { createMany: { data: citations } } : undefined,
      },
      select: { id: true },
    });
    await audit({
      action: "claim.create",
      entityType: "Claim",
      entityId: claim.id,
      after: {
        ...fields,
        articleId: input.articleId ?? undefined,
        spanStart: data.spanStart,
        spanEnd: data.spanEnd,
        evidence: citations.length ? citations : undefined,
      },
    });
    return answer(tx, claim.id);
  });
}

/** Loads a claim for a write by this viewer, or says why not. */
export async function claimForWrite(tx: Tx, ctx: DeskContext, id: string): Promise<Claim> {
  const claim = await tx.claim.findUnique({ where: { id } });
  if (!claim) throw new NotFoundError("The claim");
  if (!permissions.editClaim(ctx.viewer, claim))
    throw new ForbiddenError("Only the assigned fact-checker or an editor can change this claim");
  return claim;
}

export function refuseIfPublished(claim: Pick<Claim, "status">, what: string): void {
  if (claim.status === "PUBLISHED")
    throw new WorkflowError(`The claim is published: ${what} changes only through a correction of its fact-check`);
}

export interface UpdateClaimInput {
  id: string;
  version: number;
  claimReviewed?: string | null;
  speakerId?: string | null;
  clearSpeaker?: boolean | null;
  claimDate?: Date | null;
  tags?: string[] | null;
  explanation?: string | null;
  ratingId?: string | null;
  clearRating?: boolean | null;
}

/**
 * Edits a claim. A published claim keeps its wording, verdict and explanation
 * (the published lock); its other fields are desk data and change freely,
 * without touching the publication.
 */
export async function updateClaim(ctx: DeskContext, input: UpdateClaimInput): Promise<string> {
  const data = parseInput(
    updateClaimSchema,
    {
      claimReviewed: input.claimReviewed ?? undefined,
      claimDate: input.claimDate,
      tags: input.tags ?? undefined,
      explanation: input.explanation,
    },
    ["input"],
  );
  const id = input.id;
  await audited(ctx, async (tx, audit) => {
    const before = await claimForWrite(tx, ctx, id);
    if (before.version !== input.version) throw new ConflictError("Claim", before);
    const changes: Prisma.ClaimUncheckedUpdateInput & Record<string, unknown> = { ...data };
    if (input.speakerId) {
      if (!(await tx.person.findUnique({ where: { id: input.speakerId }, select: { id: true } }))) throw new NotFoundError("The speaker");
      changes.speakerId = input.speakerId;
    }
    if (input.clearSpeaker) changes.speakerId = null;
    if (input.ratingId) {
      if (!(await tx.rating.findUnique({ where: { id: input.ratingId }, select: { id: true } }))) throw new NotFoundError("The rating");
      changes.ratingId = input.ratingId;
    }
    if (input.clearRating) changes.ratingId = null;
    const diff = changedFields(before, changes as Partial<Claim>);
    if (lockedChanges(before, Object.keys(diff.after)).length) refuseIfPublished(before, "its verdict, explanation and wording");
    const saved = await saveVersioned(tx, "Claim", id, input.version, changes);
    // Saved at the version read, so nobody published in between; re-checked under the row lock.
    if (lockedChanges(saved, Object.keys(diff.after)).length) refuseIfPublished(saved, "its verdict, explanation and wording");
    await audit({ action: "claim.update", entityType: "Claim", entityId: id, ...diff });
  });
  return id;
}

export async function assignClaim(ctx: DeskContext, id: string, assigneeId: string | null): Promise<string> {
  if (!permissions.assign(ctx.viewer)) throw new ForbiddenError("Only editors assign claims");
  const viewer = ctx.viewer;
  await audited(ctx, async (tx, audit) => {
    const before = await tx.claim.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("The claim");
    await assigneeFor(tx, assigneeId);
    const saved = await saveLocked(tx, "Claim", id, { assigneeId });
    // Checked on the locked row: a reviewer set meanwhile is seen.
    refuseSelfReview(saved, "assigneeId");
    if (before.assigneeId !== assigneeId) await notify(tx, [assigneeId], { kind: "ASSIGNED", claimId: id, actorId: viewer.id });
    await audit({
      action: "claim.assign",
      entityType: "Claim",
      entityId: id,
      before: { assigneeId: before.assigneeId },
      after: { assigneeId },
    });
  });
  return id;
}

export async function moveClaim(ctx: DeskContext, id: string, to: ClaimStatus, version?: number | null): Promise<string> {
  await audited(ctx, async (tx, audit) => {
    const claim = await tx.claim.findUnique({ where: { id } });
    if (!claim || !permissions.workTheDesk(ctx.viewer)) throw claim ? new ForbiddenError() : new NotFoundError("The claim");
    if (version != null && version !== claim.version) throw new ConflictError("Claim", claim);
    if (to === "PUBLISHED" || claim.status === "PUBLISHED") {
      throw new WorkflowError(to === "PUBLISHED" ? "Use publishFactCheck to publish" : "Use unpublishFactCheck to take a fact-check down");
    }
    const check = checkMove(claim.status, to, actorFor(ctx.viewer, claim));
    if (!check.ok) {
      if (check.reason === "not-allowed") throw new ForbiddenError(`You may not move this claim from ${claim.status} to ${to}`);
      throw new WorkflowError(`A claim cannot move from ${claim.status} to ${to}`);
    }
    // Returned work stays "returned" until it moves on (resubmitted, dismissed, …).
    await saveVersioned(tx, "Claim", id, claim.version, { status: to, ...(to === "RESEARCHING" ? {} : { changesRequestedAt: null }) });
    await audit({ action: "claim.move", entityType: "Claim", entityId: id, before: { status: claim.status }, after: { status: to } });
    if (to === "IN_REVIEW") await notify(tx, [claim.reviewerId], { kind: "REVIEW_REQUESTED", claimId: id, actorId: ctx.viewer!.id });
  });
  return id;
}

export async function confirmDuplicate(ctx: DeskContext, id: string, canonicalId: string, reuseVerdict: boolean): Promise<string> {
  if (id === canonicalId) throw ValidationError.field("canonicalId", "A claim cannot duplicate itself");
  await audited(ctx, async (tx, audit) => {
    const claim = await tx.claim.findUnique({ where: { id } });
    const canonical = await tx.claim.findUnique({ where: { id: canonicalId } });
    if (!claim || !canonical) throw new NotFoundError("The claim");
    if (!permissions.editClaim(ctx.viewer, claim)) throw new ForbiddenError();
    if (claim.status === "PUBLISHED") throw new WorkflowError("A published claim cannot be marked a duplicate");
    if (canonical.duplicateOfId === id) throw ValidationError.field("canonicalId", "That claim is already a duplicate of this one");
    const reuse = reuseVerdict && canonical.ratingId ? { ratingId: canonical.ratingId, explanation: canonical.explanation } : {};
    const saved = await saveVersioned(tx, "Claim", id, claim.version, { duplicateOfId: canonical.id, ...reuse });
    if (saved.status === "PUBLISHED") throw new WorkflowError("A published claim cannot be marked a duplicate");
    await audit({
      action: "claim.duplicate.confirm",
      entityType: "Claim",
      entityId: id,
      before: { duplicateOfId: claim.duplicateOfId, ratingId: claim.ratingId },
      after: { duplicateOfId: canonical.id, reusedVerdict: !!reuse.ratingId, ratingId: reuse.ratingId ?? claim.ratingId },
    });
  });
  return id;
}

export async function rejectMatch(ctx: DeskContext, id: string, candidateId: string): Promise<string> {
  await audited(ctx, async (tx, audit) => {
    const claim = await tx.claim.findUnique({ where: { id } });
    if (!claim || !permissions.editClaim(ctx.viewer, claim)) throw claim ? new ForbiddenError() : new NotFoundError("The claim");
    await audit({ action: "claim.duplicate.reject", entityType: "Claim", entityId: id, after: { candidateId } });
  });
  return id;
}

/**
 * Evidence writes hold the claim's row lock, so they serialise with
 * publishing: once the claim is published its evidence is refused.
 */
export async function claimForEvidence(tx: Tx, ctx: DeskContext, claimId: string): Promise<Claim> {
  await lockVersioned(tx, "Claim", claimId);
  const claim = await claimForWrite(tx, ctx, claimId);
  refuseIfPublished(claim, "its evidence");
  return claim;
}

/**
 * The reviewing editor's other answer to "Submit for review": back to
 * research, with a note saying what to change. The move, the note (a comment
 * the fact-checker sees) and the audit event commit together.
 */
export async function requestChanges(ctx: DeskContext, id: string, note: string, version?: number | null): Promise<string> {
  const text = parseInput(z.string().trim().min(1, "is required").max(10_000), note, ["note"]);
  await audited(ctx, async (tx, audit) => {
    const claim = await tx.claim.findUnique({ where: { id } });
    if (!claim) throw new NotFoundError("The claim");
    if (!permissions.review(ctx.viewer, claim)) throw new ForbiddenError("Only the claim's reviewer (or an admin) requests changes");
    if (version != null && version !== claim.version) throw new ConflictError("Claim", claim);
    if (claim.status !== "IN_REVIEW" || !checkMove(claim.status, "RESEARCHING", { isEditor: true, isAssignee: false }).ok) {
      throw new WorkflowError("Only a claim in review can be returned with changes requested");
    }
    await saveVersioned(tx, "Claim", id, claim.version, { status: "RESEARCHING", changesRequestedAt: new Date() });
    const actorId = ctx.viewer!.id;
    const comment = await tx.comment.create({ data: { claimId: id, authorId: actorId, body: text }, select: { id: true } });
    const returnedTo = await notify(tx, [claim.assigneeId], { kind: "RETURNED", claimId: id, actorId, commentId: comment.id });
    const mentioned = (await mentionedUsers(tx, text)).filter((userId) => !returnedTo.includes(userId));
    await notify(tx, mentioned, { kind: "MENTIONED", claimId: id, actorId, commentId: comment.id });
    await audit({
      action: "claim.requestChanges",
      entityType: "Claim",
      entityId: id,
      before: { status: claim.status },
      after: { status: "RESEARCHING", note: text, commentId: comment.id },
    });
  });
  return id;
}
