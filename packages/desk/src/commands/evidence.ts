/** Evidence: the sources a claim cites, with their stance and passage. */
import type { Stance } from "@claimdesk/db";
import type { DeskContext } from "../context.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { evidenceSchema } from "../schemas.ts";
import { audited, changedFields } from "../unit-of-work.ts";
import { parseInput } from "../validation.ts";
import { claimForEvidence } from "./claims.ts";
import { type SourceFields, createOrFindSource } from "./sources.ts";

export interface AttachSourceInput {
  claimId: string;
  sourceId?: string | null;
  source?: SourceFields | null;
  stance: Stance;
  passage?: string | null;
  location?: string | null;
}

export async function attachSource(ctx: DeskContext, input: AttachSourceInput): Promise<string> {
  const fields = parseInput(evidenceSchema, { passage: input.passage, location: input.location }, ["input"]);
  if (!input.sourceId === !input.source) throw ValidationError.field("input.sourceId", "give either sourceId or a new source");
  return audited(ctx, async (tx, audit) => {
    const claim = await claimForEvidence(tx, ctx, input.claimId);
    let sourceId = input.sourceId ?? undefined;
    if (sourceId && !(await tx.source.findUnique({ where: { id: sourceId }, select: { id: true } }))) throw new NotFoundError("The source");
    if (input.source) sourceId = (await createOrFindSource(tx, input.source, audit, ["input", "source"])).id;
    const existing = await tx.claimSource.findUnique({ where: { claimId_sourceId: { claimId: claim.id, sourceId: sourceId! } } });
    if (existing) throw ValidationError.field("input.sourceId", "This source is already cited for this claim; edit that citation instead");
    const evidence = await tx.claimSource.create({ data: { claimId: claim.id, sourceId: sourceId!, stance: input.stance, ...fields } });
    await audit({
      action: "evidence.attach",
      entityType: "Claim",
      entityId: claim.id,
      after: { evidenceId: evidence.id, sourceId, stance: input.stance, ...fields },
    });
    return evidence.id;
  });
}

export interface UpdateEvidenceInput {
  id: string;
  stance?: Stance | null;
  passage?: string | null;
  location?: string | null;
}

export async function updateEvidence(ctx: DeskContext, input: UpdateEvidenceInput): Promise<string> {
  const fields = parseInput(evidenceSchema, { passage: input.passage ?? undefined, location: input.location ?? undefined }, ["input"]);
  const id = input.id;
  await audited(ctx, async (tx, audit) => {
    const found = await tx.claimSource.findUnique({ where: { id }, select: { claimId: true } });
    if (!found) throw new NotFoundError("The evidence");
    const claim = await claimForEvidence(tx, ctx, found.claimId);
    const before = await tx.claimSource.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("The evidence");
    const changes = { ...fields, stance: input.stance ?? undefined };
    await tx.claimSource.update({ where: { id }, data: changes });
    await audit({ action: "evidence.update", entityType: "Claim", entityId: claim.id, ...changedFields(before, changes) });
  });
  return id;
}

/** Removes a citation from a claim; the source stays in the library. Answers the claim's id. */
export async function detachSource(ctx: DeskContext, id: string): Promise<string> {
  return audited(ctx, async (tx, audit) => {
    const found = await tx.claimSource.findUnique({ where: { id }, select: { claimId: true } });
    if (!found) throw new NotFoundError("The evidence");
    const claim = await claimForEvidence(tx, ctx, found.claimId);
    const evidence = await tx.claimSource.findUnique({ where: { id } });
    if (!evidence) throw new NotFoundError("The evidence");
    await tx.claimSource.delete({ where: { id: evidence.id } });
    await audit({
      action: "evidence.detach",
      entityType: "Claim",
      entityId: claim.id,
      before: { evidenceId: evidence.id, sourceId: evidence.sourceId, stance: evidence.stance },
    });
    return claim.id;
  });
}
