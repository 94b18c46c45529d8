import type { TestDatabaseKind } from "@claimdesk/db/testing";

/** The database kinds this run covers (set by run-tests.ts). */
export function databaseKinds(): TestDatabaseKind[] {
  const kinds = (process.env.CLAIMDESK_TEST_DATABASES || "pglite").split(",").filter(Boolean);
  return kinds as TestDatabaseKind[];
}
