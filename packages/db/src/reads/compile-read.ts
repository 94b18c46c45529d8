/**
 * Compiles a Prisma read (findMany / findFirst / findUnique / count with
 * nested `select`/`include`, relation connections and `_count`) into ONE SQL
 * statement that returns the result as JSON in Prisma's shape.
 *
 * Why: Prisma 6.19 sends one statement per relation level, compiles every
 * call's plan in WASM on the event loop, and turns a relation `_count` into a
 * GROUP BY over the whole child table. Pothos hands us the whole selection of
 * a GraphQL query as one nested `select`, so a page of articles with their
 * claims, speakers and sources can be one statement, as a hand-written one would.
 *
 * It covers what the GraphQL schema asks for; anything else (cursors, relation
 * ordering, JSON filters, …) throws `Unsupported` and the caller lets Prisma run it.
 */
import { type FieldInfo, type ModelInfo, modelInfo, relationInfo } from "./model-map.ts";

export class Unsupported extends Error {}

/**
 * A parameter PostgreSQL cannot take as text (a NUL byte) or that the driver
 * would silently change (a lone UTF-16 surrogate becomes U+FFFD). Refused
 * before it reaches SQL, so it fails its own read only, never a statement
 * shared with other requests.
 */
export class InvalidParameter extends Error {
  override name = "InvalidParameter";
  readonly code = "BAD_USER_INPUT";
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`The value given for ${field} ${problem}`);
  }
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throws InvalidParameter when `value` (or an element of it) is text SQL cannot carry faithfully. */
export function checkParameter(field: string, value: unknown): void {
  if (typeof value === "string") {
    if (value.includes("\0")) throw new InvalidParameter(field, "contains a NUL byte");
    if (loneSurrogate.test(value)) throw new InvalidParameter(field, "contains a lone UTF-16 surrogate");
  } else if (Array.isArray(value)) {
    for (const element of value) checkParameter(field, element);
  } else if (value instanceof Date && Number.isNaN(value.getTime())) {
    throw new InvalidParameter(field, "is not a valid date");
  }
}

type Args = Record<string, unknown>;
/** Turns the statement's JSON into Prisma's values (dates). */
type Decoder = (value: unknown) => unknown;

interface Builder {
  params: unknown[];
  aliases: number;
}

const q = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

function bind(b: Builder, value: unknown, field = "a filter"): string {
  checkParameter(field, value);
  b.params.push(value instanceof Date ? value.toISOString() : Array.isArray(value) ? arrayLiteral(value) : value);
  return `$${b.params.length}`;
}

/**
 * Arrays go as PostgreSQL array literals, typed by where they are used
 * (`= ANY($1)`): node-postgres would do this itself, PGlite would not.
 */
function arrayLiteral(values: unknown[]): string {
  const element = (v: unknown) => {
    if (v === null || v === undefined) return "NULL";
    const text = v instanceof Date ? v.toISOString() : String(v);
    return `"${text.replace(/[\\"]/g, "\\$&")}"`;
  };
  return `{${values.map(element).join(",")}}`;
}

const alias = (b: Builder) => `t${b.aliases++}`;

// ---------------------------------------------------------------- selection

interface Selection {
  scalars: FieldInfo[];
  relations: { field: FieldInfo; args: Args }[];
  counts: { field: FieldInfo; where: unknown }[];
}

function selectionOf(model: ModelInfo, args: Args): Selection {
  const selection: Selection = { scalars: [], relations: [], counts: [] };
  const select = args.select as Args | undefined;
  const include = args.include as Args | undefined;
  if (select && include) throw new Unsupported("select and include");
  const entries = select
    ? Object.entries(select)
    : [...model.scalars.map((f) => [f.name, true] as [string, unknown]), ...Object.entries(include ?? {})];
  if (select && !entries.some(([, v]) => v)) throw new Unsupported("empty select");
  for (const [key, value] of entries) {
    if (!value) continue;
    if (key === "_count") {
      const counted = isPlainObject(value) ? value.select : undefined;
      if (!isPlainObject(counted)) throw new Unsupported("_count without select");
      for (const [name, spec] of Object.entries(counted)) {
        if (!spec) continue;
        const field = model.fields.get(name);
        if (!field || field.kind !== "object" || !field.isList) throw new Unsupported(`_count of ${name}`);
        if (spec !== true && !(isPlainObject(spec) && Object.keys(spec).every((k) => k === "where")))
          throw new Unsupported("_count options");
        selection.counts.push({ field, where: spec === true ? undefined : spec.where });
      }
      continue;
    }
    const field = model.fields.get(key);
    if (!field) throw new Unsupported(`unknown field ${model.name}.${key}`);
    if (field.kind === "object") {
      selection.relations.push({ field, args: value === true ? {} : (value as Args) });
    } else {
      if (value !== true) throw new Unsupported(`scalar ${key} with options`);
      if (!["String", "Int", "Float", "Boolean", "DateTime", "Json"].includes(field.type) && field.kind !== "enum")
        throw new Unsupported(`type ${field.type}`);
      selection.scalars.push(field);
    }
  }
  return selection;
}

