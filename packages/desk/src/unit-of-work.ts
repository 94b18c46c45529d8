import { type Prisma, withCompiledReads } from "@claimdesk/db";
import type { DeskContext as Context } from "./context.ts";
import { IdempotencyInProgressError } from "./errors.ts";

export type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
}

/** The fields whose values differ, as { before, after } halves. */
export function changedFields<T extends object>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

/**
 * The unit of work. Runs a write and its audit events in one transaction: the change and its
 * record of who did it commit together or not at all. The work's reads are
 * compiled to SQL (as queries' are) instead of by Prisma: most of a
 * mutation's CPU was Prisma compiling them.
 */
export function audited<T>(ctx: Context, work: (tx: Tx, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>): Promise<T> {
  const idempotency = ctx.idempotency;
  let reservedHere = false;
  return ctx.prisma
    .$transaction(async (prismaTx) => {
      const tx = withCompiledReads(prismaTx);
      if (idempotency && ctx.viewer && !idempotency.reserved) {
        try {
          await tx.idempotencyKey.create({ data: { userId: ctx.viewer.id, key: idempotency.key, requestHash: idempotency.requestHash } });
        } catch (error) {
          if ((error as { code?: string }).code === "P2002") throw new IdempotencyInProgressError();
          throw error;
        }
        idempotency.reserved = true;
        reservedHere = true;
      }
      const audit = async (entry: AuditEntry) => {
        await tx.auditEvent.create({
          data: {
            actorId: ctx.viewer?.id ?? null,
            action: entry.action,
            entityType: entry.entityType,
            entityId: entry.entityId,
            before: toJson(entry.before),
            after: toJson(entry.after),
            requestId: ctx.requestId,
          },
          select: { id: true },
        });
      };
      return work(tx, audit);
    })
    .catch((error: unknown) => {
      // Rolled back, and the key with it: the request's next write reserves it,
      // so a request whose first mutation field fails still cannot write twice.
      if (reservedHere && idempotency) idempotency.reserved = false;
      throw error;
    });
}

function toJson(value: object | null | undefined): Prisma.InputJsonValue | undefined {
  return value == null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}
