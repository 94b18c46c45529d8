/**
 * Brute-force limits on sign-in, stored in the database so they hold across
 * API processes: failures per e-mail address and per client address in a
 * sliding window. A blocked attempt is refused before the password is checked,
 * the same way for known and unknown addresses.
 */
import type { PrismaClient } from "@claimdesk/db";

export const loginLimits = { windowSeconds: 15 * 60, perEmail: 10, perAddress: 50 };

const keys = (email: string, address: string) => [`email:${email}`, `ip:${address}`];

/** Seconds until another attempt is allowed, or null when it is allowed now. */
export async function loginBlockedFor(prisma: PrismaClient, email: string, address: string): Promise<number | null> {
  const since = new Date(Date.now() - loginLimits.windowSeconds * 1000);
  const [emailKey, addressKey] = keys(email, address);
  const rows = await prisma.loginAttempt.groupBy({
    by: ["key"],
    where: { key: { in: [emailKey!, addressKey!] }, createdAt: { gt: since } },
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
  return null;
}

export async function recordLoginFailure(prisma: PrismaClient, email: string, address: string): Promise<void> {
  await prisma.loginAttempt.createMany({ data: keys(email, address).map((key) => ({ key })) });
}

/** A successful sign-in clears that account's failures (not the address's). */
export async function clearLoginFailures(prisma: PrismaClient, email: string): Promise<void> {
  await prisma.loginAttempt.deleteMany({ where: { key: `email:${email}` } });
}
