/**
 * The import command: every ClaimReview found is saved in its own
 * transaction with its audit event, so one bad record refuses only itself.
 * A review whose URL we already hold is updated in place (no duplicate).
 *
 * One request is bounded (importLimits) so that it cannot hold the database
 * for long. The embedded database runs on the API's own thread and its
 * statements resolve without waiting on I/O, so a loop of transactions would
 * never let the server answer anyone else: the import yields to the event
 * loop after each record, and other clients' reads run in between.
 *
 * It lives beside the ClaimReview reader rather than in packages/desk (the
 * desk does not depend on this package); its rules come from the desk's policy.
 */
import { type DeskContext, ForbiddenError, NotFoundError, ValidationError, audited, changedFields, permissions } from "@claimdesk/desk";
import { parseClaimReviews } from "./claim-review-import.ts";
import type { ClaimReviewRecord } from "./claim-review-records.ts";
import { type MappedBy, mapVerdict, mappingKey } from "./verdicts.ts";

export interface ImportRefusal {
  /** 1-based, in document order. */
  position: number;
  url: string | null;
  reasons: string[];
}

export interface ImportOutcome {
  importedIds: string[];
  updatedIds: string[];
  refused: ImportRefusal[];
  mappedBy: Map<string, MappedBy | null>;
}

/** The most one request imports: a larger file is split by the client. */
export const importLimits = { records: 200, bytes: 1_000_000 };

export type ImportAnswer = { ok: true; outcome: ImportOutcome } | { ok: false; problems: string[] };

export async function importClaimReviews(ctx: DeskContext, text: string, pageUrlInput: string | null | undefined): Promise<ImportAnswer> {
  if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError();
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > importLimits.bytes)
    throw ValidationError.field("text", `is ${bytes} bytes; at most ${importLimits.bytes} bytes are imported per request (split the file)`);
  const pageUrl = pageUrlInput?.trim() || null;
  if (pageUrl && !/^https?:\/\/[^\s/]+/i.test(pageUrl)) throw ValidationError.field("pageUrl", "must be an http(s) URL");
  const parsed = parseClaimReviews(text, pageUrl);
  if (!parsed.ok) return parsed;
  if (parsed.records.length > importLimits.records)
    throw ValidationError.field(
      "text",
      `holds ${parsed.records.length} ClaimReview records; at most ${importLimits.records} ClaimReview records are imported per request (split the file)`,
    );
  const [scale, mappings] = await Promise.all([
    ctx.prisma.rating.findMany({ where: { scale: { isDefault: true } }, select: { id: true, label: true, value: true } }),
    ctx.prisma.ratingLabelMapping.findMany({ select: { publisherName: true, ratingLabel: true, ratingId: true } }),
  ]);
  const editorMappings = new Map(mappings.map((m) => [mappingKey(m.publisherName, m.ratingLabel), m.ratingId]));
  const outcome: ImportOutcome = { importedIds: [], updatedIds: [], refused: [], mappedBy: new Map() };
  const seenUrls = new Set<string>();
  for (const [i, result] of parsed.records.entries()) {
    const position = i + 1;
    if (!result.ok) {
      outcome.refused.push({ position, url: result.url, reasons: result.reasons });
      continue;
    }
    const record = result.record;
    if (seenUrls.has(record.url)) {
      outcome.refused.push({ position, url: record.url, reasons: ["the same url appears earlier in this import"] });
      continue;
    }
    seenUrls.add(record.url);
    await yieldToOtherRequests();
    const { ratingId, mappedBy } = mapVerdict(record, scale, editorMappings);
    try {
      const saved = await saveRecord(ctx, record, ratingId);
      (saved.created ? outcome.importedIds : outcome.updatedIds).push(saved.id);
      outcome.mappedBy.set(saved.id, mappedBy);
    } catch (error) {
      outcome.refused.push({ position, url: record.url, reasons: [`could not be saved: ${(error as Error).message.split("\n").at(-1)}`] });
    }
  }
  return { ok: true, outcome };
}

const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

async function saveRecord(ctx: DeskContext, record: ClaimReviewRecord, ratingId: string | null): Promise<{ id: string; created: boolean }> {
  const { raw, ...fields } = record;
  const data = { ...fields, raw: raw as object, ratingId };
  return audited(ctx, async (tx, audit) => {
    const existing = await tx.externalFactCheck.findUnique({ where: { url: record.url } });
    if (!existing) {
      const created = await tx.externalFactCheck.create({ data: { ...data, importedById: ctx.viewer?.id ?? null }, select: { id: true } });
      await audit({
        action: "externalFactCheck.import",
        entityType: "ExternalFactCheck",
        entityId: created.id,
        after: {
          url: record.url,
          claimReviewed: record.claimReviewed,
          publisherName: record.publisherName,
          ratingLabel: record.ratingLabel,
          ratingId,
        },
      });
      return { id: created.id, created: true };
    }
    const { raw: _raw, ...comparable } = data;
    const diff = changedFields(existing, comparable);
    await tx.externalFactCheck.update({ where: { id: existing.id }, data });
    await audit({
      action: "externalFactCheck.reimport",
      entityType: "ExternalFactCheck",
      entityId: existing.id,
      before: diff.before,
      after: diff.after,
    });
    return { id: existing.id, created: false };
  });
}

/**
 * An editor's decision for one publisher's label: stored, audited, applied to
 * what was imported with that label, and used by every later import.
 */
export async function mapPublisherLabel(
  ctx: DeskContext,
  publisherNameInput: string,
  ratingLabelInput: string,
  ratingId: string,
): Promise<{ mappingId: string; applied: number }> {
  if (!permissions.runTheDesk(ctx.viewer)) throw new ForbiddenError("Only editors map verdicts");
  const publisherName = publisherNameInput.trim();
  const ratingLabel = ratingLabelInput.trim();
  if (!publisherName || publisherName.length > 300) throw ValidationError.field("publisherName", "is required (at most 300 characters)");
  if (!ratingLabel || ratingLabel.length > 2000) throw ValidationError.field("ratingLabel", "is required (at most 2000 characters)");
  if (!(await ctx.prisma.rating.findUnique({ where: { id: ratingId }, select: { id: true } }))) throw new NotFoundError("The rating");
  return audited(ctx, async (tx, audit) => {
    const existing = await tx.ratingLabelMapping.findUnique({ where: { publisherName_ratingLabel: { publisherName, ratingLabel } } });
    const mapping = await tx.ratingLabelMapping.upsert({
      where: { publisherName_ratingLabel: { publisherName, ratingLabel } },
      create: { publisherName, ratingLabel, ratingId, createdById: ctx.viewer?.id ?? null },
      update: { ratingId },
    });
    const key = mappingKey(publisherName, ratingLabel);
    const candidates = await tx.externalFactCheck.findMany({
      where: { publisherName: { equals: publisherName, mode: "insensitive" } },
      select: { id: true, ratingLabel: true },
    });
    const ids = candidates.filter((c) => mappingKey(publisherName, c.ratingLabel) === key).map((c) => c.id);
    if (ids.length) await tx.externalFactCheck.updateMany({ where: { id: { in: ids } }, data: { ratingId } });
    await audit({
      action: "ratingLabelMapping.set",
      entityType: "RatingLabelMapping",
      entityId: mapping.id,
      before: existing ? { ratingId: existing.ratingId } : null,
      after: { publisherName, ratingLabel, ratingId, applied: ids.length },
    });
    return { mappingId: mapping.id, applied: ids.length };
  });
}