/** A json_build_object of the selected fields of the row `row`, and its decoder. */
function objectSql(
  b: Builder,
  model: ModelInfo,
  row: string,
  args: Args,
  extra: [string, string][] = [],
): { sql: string; decode: Decoder } {
  const selection = selectionOf(model, args);
  const pairs: [string, string][] = [...extra];
  const dates: string[] = [];
  const nested: [string, Decoder][] = [];
  for (const field of selection.scalars) {
    pairs.push([field.name, `${row}.${q(field.name)}`]);
    if (field.type === "DateTime") dates.push(field.name);
  }
  for (const { field, args: relationArgs } of selection.relations) {
    const related = relationSql(b, model, row, field, relationArgs);
    pairs.push([field.name, related.sql]);
    nested.push([field.name, related.decode]);
  }
  if (selection.counts.length) {
    const counts = selection.counts.map(({ field, where }): [string, string] => {
      const relation = relationInfo(model, field);
      const target = modelInfo(relation.target);
      const child = alias(b);
      const conditions = [joinSql(relation, row, child), whereSql(b, target, child, where)];
      return [field.name, `(SELECT count(*) FROM ${q(target.name)} ${child} WHERE ${conditions.join(" AND ")})`];
    });
    pairs.push(["_count", buildObject(counts)]);
  }
  const decode: Decoder = (value) => {
    const object = value as Record<string, unknown> | null;
    if (!object) return object;
    for (const name of dates) if (object[name] != null) object[name] = new Date(object[name] as string);
    for (const [name, inner] of nested) object[name] = inner(object[name]);
    return object;
  };
  return { sql: buildObject(pairs), decode };
}

/** json_build_object takes at most 100 arguments; wider objects are merged from pieces. */
function buildObject(pairs: [string, string][]): string {
  const pieces: string[] = [];
  for (let i = 0; i < pairs.length; i += 50) {
    pieces.push(
      `json_build_object(${pairs
        .slice(i, i + 50)
        .map(([key, value]) => `'${key}', ${value}`)
        .join(", ")})`,
    );
  }
  return pieces.length === 1 ? pieces[0]! : `(${pieces.map((p) => `${p}::jsonb`).join(" || ")})::json`;
}

const joinSql = (relation: ReturnType<typeof relationInfo>, parent: string, child: string) =>
  relation.childColumns.map((column, i) => `${child}.${q(column)} = ${parent}.${q(relation.parentColumns[i]!)}`).join(" AND ");

function relationSql(b: Builder, model: ModelInfo, row: string, field: FieldInfo, args: Args): { sql: string; decode: Decoder } {
  const relation = relationInfo(model, field);
  const target = modelInfo(relation.target);
  if (!relation.list) {
    for (const key of Object.keys(args)) if (key !== "select" && key !== "include") throw new Unsupported(`to-one ${key}`);
    const child = alias(b);
    const object = objectSql(b, target, child, args);
    return { sql: `(SELECT ${object.sql} FROM ${q(target.name)} ${child} WHERE ${joinSql(relation, row, child)})`, decode: object.decode };
  }
  return rowsSql(b, target, args, (child) => joinSql(relation, row, child));
}

// ---------------------------------------------------------------- rows

const readKeys = new Set(["select", "include", "where", "orderBy", "take", "skip"]);

