import fs from "node:fs";
import { createTestDatabase, type TestDatabase } from "@claimdesk/db/testing";
import { diffSchemas, schemaPath } from "@claimdesk/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogSnapshot } from "../support/catalog.ts";
import { databaseKinds } from "../support/databases.ts";

const manual = JSON.parse(fs.readFileSync(new URL("../../packages/db/prisma/manual-objects.json", import.meta.url), "utf8")) as {
  extensions: string[];
  columns: string[];
  constraints: string[];
  functions: string[];
  triggers: string[];
  indexes: string[];
};

/** Is this catalog item one of the hand-written objects the migrations add on purpose? */
function isManual(item: string): boolean {
  const [kind, name = ""] = item.split(" ");
  switch (kind) {
    case "extension":
      return manual.extensions.includes(name);
    case "column":
      return manual.columns.includes(name);
    case "constraint":
      return manual.constraints.includes(name);
    case "function":
      return manual.functions.includes(name);
    case "trigger":
      return manual.triggers.includes(name);
    case "index":
      return manual.indexes.includes(name);
    default:
      return false;
  }
}

describe.each(databaseKinds())("schema.prisma and the migrations agree on %s", (kind) => {
  let fromMigrations: TestDatabase;
  let fromSchema: TestDatabase;
  const script = diffSchemas("empty", schemaPath);

  beforeAll(async () => {
    fromMigrations = await createTestDatabase(kind);
    fromSchema = await createTestDatabase(kind, { migrated: false });
    await fromSchema.sql.exec(script);
  });
  afterAll(async () => {
    await fromMigrations?.destroy();
    await fromSchema?.destroy();
  });

  it("a database built from the migrations equals one built from schema.prisma, plus the listed hand-written objects", async () => {
    const migrated = await catalogSnapshot(fromMigrations.sql);
    const generated = await catalogSnapshot(fromSchema.sql);
    const missingFromMigrations = [...generated].filter((item) => !migrated.has(item)).sort();
    const extraInMigrations = [...migrated].filter((item) => !generated.has(item) && !isManual(item)).sort();
    expect(missingFromMigrations, "schema.prisma has these, the migrations do not: run npm run db:migration:new <name>").toEqual([]);
    expect(extraInMigrations, "the migrations have these, schema.prisma does not").toEqual([]);
  });

  it("every listed hand-written object exists in the migrated database", async () => {
    const migrated = [...(await catalogSnapshot(fromMigrations.sql))];
    const listed = [
      ...manual.extensions.map((n) => `extension ${n}`),
      ...manual.functions.map((n) => `function ${n}`),
      ...manual.triggers.map((n) => `trigger ${n}`),
    ];
    for (const item of listed) expect(migrated).toContain(item);
    for (const name of manual.columns) expect(migrated.some((i) => i.startsWith(`column ${name} `))).toBe(true);
    for (const name of manual.constraints) expect(migrated.some((i) => i.startsWith(`constraint ${name} `))).toBe(true);
    for (const name of manual.indexes) expect(migrated.some((i) => i.startsWith(`index ${name} `))).toBe(true);
  });
});
