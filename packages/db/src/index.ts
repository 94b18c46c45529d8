export { PrismaClient, Prisma } from "./generated/prisma/client.ts";
export type {
  Outlet,
  Person,
  Article,
  Claim,
  ClaimAppearance,
  Source,
  ClaimSource,
  RatingScale,
  Rating,
  FactCheck,
  Correction,
  User,
  Session,
  ApiToken,
  Comment,
  AuditEvent,
} from "./generated/prisma/client.ts";
export * from "./generated/prisma/enums.ts";
export { openDatabase, type Database, type OpenOptions } from "./connect.ts";
export { withCompiledReads } from "./reads/transaction-reads.ts";
export { InvalidParameter, checkParameter } from "./reads/compile-read.ts";
export { ReadFailed } from "./reads/read-failed.ts";
export { ReadAssumptionError, assertReadAssumptions } from "./reads/assumptions.ts";
export { resolveTarget, describeTarget, redactUrl, defaultDataDir, type DatabaseTarget } from "./target.ts";
export type { SqlRunner } from "./sql.ts";
export * from "./errors.ts";
export {
  migrate,
  migrationStatus,
  assertMigrated,
  readMigrations,
  diffSchemas,
  newMigration,
  schemaPath,
  migrationsDir,
  snapshotName,
} from "./migrate/index.ts";
export { seed, seedEssentials } from "./seed/seed.ts";
export { sampleAccountsWithReadmePasswords } from "./seed/sample-accounts.ts";
export { passwordProblem, minPasswordLength } from "./password-policy.ts";
export { hashPassword, verifyPassword } from "./passwords.ts";
export { spanText, findSpan, codePointLength, toCodePointOffset, toUtf16Index } from "./spans.ts";
export { updateVersioned, type VersionedUpdate } from "./versioned.ts";
export { backupDatabase, restoreDatabase } from "./backup.ts";
export { factCheckSlug, shortId } from "./slug.ts";
