/**
 * What the read compiler (compile-read.ts) takes for granted about the
 * database, checked against the database itself when a process starts:
 *
 * - tables and columns are named as the Prisma models and fields (no @map);
 * - every relation joins its foreign key to the other table's `id`;
 * - every DateTime column is `timestamptz`, so its JSON text carries the zone
 *   and decodes to the same instant Prisma returns, or `date` (`@db.Date`),
 *   whose JSON text "YYYY-MM-DD" decodes to UTC midnight, as Prisma returns it.
 *
 * A schema change that breaks one of these would make compiled reads return
 * wrong rows or shifted dates without any error; this makes it fail loudly instead.
 */
import { DatabaseError } from "../errors.ts";
import type { SqlRunner } from "../sql.ts";
import { modelInfo, modelNames } from "./model-map.ts";

export class ReadAssumptionError extends DatabaseError {
  override name = "ReadAssumptionError";
}

interface ColumnRow extends Record<string, unknown> {
  table_name: string;
  column_name: string;
  data_type: string;
}

interface ForeignKeyRow extends Record<string, unknown> {
  table_name: string;
  columns: string;
  referenced_table: string;
  referenced_columns: string;
}

/** Throws ReadAssumptionError naming every model field the compiler would read wrongly. */
export async function assertReadAssumptions(sql: SqlRunner): Promise<void> {
  const columns = await sql.query<ColumnRow>(
    `SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  // Foreign keys with their columns in key order, comma-separated.
  const foreignKeys = await sql.query<ForeignKeyRow>(
    `SELECT t.relname::text AS table_name, r.relname::text AS referenced_table,
            (SELECT string_agg(a.attname::text, ',' ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
            (SELECT string_agg(a.attname::text, ',' ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS referenced_columns
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
      WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace`,
  );
  const problems = readAssumptionProblems(columns, foreignKeys);
  if (problems.length) {
    throw new ReadAssumptionError(
      `The database does not match what compiled reads assume (packages/db/src/reads/assumptions.ts): ${problems.join("; ")}`,
    );
  }
}

function readAssumptionProblems(columns: ColumnRow[], foreignKeys: ForeignKeyRow[]): string[] {
  const typeOf = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c.data_type]));
  const problems: string[] = [];
  for (const name of modelNames()) {
    const model = modelInfo(name);
    for (const field of model.fields.values()) {
      const where = `${name}.${field.name}`;
      if (field.kind === "scalar" || field.kind === "enum") {
        const type = typeOf.get(where);
        if (type === undefined) problems.push(`${where} has no column "${field.name}" in table "${name}"`);
        else if (field.type === "DateTime" && type !== "timestamp with time zone" && type !== "date")
          problems.push(`${where} is a DateTime stored as ${type}, not timestamp with time zone or date`);
        continue;
      }
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const own = field.relationFromFields.join(",");
      const key = foreignKeys.find((fk) => fk.table_name === name && fk.columns === own && fk.referenced_table === field.type);
      if (!key) problems.push(`${where} has no foreign key (${own}) to table "${field.type}"`);
      else if (key.referenced_columns !== "id")
        problems.push(`${where} joins on ${field.type}(${key.referenced_columns}), not ${field.type}(id)`);
    }
  }
  return problems;
}
