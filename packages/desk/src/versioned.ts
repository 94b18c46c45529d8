/**
 * Versioned saves: the only way a claim, article, source or fact-check
 * changes. A save names the version it edits and succeeds only if that is
 * still the stored one, bumping it in the same statement; otherwise it fails
 * with ConflictError carrying the record as it is now. Writes that need no
 * client version (assigning, corrections) lock the row first and save the
 * version they find, so they too bump it and serialise with everyone else.
 */
import { type Prisma, updateVersioned } from "@claimdesk/db";
import type { Tx } from "./unit-of-work.ts";
import { ConflictError, NotFoundError, type VersionedEntity } from "./errors.ts";

const delegates = { Claim: "claim", Article: "article", Source: "source", FactCheck: "factCheck" } as const;
const missing: Record<VersionedEntity, string> = {
  Claim: "The claim",
  Article: "The article",
  Source: "The source",
  FactCheck: "The fact-check",
};

interface Rows {
  Claim: Prisma.ClaimGetPayload<object>;
  Article: Prisma.ArticleGetPayload<object>;
  Source: Prisma.SourceGetPayload<object>;
  FactCheck: Prisma.FactCheckGetPayload<object>;
}

export async function saveVersioned<E extends VersionedEntity>(
  tx: Tx,
  entity: E,
  id: string,
  version: number,
  data: object,
): Promise<Rows[E]> {
  const delegate = tx[delegates[entity]] as unknown as Parameters<typeof updateVersioned<Rows[E]>>[0];
  const result = await updateVersioned<Rows[E]>(delegate, id, version, data);
  if (result.ok) return result.record;
  if (result.reason === "stale") throw new ConflictError(entity, result.current as { id: string; version: number });
  throw new NotFoundError(missing[entity]);
}

/**
 * Locks a versioned row for the rest of the transaction and returns its
 * version (NotFoundError if there is none). Whoever holds the lock decides;
 * a versioned save of the same row waits, then finds the version moved.
 */
export async function lockVersioned(tx: Tx, entity: VersionedEntity, id: string): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ version: number }[]>(`SELECT version FROM "${entity}" WHERE id = $1 FOR UPDATE`, id);
  if (!rows[0]) throw new NotFoundError(missing[entity]);
  return rows[0].version;
}

/** A save without a client version: under the row lock, of the version found there. */
export async function saveLocked<E extends VersionedEntity>(tx: Tx, entity: E, id: string, data: object): Promise<Rows[E]> {
  return saveVersioned(tx, entity, id, await lockVersioned(tx, entity, id), data);
}
