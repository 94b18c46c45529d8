/**
 * Publishing, unpublishing and correcting fact-checks. Publishing freezes
 * what the public reads (the snapshot); a correction, public and dated, is
 * the only way that changes afterwards.
 */
import { type Prisma, factCheckSlug } from "@claimdesk/db";
import type { DeskContext } from "../context.ts";
import { ConflictError, ForbiddenError, NotFoundError, WorkflowError } from "../errors.ts";
import { notify } from "../inbox.ts";
import { permissions, retractionRefusal } from "../policy.ts";
import { type PublishedRecord, type PublishedSnapshot, currentSnapshot, factCheckUrl, previewRecord } from "../published.ts";
import { correctionSchema, publishSchema, reasonSchema } from "../schemas.ts";
import { type Tx, audited } from "../unit-of-work.ts";
import { parseInput } from "../validation.ts";
import { lockVersioned, saveLocked, saveVersioned } from "../versioned.ts";
import { publishPreconditions } from "../workflow.ts";

export interface PublishInput {
  claimId: string;
  /** The claim version the editor reviewed. */
  version: number;
  headline: string;
  summary?: string | null;
}

/**
 * Publishes the claim at the version the editor reviewed: if anyone saved
 * it since, ConflictError with the claim as it is now, and nothing is
 * published. The claim's row lock is held from that save to the snapshot,
 * so the snapshot is exactly that version.
 */
/** The public record publishing `claimId` would produce now, with the headline and summary being written (never stored). */
export async function previewPublication(
  ctx: DeskContext,
  claimId: string,
  draft: { headline?: string | null; summary?: string | null },
): Promise<PublishedRecord | null> {
  if (!permissions.previewPublication(ctx.viewer)) throw new ForbiddenError("Only the newsroom previews unpublished fact-checks");
  return previewRecord(ctx.prisma, claimId, draft, ctx.newsroom.url, ctx.newsroom.name);
}

export async function publishFactCheck(ctx: DeskContext, input: PublishInput): Promise<string> {
  if (!permissions.publish(ctx.viewer)) throw new ForbiddenError("Only editors publish");
  const viewer = ctx.viewer;
  const fields = parseInput(publishSchema, input, ["input"]);
  return audited(ctx, async (tx, audit) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, include: { factCheck: { select: { id: true, slug: true } } } });
    if (!claim) throw new NotFoundError("The claim");
    if (!permissions.review(viewer, claim)) throw new ForbiddenError("Only the claim's reviewer (or an admin) publishes it");
    if (claim.version !== input.version) throw new ConflictError("Claim", claim);
    if (claim.status !== "IN_REVIEW") throw new WorkflowError(`Only a claim in review can be published (this one is ${claim.status})`);
    const needs = async () => {
      const missing = publishPreconditions({
        ratingId: claim.ratingId,
        explanation: claim.explanation,
        sourceCount: await tx.claimSource.count({ where: { claimId: claim.id } }),
      });
      if (missing.length) throw new WorkflowError(`Publishing needs ${missing.join(", ").toLowerCase()}`, missing);
    };
    await needs();
    // Saved at the version read: the claim is exactly what the editor reviewed, and stays so (its row is locked).
    const reviewed = await saveVersioned(tx, "Claim", claim.id, input.version, { status: "PUBLISHED" });
    // Evidence carries no claim version; counted again under the lock, which evidence writes wait for.
    await needs();
    const snapshot = await snapshotOf(tx, claim.id);
    const data = {
      headline: fields.headline,
      summary: fields.summary ?? null,
      ratingId: reviewed.ratingId!,
      explanation: reviewed.explanation!,
      publisherName: ctx.newsroom.name,
      status: "PUBLISHED" as const,
      publishedById: viewer.id,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
    };
    // The slug is set once, at first publication: republishing or rewording keeps the URL.
    let factCheckId: string;
    if (claim.factCheck) {
      factCheckId = claim.factCheck.id;
      const slug = claim.factCheck.slug ?? factCheckSlug(reviewed.claimReviewed, factCheckId);
      await saveLocked(tx, "FactCheck", factCheckId, { ...data, slug, url: factCheckUrl(ctx.newsroom.url, slug) });
    } else {
      factCheckId = (await tx.factCheck.create({ data: { ...data, claimId: claim.id, publishedAt: new Date() }, select: { id: true } })).id;
      const slug = factCheckSlug(reviewed.claimReviewed, factCheckId);
      await saveVersioned(tx, "FactCheck", factCheckId, 1, { slug, url: factCheckUrl(ctx.newsroom.url, slug) });
    }
    await audit({
      action: "factCheck.publish",
      entityType: "Claim",
      entityId: claim.id,
      before: { status: claim.status },
      after: { status: "PUBLISHED", factCheckId, claimVersion: input.version, ...fields },
    });
    await notify(tx, [reviewed.assigneeId, reviewed.createdById], { kind: "PUBLISHED", claimId: claim.id, actorId: viewer.id });
    return factCheckId;
  });
}