/** A subquery that yields a JSON array of the rows `args` asks for. */
function rowsSql(
  b: Builder,
  model: ModelInfo,
  args: Args,
  join?: (child: string) => string,
  extra: (row: string) => [string, string][] = () => [],
): { sql: string; decode: Decoder } {
  for (const key of Object.keys(args)) if (args[key] !== undefined && !readKeys.has(key)) throw new Unsupported(`option ${key}`);
  const take = args.take as number | undefined;
  const skip = args.skip as number | undefined;
  if (take !== undefined && (!Number.isInteger(take) || take < 0)) throw new Unsupported("take");
  if (skip !== undefined && (!Number.isInteger(skip) || skip < 0)) throw new Unsupported("skip");
  const inner = alias(b);
  const outer = alias(b);
  const conditions = [join?.(inner), whereSql(b, model, inner, args.where)].filter(Boolean);
  const order = orderSql(model, args.orderBy, take !== undefined || Boolean(skip));
  const object = objectSql(b, model, outer, args, extra(outer));
  const orderBy = (row: string) => (order.length ? ` ORDER BY ${order.map((o) => `${row}.${o}`).join(", ")}` : "");
  const limit = `${take !== undefined ? ` LIMIT ${take}` : ""}${skip ? ` OFFSET ${skip}` : ""}`;
  const sql =
    `(SELECT coalesce(json_agg(${object.sql}${orderBy(outer)}), '[]') FROM ` +
    `(SELECT * FROM ${q(model.name)} ${inner} WHERE ${conditions.join(" AND ")}${orderBy(inner)}${limit}) ${outer})`;
  return { sql, decode: (value) => (value as unknown[]).map(object.decode) };
}

/**
 * The ORDER BY terms of `orderBy`, then the primary key as tiebreak, the
 * order Prisma pages by: a LIMIT over a partial (or no) order would pick
 * arbitrary rows among equals, and later cursor pages (run by Prisma) would
 * overlap or skip them. No order at all when none is asked for and nothing is cut.
 */
function orderSql(model: ModelInfo, orderBy: unknown, paged: boolean): string[] {
  const list = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  const order: string[] = [];
  const ordered = new Set<string>();
  for (const item of list) {
    if (!isPlainObject(item)) throw new Unsupported("orderBy");
    for (const [name, spec] of Object.entries(item)) {
      if (spec === undefined) continue;
      const field = model.fields.get(name);
      if (!field || (field.kind !== "scalar" && field.kind !== "enum") || field.isList || field.type === "Json")
        throw new Unsupported(`orderBy ${name}`);
      let direction: unknown = spec;
      let nulls = "";
      if (isPlainObject(spec)) {
        direction = spec.sort;
        if (spec.nulls === "first" || spec.nulls === "last") nulls = ` NULLS ${spec.nulls.toUpperCase()}`;
        else if (spec.nulls !== undefined) throw new Unsupported("nulls");
      }
      if (direction !== "asc" && direction !== "desc") throw new Unsupported("direction");
      order.push(`${q(name)} ${direction.toUpperCase()}${nulls}`);
      ordered.add(name);
    }
  }
  if (!order.length && !paged) return order;
  for (const name of model.primaryKey) if (!ordered.has(name)) order.push(`${q(name)} ASC`);
  return order;
}

/**
 * `args` with the primary key appended to the order wherever a compiled read
 * would page by it (orderSql): for the reads Prisma runs itself (cursors,
 * relation orders, …), so that its pages and the compiled first page follow
 * one order and neither overlap nor skip. A findFirst is always cut to one row.
 */
export function withPrimaryKeyOrder(modelName: string, args: Args, first: boolean): Args {
  return tiebroken(modelInfo(modelName), args, true, first);
}

function tiebroken(model: ModelInfo, args: Args, list: boolean, first: boolean): Args {
  if (!isPlainObject(args)) return args;
  const out: Args = { ...args };
  if (list) {
    const given: unknown[] = args.orderBy === undefined ? [] : Array.isArray(args.orderBy) ? args.orderBy : [args.orderBy];
    const cut = first || given.length > 0 || args.take !== undefined || Boolean(args.skip) || args.cursor !== undefined;
    const named = new Set(given.flatMap((o) => (isPlainObject(o) ? Object.keys(o) : [])));
    const missing = model.primaryKey.filter((k) => !named.has(k));
    if (cut && missing.length) out.orderBy = [...given, ...missing.map((k) => ({ [k]: "asc" }))];
  }
  for (const key of ["select", "include"]) {
    const chosen = args[key];
    if (!isPlainObject(chosen)) continue;
    out[key] = Object.fromEntries(
      Object.entries(chosen).map(([name, value]) => {
        const field = model.fields.get(name);
        if (!field || field.kind !== "object" || !isPlainObject(value)) return [name, value];
        return [name, tiebroken(modelInfo(field.type), value, field.isList, false)];
      }),
    );
  }
  return out;
}

// ---------------------------------------------------------------- where

