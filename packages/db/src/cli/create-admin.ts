import { parseArgs } from "node:util";
import readline from "node:readline";
import { openDatabase } from "../connect.ts";
import { DatabaseError } from "../errors.ts";
import { assertMigrated } from "../migrate/index.ts";
import { hashPassword } from "../passwords.ts";
import { passwordProblem } from "../password-policy.ts";
import { describeTarget } from "../target.ts";
import { runCli } from "./run.ts";

const usage =
  "usage: npm run db:create-admin -- --email EMAIL [--name NAME] [--password PASSWORD]  (without --password it is asked for, or read from standard input)";

/** Reads a line from the terminal without echoing it, or a line from piped standard input. */
async function askPassword(prompt: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    const output = rl as unknown as { _writeToOutput(text: string): void; output: NodeJS.WritableStream };
    output._writeToOutput = (text) => {
      if (text.includes(prompt)) output.output.write(prompt);
    };
  }
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.question(prompt, resolve);
      rl.once("close", () => reject(new DatabaseError("no password given")));
    });
  } finally {
    if (process.stdin.isTTY) process.stdout.write("\n");
    rl.close();
  }
}

// Creates the first admin of a real newsroom (or another admin later).
runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } } }));
  } catch {
    throw new DatabaseError(usage);
  }
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new DatabaseError(email ? `"${email}" is not an e-mail address` : usage);
  const name = values.name?.trim() || email.split("@")[0]!;
  const password = values.password ?? (await askPassword("Password: "));
  const problem = passwordProblem(password, [email, name]);
  if (problem) throw new DatabaseError(problem);

  const db = await openDatabase();
  try {
    await assertMigrated(db.sql);
    if (await db.prisma.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new DatabaseError(`an account for ${email} exists already`);
    }
    const user = await db.prisma.user.create({
      data: { email, name, role: "ADMIN", passwordHash: await hashPassword(password) },
      select: { id: true },
    });
    await db.prisma.auditEvent.create({
      data: {
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        after: { email, name, role: "ADMIN", source: "db:create-admin" },
      },
    });
    console.log(`created the admin ${email} in the ${describeTarget(db.target)}`);
  } finally {
    await db.close();
  }
});