/** Takes a fact-check down; its claim goes back to IN_REVIEW. */
export async function unpublishFactCheck(ctx: DeskContext, id: string, reasonInput: string): Promise<string> {
  if (!permissions.publish(ctx.viewer)) throw new ForbiddenError("Only editors unpublish");
  const reason = parseInput(reasonSchema, reasonInput, ["reason"]);
  await audited(ctx, async (tx, audit) => {
    await lockVersioned(tx, "FactCheck", id);
    const factCheck = await tx.factCheck.findUnique({ where: { id } });
    if (!factCheck) throw new NotFoundError("The fact-check");
    if (factCheck.status !== "PUBLISHED") throw new WorkflowError("This fact-check is not published");
    await saveVersioned(tx, "FactCheck", id, factCheck.version, { status: "UNPUBLISHED" });
    await saveLocked(tx, "Claim", factCheck.claimId, { status: "IN_REVIEW" });
    await audit({
      action: "factCheck.unpublish",
      entityType: "Claim",
      entityId: factCheck.claimId,
      before: { status: "PUBLISHED" },
      after: { status: "IN_REVIEW", reason },
    });
  });
  return id;
}

export interface CorrectionInput {
  factCheckId: string;
  /** The fact-check version the editor corrected; if given, a stale one is a ConflictError. */
  version?: number | null;
  whatChanged: string;
  reason: string;
  ratingId?: string | null;
  explanation?: string | null;
  /** Republish the desk's current wording, speaker, tags and evidence with the correction. */
  republish?: boolean | null;
}

/**
 * Corrects a published fact-check: the only way its public record changes.
 * The correction is stored (what changed and why, dated), the verdict and
 * explanation change on the publication and the desk alike, and with
 * `republish` the publication takes the desk's current state.
 */
export async function addCorrection(ctx: DeskContext, input: CorrectionInput): Promise<string> {
  if (!permissions.correct(ctx.viewer)) throw new ForbiddenError("Only editors correct fact-checks");
  const viewer = ctx.viewer;
  const fields = parseInput(correctionSchema, input, ["input"]);
  const id = input.factCheckId;
  await audited(ctx, async (tx, audit) => {
    const version = await lockVersioned(tx, "FactCheck", id);
    const factCheck = await tx.factCheck.findUnique({ where: { id } });
    if (!factCheck) throw new NotFoundError("The fact-check");
    if (input.version != null && input.version !== version) throw new ConflictError("FactCheck", factCheck);
    if (factCheck.status !== "PUBLISHED") throw new WorkflowError("Only a published fact-check is corrected; edit the claim instead");
    const newRatingId = input.ratingId ?? undefined;
    if (newRatingId && !(await tx.rating.findUnique({ where: { id: newRatingId }, select: { id: true } })))
      throw new NotFoundError("The rating");
    const changes = { ratingId: newRatingId, explanation: fields.explanation ?? undefined };
    // The desk follows the correction (and anyone saving the claim meanwhile is told).
    await saveLocked(tx, "Claim", factCheck.claimId, changes);
    const before = (factCheck.snapshot as PublishedSnapshot | null) ?? (await snapshotOf(tx, factCheck.claimId));
    const snapshot: PublishedSnapshot = input.republish
      ? await snapshotOf(tx, factCheck.claimId)
      : {
          ...before,
          rating: newRatingId ? await ratingOf(tx, newRatingId) : before.rating,
          explanation: fields.explanation ?? before.explanation,
        };
    const correction = await tx.correction.create({
      data: {
        factCheckId: id,
        whatChanged: fields.whatChanged,
        reason: fields.reason,
        previousRatingId: factCheck.ratingId,
        newRatingId: newRatingId ?? null,
        // What a retraction of this correction restores.
        previousSnapshot: before as unknown as Prisma.InputJsonValue,
        authorId: viewer.id,
      },
      select: { id: true },
    });
    // updatedAt moves either way: dateModified reflects the correction.
    await saveVersioned(tx, "FactCheck", id, version, {
      ...changes,
      snapshot: snapshot as unknown as Prisma.InputJsonValue,
      updatedAt: new Date(),
    });
    await audit({
      action: "factCheck.correct",
      entityType: "Claim",
      entityId: factCheck.claimId,
      before: { ratingId: factCheck.ratingId, explanation: fields.explanation ? factCheck.explanation : undefined },
      after: { correctionId: correction.id, ...fields, ratingId: newRatingId, republished: !!input.republish },
    });
  });
  return id;
}

