/** The source library. Editing a cited source changes the desk, not what a published fact-check shows. */
import type { SourceType } from "@claimdesk/db";
import type { DeskContext } from "../context.ts";
import { ForbiddenError, NotFoundError } from "../errors.ts";
import { permissions } from "../policy.ts";
import { sourceSchema } from "../schemas.ts";
import { type AuditEntry, type Tx, audited, changedFields } from "../unit-of-work.ts";
import { parseInput } from "../validation.ts";
import { saveVersioned } from "../versioned.ts";

export interface SourceFields {
  url?: string | null;
  title?: string | null;
  publisher?: string | null;
  type?: SourceType | null;
  accessedAt?: Date | null;
  archivedUrl?: string | null;
  notes?: string | null;
}

/** Creates a source, or finds the one with the same URL. */
export async function createOrFindSource(tx: Tx, input: SourceFields, audit: (entry: AuditEntry) => Promise<void>, at: string[]) {
  const data = parseInput(sourceSchema, input, at);
  if (data.url) {
    const existing = await tx.source.findUnique({ where: { url: data.url } });
    if (existing) return existing;
  }
  const source = await tx.source.create({ data });
  await audit({ action: "source.create", entityType: "Source", entityId: source.id, after: data });
  return source;
}

export async function createSource(ctx: DeskContext, input: SourceFields): Promise<string> {
  if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError();
  const source = await audited(ctx, (tx, audit) => createOrFindSource(tx, input, audit, ["input"]));
  return source.id;
}

export async function updateSource(ctx: DeskContext, input: SourceFields & { id: string; version: number }): Promise<string> {
  if (!permissions.workTheDesk(ctx.viewer)) throw new ForbiddenError();
  const { id, version, ...rest } = input;
  const data = parseInput(sourceSchema.partial(), rest, ["input"]);
  await audited(ctx, async (tx, audit) => {
    const before = await tx.source.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("The source");
    await saveVersioned(tx, "Source", id, version, data);
    await audit({ action: "source.update", entityType: "Source", entityId: id, ...changedFields(before, data) });
  });
  return id;
}