function whereSql(b: Builder, model: ModelInfo, row: string, where: unknown): string {
  if (where === undefined || where === null) return "TRUE";
  if (!isPlainObject(where)) throw new Unsupported("where");
  const parts: string[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) continue;
    if (key === "AND" || key === "NOT") {
      const list = (Array.isArray(value) ? value : [value]).map((w) => whereSql(b, model, row, w));
      // NOT with a list: none of its conditions holds (Prisma's meaning), not "not all of them".
      const each = key === "AND" ? list.map((w) => `(${w})`) : list.map((w) => `NOT (${w})`);
      parts.push(each.length ? each.join(" AND ") : "TRUE");
      continue;
    }
    if (key === "OR") {
      if (!Array.isArray(value)) throw new Unsupported("OR");
      parts.push(value.length ? `(${value.map((w) => `(${whereSql(b, model, row, w)})`).join(" OR ")})` : "FALSE");
      continue;
    }
    const field = model.fields.get(key);
    if (!field) throw new Unsupported(`where ${key}`);
    parts.push(field.kind === "object" ? relationFilter(b, model, row, field, value) : scalarFilter(b, `${row}.${q(key)}`, field, value));
  }
  return parts.length ? parts.join(" AND ") : "TRUE";
}

function relationFilter(b: Builder, model: ModelInfo, row: string, field: FieldInfo, value: unknown): string {
  const relation = relationInfo(model, field);
  const target = modelInfo(relation.target);
  const child = alias(b);
  const exists = (where: unknown, negate = false) =>
    `EXISTS (SELECT 1 FROM ${q(target.name)} ${child} WHERE ${joinSql(relation, row, child)} AND ${negate ? "NOT " : ""}(${whereSql(b, target, child, where)}))`;
  if (relation.list) {
    if (!isPlainObject(value)) throw new Unsupported("list relation filter");
    const parts: string[] = [];
    for (const [op, where] of Object.entries(value)) {
      if (where === undefined) continue;
      if (op === "some") parts.push(exists(where));
      else if (op === "none") parts.push(`NOT ${exists(where)}`);
      else if (op === "every") parts.push(`NOT ${exists(where, true)}`);
      else throw new Unsupported(`relation filter ${op}`);
    }
    return parts.join(" AND ") || "TRUE";
  }
  if (value === null) return `NOT ${exists(undefined)}`;
  if (!isPlainObject(value)) throw new Unsupported("relation filter");
  if ("is" in value || "isNot" in value) {
    const parts: string[] = [];
    if (value.is !== undefined) parts.push(value.is === null ? `NOT ${exists(undefined)}` : exists(value.is));
    // Prisma's isNot: no related row, or one for which the condition is false (SQL's
    // three values: a condition that is NULL on the related row matches neither is nor isNot).
    if (value.isNot !== undefined)
      parts.push(value.isNot === null ? exists(undefined) : `(NOT ${exists(undefined)} OR ${exists(value.isNot, true)})`);
    return parts.join(" AND ") || "TRUE";
  }
  return exists(value);
}

const comparisons: Record<string, string> = { lt: "<", lte: "<=", gt: ">", gte: ">=" };

function scalarFilter(b: Builder, column: string, field: FieldInfo, value: unknown): string {
  const param = (b: Builder, v: unknown) => bind(b, v, field.name);
  if (field.type === "Json" || (!["String", "Int", "Float", "Boolean", "DateTime"].includes(field.type) && field.kind !== "enum"))
    throw new Unsupported(`filter on ${field.type}`);
  if (value === null) return `${column} IS NULL`;
  if (!isPlainObject(value)) {
    if (field.isList) throw new Unsupported("list equality");
    return `${column} = ${param(b, value)}`;
  }
  const insensitive = value.mode === "insensitive";
  const parts: string[] = [];
  for (const [op, operand] of Object.entries(value)) {
    if (operand === undefined || op === "mode") continue;
    if (field.isList) {
      if (op === "has") parts.push(operand === null ? "FALSE" : `${param(b, operand)} = ANY(${column})`);
      else if (op === "hasSome") parts.push(`${column} && ${param(b, operand)}`);
      else if (op === "hasEvery") parts.push(`${column} @> ${param(b, operand)}`);
      else if (op === "isEmpty") parts.push(operand ? `cardinality(${column}) = 0` : `cardinality(${column}) > 0`);
      else throw new Unsupported(`list filter ${op}`);
      continue;
    }
    switch (op) {
      case "equals":
        parts.push(operand === null ? `${column} IS NULL` : `${column} = ${param(b, operand)}`);
        break;
      case "in":
      case "notIn": {
        if (!Array.isArray(operand)) throw new Unsupported(op);
        const test = operand.length ? `${column} = ANY(${param(b, operand)})` : "FALSE";
        parts.push(op === "in" ? test : operand.length ? `NOT (${test})` : "TRUE");
        break;
      }
      case "lt":
      case "lte":
      case "gt":
      case "gte":
        if (operand === null) throw new Unsupported(`${op} null`);
        parts.push(`${column} ${comparisons[op]} ${param(b, operand)}`);
        break;
      case "not":
        // Prisma's `not: value` on a nullable column has its own NULL rules; only the plain cases here.
        if (operand === null) parts.push(`${column} IS NOT NULL`);
        else if (field.isRequired && !isPlainObject(operand)) parts.push(`${column} <> ${param(b, operand)}`);
        else throw new Unsupported("not");
        break;
      case "contains":
      case "startsWith":
      case "endsWith": {
        if (typeof operand !== "string" || field.type !== "String") throw new Unsupported(op);
        // Unescaped, as Prisma does it: a `%` or `_` in the text is a wildcard on both paths alike.
        const pattern = op === "contains" ? `%${operand}%` : op === "startsWith" ? `${operand}%` : `%${operand}`;
        parts.push(`${column} ${insensitive ? "ILIKE" : "LIKE"} ${param(b, pattern)}`);
        break;
      }
      default:
        throw new Unsupported(`filter ${op}`);
    }
  }
  if (insensitive && !parts.some((p) => p.includes("LIKE"))) throw new Unsupported("mode");
  return parts.join(" AND ") || "TRUE";
}

