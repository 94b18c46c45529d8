/**
 * Brute-force limits on sign-in, stored in the database so they hold across
 * API processes: failures per e-mail address and per client address in a
 * sliding window. A blocked attempt is refused before the password is checked,
 * the same way for known and unknown addresses.
 *
 * Each attempt is recorded as a failure BEFORE its password is checked, and
 * the decision and the record are one transaction holding an advisory lock
 * per key: parallel attempts for one account are decided one after another,
 * each seeing the ones before it, so no more than the limit ever reach the
 * (slow) password check. A successful sign-in then takes its record back.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@claimdesk/db";

export const loginLimits = { windowSeconds: 15 * 60, perEmail: 10, perAddress: 50 };

const keys = (email: string, address: string) => [`email:${email}`, `ip:${address}`] as const;

/**
 * The address record of each attempt decided in this process and not yet
 * settled, by e-mail: a successful sign-in deletes it (successes do not count
 * against an address), a failure keeps it.
 */
const pending = new Map<string, string[]>();
const settleWithinMs = 60_000;

/**
 * Seconds until another attempt is allowed, or null when it is allowed now,
 * in which case the attempt is already recorded as a failure for both keys.
 */
export async function loginBlockedFor(prisma: PrismaClient, email: string, address: string): Promise<number | null> {
  const [emailKey, addressKey] = keys(email, address);
  const addressRow = randomUUID();
  const blocked = await prisma.$transaction(
    async (tx) => {
      // Always e-mail first, then address: every attempt locks in the same order, so none deadlock.
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${emailKey}))`;
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${addressKey}))`;
      const since = new Date(Date.now() - loginLimits.windowSeconds * 1000);
      const rows = await tx.loginAttempt.groupBy({
        by: ["key"],
        where: { key: { in: [emailKey, addressKey] }, createdAt: { gt: since } },
        _count: { _all: true },
        _min: { createdAt: true },
      });
      for (const row of rows) {
        const limit = row.key === emailKey ? loginLimits.perEmail : loginLimits.perAddress;
        if (row._count._all >= limit) {
          const oldest = row._min.createdAt!.getTime();
          return Math.max(1, Math.ceil((oldest + loginLimits.windowSeconds * 1000 - Date.now()) / 1000));
        }
      }
      await tx.loginAttempt.createMany({ data: [{ key: emailKey }, { id: addressRow, key: addressKey }] });
      return null;
    },
    // Attempts for one key queue on its lock; each holds it for a few milliseconds.
    { maxWait: 10_000, timeout: 10_000 },
  );
  if (blocked === null) {
    const list = pending.get(email) ?? [];
    list.push(addressRow);
    pending.set(email, list);
    setTimeout(() => take(email, addressRow), settleWithinMs).unref();
  }
  return blocked;
}

function take(email: string, row?: string): string | undefined {
  const list = pending.get(email);
  if (!list?.length) return undefined;
  const index = row ? list.indexOf(row) : 0;
  if (index < 0) return undefined;
  const [taken] = list.splice(index, 1);
  if (!list.length) pending.delete(email);
  return taken;
}

/** The failure was recorded when the attempt was allowed; it stays. */
export async function recordLoginFailure(_prisma: PrismaClient, email: string, _address: string): Promise<void> {
  take(email);
}

/** A successful sign-in clears that account's failures, and takes back its own record for the address. */
export async function clearLoginFailures(prisma: PrismaClient, email: string): Promise<void> {
  const addressRow = take(email);
  await prisma.loginAttempt.deleteMany({ where: { OR: [{ key: `email:${email}` }, ...(addressRow ? [{ id: addressRow }] : [])] } });
}
