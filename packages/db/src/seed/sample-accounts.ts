import type { PrismaClient } from "../generated/prisma/client.ts";
import { verifyPassword } from "../passwords.ts";
import { sampleUsers } from "./sample.ts";

/**
 * E-mails of active sample accounts that still accept their README password.
 * A production server refuses to start while there is one: anyone who read
 * the README could sign in as its admin.
 */
export async function sampleAccountsWithReadmePasswords(prisma: PrismaClient): Promise<string[]> {
  const users = await prisma.user.findMany({
    where: { email: { in: sampleUsers.map((user) => user.email) }, active: true },
    select: { email: true, passwordHash: true },
  });
  const found: string[] = [];
  for (const user of users) {
    const sample = sampleUsers.find((candidate) => candidate.email === user.email);
    if (sample && (await verifyPassword(user.passwordHash, sample.password))) found.push(user.email);
  }
  return found;
}