// ---------------------------------------------------------------- statements

export interface CompiledRead {
  /** A scalar SQL expression (a parenthesized subquery) whose value is the JSON result. */
  expression: string;
  /** Its parameters, numbered from $1. */
  params: unknown[];
  /** Turns the expression's value into what Prisma would have returned. */
  decode: Decoder;
}

/** findMany, or findFirst/findUnique (one row or null). */
export function compileFind(modelName: string, args: Args, one: boolean): CompiledRead {
  const b: Builder = { params: [], aliases: 0 };
  const rows = rowsSql(b, modelInfo(modelName), one ? { ...args, take: 1 } : args);
  return {
    expression: rows.sql,
    params: b.params,
    decode: (value) => (one ? ((rows.decode(value) as unknown[])[0] ?? null) : rows.decode(value)),
  };
}

/**
 * Many findUnique calls that differ only in the value of one unique column,
 * as one expression; the decoded result maps each value to its row.
 */
export function compileFindUniqueBatch(modelName: string, args: Args, key: string, values: unknown[]): CompiledRead {
  const b: Builder = { params: [], aliases: 0 };
  const model = modelInfo(modelName);
  const where = { ...(args.where as Args), [key]: { in: values } };
  const rows = rowsSql(b, model, { ...args, where }, undefined, (row) => [["__key", `${row}.${q(key)}`]]);
  return {
    expression: rows.sql,
    params: b.params,
    decode: (value) => {
      const byKey = new Map<unknown, unknown>();
      for (const row of rows.decode(value) as Record<string, unknown>[]) {
        byKey.set(row.__key, row);
        delete row.__key;
      }
      return byKey;
    },
  };
}

export function compileCount(modelName: string, args: Args): CompiledRead {
  for (const key of Object.keys(args)) if (args[key] !== undefined && key !== "where") throw new Unsupported(`count ${key}`);
  const b: Builder = { params: [], aliases: 0 };
  const row = alias(b);
  const where = whereSql(b, modelInfo(modelName), row, args.where);
  return { expression: `(SELECT count(*)::int FROM ${q(modelName)} ${row} WHERE ${where})`, params: b.params, decode: (value) => value };
}

/**
 * Several reads as one statement: `SELECT <read 0> AS r0, <read 1> AS r1 …`,
 * each read's parameters renumbered after the ones before it.
 */
export function combine(reads: CompiledRead[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const columns = reads.map((read, i) => {
    const offset = params.length;
    params.push(...read.params);
    // Our SQL has no other `$`: identifiers come from the schema, values are parameters.
    const expression = offset ? read.expression.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`) : read.expression;
    return `${expression} AS r${i}`;
  });
  return { sql: `SELECT ${columns.join(", ")}`, params };
}

/** The unique column a findUnique's `where` names with a plain value, if exactly one. */
export function uniqueKey(modelName: string, where: unknown): string | null {
  if (!isPlainObject(where)) return null;
  const model = modelInfo(modelName);
  const keys = Object.keys(where).filter((key) => {
    const field = model.fields.get(key);
    return field && (field.isId || field.isUnique) && (typeof where[key] === "string" || typeof where[key] === "number");
  });
  return keys.length === 1 ? keys[0]! : null;
}