export interface RetractionInput {
  correctionId: string;
  /** The fact-check version the editor saw; a stale one is a ConflictError. */
  version: number;
  reason: string;
}

/**
 * Retracts a correction found wrong. Nothing is deleted: the correction stays
 * on the public record, marked retracted with the date and reason, and the
 * publication (verdict, explanation, snapshot) returns to what it was before
 * it, on the desk too. Only the latest correction still standing can be
 * retracted, so "what it was before" is exactly what the record shows.
 */
export async function retractCorrection(ctx: DeskContext, input: RetractionInput): Promise<string> {
  if (!permissions.correct(ctx.viewer)) throw new ForbiddenError("Only editors retract corrections");
  const viewer = ctx.viewer;
  const reason = parseInput(reasonSchema, input.reason, ["reason"]);
  return audited(ctx, async (tx, audit) => {
    const target = await tx.correction.findUnique({ where: { id: input.correctionId }, select: { factCheckId: true } });
    if (!target) throw new NotFoundError("The correction");
    const id = target.factCheckId;
    const version = await lockVersioned(tx, "FactCheck", id);
    const factCheck = await tx.factCheck.findUnique({ where: { id } });
    if (!factCheck) throw new NotFoundError("The fact-check");
    if (input.version !== version) throw new ConflictError("FactCheck", factCheck);
    const standing = await tx.correction.findMany({ where: { factCheckId: id, retractedAt: null }, orderBy: { createdAt: "asc" } });
    const correction = standing.find((c) => c.id === input.correctionId);
    const refusal = retractionRefusal({
      published: factCheck.status === "PUBLISHED",
      retracted: !correction,
      latest: standing.at(-1)?.id === input.correctionId,
      restorable: !!correction?.previousSnapshot,
    });
    if (refusal || !correction) throw new WorkflowError(refusal ?? "This correction is already retracted");
    const restored = correction.previousSnapshot as unknown as PublishedSnapshot;
    const changes = {
      ratingId: restored.rating?.id ?? undefined,
      explanation: restored.explanation ?? undefined,
    };
    // The desk follows the publication back, as it followed the correction.
    await saveLocked(tx, "Claim", factCheck.claimId, changes);
    const retractedAt = new Date();
    await tx.correction.update({
      where: { id: correction.id },
      data: { retractedAt, retractionReason: reason, retractedById: viewer.id },
      select: { id: true },
    });
    // updatedAt moves: dateModified is the retraction's date.
    await saveVersioned(tx, "FactCheck", id, version, {
      ...changes,
      snapshot: restored as unknown as Prisma.InputJsonValue,
      updatedAt: retractedAt,
    });
    await audit({
      action: "factCheck.retractCorrection",
      entityType: "Claim",
      entityId: factCheck.claimId,
      before: { ratingId: factCheck.ratingId, explanation: factCheck.explanation },
      after: { correctionId: correction.id, whatChanged: correction.whatChanged, reason, ...changes },
    });
    return id;
  });
}

async function snapshotOf(tx: Tx, claimId: string): Promise<PublishedSnapshot> {
  const snapshot = await currentSnapshot(tx, claimId);
  if (!snapshot) throw new NotFoundError("The claim");
  return snapshot;
}

async function ratingOf(tx: Tx, ratingId: string): Promise<PublishedSnapshot["rating"]> {
  const rows = await tx.$queryRaw<{ rating: PublishedSnapshot["rating"] }[]>`SELECT published_rating(${ratingId}) AS rating`;
  return rows[0]?.rating ?? null;
}
